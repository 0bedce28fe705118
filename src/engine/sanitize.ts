// Makes any input safe to answer: no control or bidi characters, bounded length, single spaces.
import { cutToLength } from '../text/graphemes.ts';
import { removeInvisible } from '../text/invisible.ts';

/** Questions longer than this are cut (at a word boundary when one is near). */
export const MAX_QUESTION_LENGTH = 500;

export interface CleanQuestion {
  readonly text: string;
  /** True when the input was longer than `MAX_QUESTION_LENGTH` and was cut. */
  readonly truncated: boolean;
}

export function sanitizeQuestion(input: unknown): CleanQuestion {
  const raw = typeof input === 'string' ? input : String(input ?? '');
  // Look at a little more than the limit only, so a 100 kB paste costs no more than a short question.
  const head = cutToLength(raw, MAX_QUESTION_LENGTH * 4);
  // Tabs and line breaks become spaces first; then the same cleaning imported data gets.
  const clean = removeInvisible(head.replace(/[\t\r\n]+/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
  if (clean.length <= MAX_QUESTION_LENGTH && raw.length <= MAX_QUESTION_LENGTH * 4)
    return { text: clean, truncated: false };
  const cut = cutToLength(clean, MAX_QUESTION_LENGTH);
  const lastSpace = cut.lastIndexOf(' ');
  const text = (lastSpace > MAX_QUESTION_LENGTH * 0.8 ? cut.slice(0, lastSpace) : cut).trim();
  return { text, truncated: clean.length > MAX_QUESTION_LENGTH || raw.length > MAX_QUESTION_LENGTH * 4 };
}
