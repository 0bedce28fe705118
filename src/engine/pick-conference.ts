// Picks the conference a question names ("at DevConf, what's in the Rust room?") by the conferences' own names.
import { normalizePhrase, wordTokens } from '../text/normalize.ts';

/** One conference a question may name: its id and the names its data and configuration give it. */
export interface ConferenceNames {
  readonly id: string;
  /** Full name, short name, id; each also matches without a trailing year ("DevConf 2026" → "DevConf"). */
  readonly names: readonly string[];
}

/** The conference a question names, and the question without the naming phrase when it was a framing. */
export interface PickedConference {
  readonly id: string;
  /** "at DevConf, what's on?" → "what's on?"; a name that is part of the question itself is kept. */
  readonly question: string;
}

/** Words that frame a conference's name ("at X", "for X") and go with it when it is taken out. */
const FRAMING = new Set(['at', 'for', 'in', 'during', 'from']);
const YEAR = /^(?:19|20)\d\d$/;

/** Every phrase a conference answers to, folded to words: each name, and each without its year. */
export function namePhrases(names: readonly string[]): string[][] {
  const phrases: string[][] = [];
  for (const name of names) {
    const words = wordTokens(name);
    if (words.length === 0) continue;
    phrases.push(words);
    const last = words.at(-1) ?? '';
    if (words.length > 1 && YEAR.test(last)) phrases.push(words.slice(0, -1));
  }
  return phrases;
}

/**
 * The one conference whose name the question contains as whole words (the longest name wins); undefined when
 * none does, or when two conferences match equally well (the channel's own conference then answers).
 */
export function pickConference(
  question: string,
  conferences: readonly ConferenceNames[],
): PickedConference | undefined {
  const words = wordTokens(question);
  let best: { id: string; start: number; length: number } | undefined;
  let tied = false;
  for (const conference of conferences) {
    for (const phrase of namePhrases(conference.names)) {
      const start = findPhrase(words, phrase);
      if (start < 0) continue;
      if (best === undefined || phrase.length > best.length) {
        best = { id: conference.id, start, length: phrase.length };
        tied = false;
      } else if (phrase.length === best.length && conference.id !== best.id) tied = true;
    }
  }
  if (best === undefined || tied) return undefined;
  return { id: best.id, question: withoutFraming(question, words, best.start, best.length) };
}

function findPhrase(words: readonly string[], phrase: readonly string[]): number {
  outer: for (let start = 0; start + phrase.length <= words.length; start++) {
    for (let offset = 0; offset < phrase.length; offset++) {
      if (words[start + offset] !== phrase[offset]) continue outer;
    }
    return start;
  }
  return -1;
}

/**
 * Takes out "at NAME" (anywhere) or a leading "NAME," so the conference's engine does not search for its own
 * name. A name used as the subject ("when is DevConf?") stays: that engine answers it about itself.
 */
function withoutFraming(question: string, words: readonly string[], start: number, length: number): string {
  const framed = start > 0 && FRAMING.has(words[start - 1] ?? '');
  const leading = start === 0;
  if (!framed && !leading) return question;
  const from = framed ? start - 1 : start;
  const span = words.slice(from, start + length);
  // Find the same words in the original text, whatever the case, accents and punctuation between them.
  const pattern = new RegExp(
    `(^|[^\\p{L}\\p{N}])${span.map(escapeWord).join('[^\\p{L}\\p{N}]+')}(?=$|[^\\p{L}\\p{N}])\\s*[,:]?`,
    'iu',
  );
  const folded = question.normalize('NFKD').replace(/\p{M}+/gu, '');
  const match = pattern.exec(folded);
  // Folding changed the text's length (rare letters): keep the question as it was rather than cut it wrong.
  if (match === null || folded.length !== question.length) return question;
  // A leading name is a framing only when a comma or colon closes it ("DevConf: what's on?").
  if (!framed && !/[,:]$/.test(match[0])) return question;
  const cut = `${question.slice(0, match.index + (match[1]?.length ?? 0))} ${question.slice(match.index + match[0].length)}`;
  const rest = cut
    .replace(/\s+([?!.,])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  return normalizePhrase(rest) === '' ? question : rest;
}

function escapeWord(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
