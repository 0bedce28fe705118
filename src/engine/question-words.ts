// Small pieces of question reading that several parsers share: session-kind words and tidy subjects.
import type { SessionKind } from '../model/schema.ts';

const KIND_WORDS: ReadonlyArray<readonly [RegExp, SessionKind]> = [
  [/\bsponsored keynotes?\b/, 'sponsored-keynote'],
  [/\bkeynotes?\b/, 'keynote'],
  [/\blightning talks?\b/, 'lightning-talk'],
  [/\b(?:demos?|demonstrations?)\b/, 'demo'],
  [/\bpanels?\b/, 'panel'],
  [/\bworkshops?\b/, 'workshop'],
  [/\btutorials?\b/, 'tutorial'],
];

/** Pulls a session-kind word ("keynote", "demo") out of a phrase, since it filters rather than searches. */
export function splitSessionKind(phrase: string): { rest: string; sessionKind?: SessionKind } {
  for (const [pattern, kind] of KIND_WORDS) {
    if (pattern.test(phrase)) {
      const rest = phrase.replace(pattern, ' ').replace(/\s+/g, ' ').trim();
      return { rest, sessionKind: kind };
    }
  }
  return { rest: phrase };
}

/** Tidies a captured subject: no leading article, no possessive, no trailing filler. */
export function subjectOf(phrase: string | undefined): string {
  return (phrase ?? '')
    .replace(/^(?:the|a|an|this|that|any|some)\s+/, '')
    .replace(/'s\b/g, '')
    .replace(/\s+(?:at|during|in) (?:the )?(?:conference|kubecon|event|summit)$/, '')
    .replace(/\s+(?:at|during) (?:the )?(?:keynotes?|show)$/, '')
    .replace(/\s+(?:used for|good for|all about|about|for|do|does|doing)$/, '')
    .trim();
}
