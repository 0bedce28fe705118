// Scores one answer against a corpus question's expectations, with accents and case folded.
import { type Answer, assertNever } from '../../src/index.ts';
import type { EvalExpect } from './eval-case.ts';

/** Lower case, accents and typographic quotes removed, whitespace collapsed: "Jean-François" matches "jean-francois". */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\s+/g, ' ');
}

/**
 * Whether `phrase` appears in `text` as whole words, both folded: "One" (a room) is not found in "someone",
 * nor "Ray" in "array"; punctuation around it ("Hall 12,", "CCC-Jahresrückblick") does not matter.
 */
export function mentions(text: string, phrase: string): boolean {
  const escaped = fold(phrase).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u').test(fold(text));
}

/** Why an answer failed its question: each unmet expectation, worded for the failure list. */
export type Miss =
  | { readonly kind: 'answered'; readonly expected: boolean }
  | { readonly kind: 'missing'; readonly text: string }
  | { readonly kind: 'none-of'; readonly texts: readonly string[] }
  | { readonly kind: 'first'; readonly text: string }
  | { readonly kind: 'present'; readonly text: string }
  | { readonly kind: 'error'; readonly message: string };

/** Every expectation the answer misses; empty when it passes. */
export function scoreAnswer(expect: EvalExpect, answer: Answer): Miss[] {
  const misses: Miss[] = [];
  if (answer.answered !== expect.answered) misses.push({ kind: 'answered', expected: expect.answered });
  const text = answer.text;
  for (const mention of expect.mentions ?? []) {
    if (!mentions(text, mention)) misses.push({ kind: 'missing', text: mention });
  }
  const anyOf = expect.anyOf ?? [];
  if (anyOf.length > 0 && !anyOf.some((option) => mentions(text, option))) {
    misses.push({ kind: 'none-of', texts: anyOf });
  }
  if (expect.first !== undefined) {
    const top = answer.results[0];
    const topText = top === undefined ? '' : [top.title, ...top.people].join(' ');
    if (!mentions(topText, expect.first)) misses.push({ kind: 'first', text: expect.first });
  }
  for (const banned of expect.absent ?? []) {
    if (mentions(text, banned)) misses.push({ kind: 'present', text: banned });
  }
  return misses;
}

/** One line per miss, for `--failures`. */
export function describeMiss(miss: Miss): string {
  switch (miss.kind) {
    case 'answered':
      return miss.expected ? 'expected an answer, got "nothing found"' : 'expected "nothing found"';
    case 'missing':
      return `missing "${miss.text}"`;
    case 'none-of':
      return `none of ${miss.texts.map((t) => `"${t}"`).join(', ')}`;
    case 'first':
      return `first result is not "${miss.text}"`;
    case 'present':
      return `should not say "${miss.text}"`;
    case 'error':
      return `the engine threw: ${miss.message}`;
    default:
      return assertNever(miss);
  }
}
