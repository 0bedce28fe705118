// Turns free text into comparable word tokens: lower case, accents folded, split on anything but letters and digits.

const COMBINING_MARKS = /\p{M}+/gu;
const WORD_SEPARATORS = /[^\p{L}\p{N}]+/u;

/** Lower-cases and strips accents, so "Jean-François" and "jean-francois" compare equal. */
export function foldText(text: string): string {
  // Most text is plain ASCII, which has nothing to decompose.
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  return text.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase();
}

const NON_ASCII = /[^\p{ASCII}]/u;

/** Splits text into folded word tokens; punctuation and whitespace only separate. */
export function wordTokens(text: string): string[] {
  return foldText(text)
    .split(WORD_SEPARATORS)
    .filter((token) => token.length > 0);
}

/** A folded, single-spaced form of a name or phrase, for equality checks. */
export function normalizePhrase(text: string): string {
  return wordTokens(text).join(' ');
}
