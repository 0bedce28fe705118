// Decides whether two sessions from different sources are the same one: same start, same room, similar title.
import type { Session } from '../model/schema.ts';
import { wordTokens } from '../text/normalize.ts';

/** Words that label a title's kind rather than its subject ("Keynote:", "Sponsored Keynote:"). */
const LABEL_WORDS = new Set([
  'keynote',
  'sponsored',
  'session',
  'talk',
  'panel',
  'demo',
  'live',
  'the',
  'a',
  'an',
  'of',
  'and',
]);
/** Share of the shorter title's words the other must contain. */
const MIN_TITLE_OVERLAP = 0.6;

function titleWords(title: string): Set<string> {
  return new Set(wordTokens(title).filter((word) => !LABEL_WORDS.has(word)));
}

function roomKey(room: string | undefined): string {
  return wordTokens(room ?? '').join(' ');
}

export function sameSession(a: Session, b: Session): boolean {
  if (a.start === undefined || b.start === undefined || Date.parse(a.start) !== Date.parse(b.start))
    return false;
  if (a.room !== undefined && b.room !== undefined && roomKey(a.room) !== roomKey(b.room)) return false;
  const aWords = titleWords(a.title);
  const bWords = titleWords(b.title);
  const smaller = aWords.size <= bWords.size ? aWords : bWords;
  const larger = smaller === aWords ? bWords : aWords;
  if (smaller.size === 0) return aWords.size === bWords.size;
  let shared = 0;
  for (const word of smaller) if (larger.has(word)) shared++;
  return shared / smaller.size >= MIN_TITLE_OVERLAP;
}

/** Words that identify a session by title alone, when there are enough of them to be distinctive. */
const MIN_TITLE_KEY_WORDS = 3;

/** A title reduced to its distinctive words, or undefined when it is too short to identify a session alone. */
export function titleKey(title: string): string | undefined {
  const words = [...titleWords(title)];
  return words.length >= MIN_TITLE_KEY_WORDS ? words.join(' ') : undefined;
}
