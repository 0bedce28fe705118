// Guesses a session's kind from the words schedules use in titles, categories and types.
import type { SessionKind } from '../model/schema.ts';

const RULES: ReadonlyArray<readonly [RegExp, SessionKind]> = [
  [/\bsponsored keynote\b/i, 'sponsored-keynote'],
  [/\bkeynote/i, 'keynote'],
  [/\blightning\b/i, 'lightning-talk'],
  [/\btutorials?\b/i, 'tutorial'],
  [/\bpanel\b/i, 'panel'],
  [/\b(?:workshops?|contribfest|hands-on|hackathon)\b/i, 'workshop'],
  [/\bdemos?\b/i, 'demo'],
  [/\b(?:breaks?|lunch|coffee|registration|badge|cloakroom)\b/i, 'break'],
  [/\b(?:meetups?|bof|birds of a feather|social|party|reception)\b/i, 'meetup'],
  [/\b(?:talks?|maintrack|devroom|lecture|presentation|session)\b/i, 'talk'],
  [
    /\b(?:dj|dj-set|concert|performance|ceremony|screening|film|exhibition|installation|assembly|game show)\b/i,
    'other',
  ],
];

/** A title longer than this names a programme item that merely mentions a break word ("… registration required"). */
const LONGEST_BREAK_TITLE_WORDS = 5;

/** The first rule that matches the title, then the category or type; a talk when nothing does. */
export function guessSessionKind(title: string, ...labels: ReadonlyArray<string | undefined>): SessionKind {
  const longTitle =
    title.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length > LONGEST_BREAK_TITLE_WORDS;
  for (const [index, text] of [title, ...labels].entries()) {
    if (text === undefined) continue;
    for (const [pattern, kind] of RULES) {
      if (kind === 'break' && index === 0 && longTitle) continue;
      if (pattern.test(text)) return kind;
    }
  }
  return 'talk';
}

const prettyLabels = new Map<string, string>();

/** "🚨 CONTRIBFEST" → "Contribfest", "AI + ML" stays, "CNCF-HOSTED CO-LOCATED EVENTS" → "CNCF-Hosted Co-Located Events". */
export function prettyLabel(label: string): string {
  // A schedule repeats a few dozen labels hundreds of times.
  let pretty = prettyLabels.get(label);
  if (pretty === undefined) {
    pretty = formatLabel(label);
    if (prettyLabels.size > 1000) prettyLabels.clear();
    prettyLabels.set(label, pretty);
  }
  return pretty;
}

function formatLabel(label: string): string {
  const text = label
    .replace(/[^\p{L}\p{N}\s+&,/.:()'-]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (text !== text.toUpperCase()) return text;
  return text
    .split(' ')
    .map((token) =>
      // A standalone short word is an acronym (AI, ML); so is a word without vowels (CNCF).
      token.length <= 2
        ? token
        : token.replace(/\p{L}+/gu, (word) => (/[AEIOUY]/.test(word) ? capitalize(word) : word)),
    )
    .join(' ');
}

function capitalize(word: string): string {
  return word.charAt(0) + word.slice(1).toLowerCase();
}
