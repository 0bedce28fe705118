// Every cut of text happens between graphemes: no lone surrogate, no emoji split at its joiner, no bare accent.
import { describe, expect, it } from 'vitest';
import { truncate } from '../../adapters/discord/fit-text.ts';
import { escapeToFit } from '../../adapters/slack/escape.ts';
import { shareButton } from '../../adapters/slack/surfaces.ts';
import { cutToLength, graphemes, MAX_QUESTION_LENGTH, sanitizeQuestion } from '../../src/index.ts';

/** A lone surrogate anywhere: what a cut by UTF-16 unit leaves. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when `cut` (less a closing "…") is made only of the filler and whole graphemes of `grapheme`. */
function wholeGraphemes(cut: string, grapheme: string): boolean {
  const whole = new Set(['x', ...graphemes(grapheme)]);
  const parts = [...graphemes(cut.replace(/…$/, ''))];
  return !LONE_SURROGATE.test(cut) && parts.every((part) => whole.has(part));
}

/** The hard cases, each meant to straddle the cut. */
const TRICKY = [
  ['a surrogate pair', '😀'],
  ['a ZWJ family', '👩‍👩‍👧‍👦'],
  ['a flag', '🇳🇱'],
  ['combining marks', 'e\u0301\u0323'],
  ['a skin tone', '👍🏽'],
] as const;

/** `pad` characters of filler and then the tricky grapheme, repeated: some repeat will sit on any cut. */
const around = (grapheme: string, pad: number) => `${'x'.repeat(pad)}${grapheme.repeat(20)}`;

describe('cutToLength', () => {
  it.each(TRICKY)('keeps %s whole or leaves it out, at every cut point', (_what, grapheme) => {
    const text = around(grapheme, 3);
    for (let max = 0; max <= text.length; max += 1) {
      const cut = cutToLength(text, max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(text.startsWith(cut)).toBe(true);
      expect([...graphemes(cut)].every((part) => part === 'x' || part === grapheme)).toBe(true);
      // As long as possible: the next grapheme would not have fitted.
      const next = [...graphemes(text.slice(cut.length))][0] ?? '';
      expect(cut.length + next.length > max || cut === text).toBe(true);
    }
  });
});

describe('every place that shortens text cuts between graphemes', () => {
  it.each(TRICKY)('the question sanitizer, with %s at the 500th character', (_what, grapheme) => {
    for (let pad = MAX_QUESTION_LENGTH - 8; pad < MAX_QUESTION_LENGTH; pad += 1) {
      const clean = sanitizeQuestion(around(grapheme, pad));
      expect(clean.truncated).toBe(true);
      expect(clean.text.length).toBeLessThanOrEqual(MAX_QUESTION_LENGTH);
      // The sanitizer drops zero-width joiners: what it keeps of the grapheme must be kept whole.
      const kept = sanitizeQuestion(grapheme).text;
      expect(wholeGraphemes(clean.text, kept), clean.text.slice(-12)).toBe(true);
    }
  });

  it.each(TRICKY)(
    'Slack: escapeToFit (blocks, header) and the share button value, with %s',
    (_what, grapheme) => {
      for (let max = 5; max < 30; max += 1) {
        const text = around(grapheme, 3);
        expect(wholeGraphemes(escapeToFit(text, max), grapheme)).toBe(true);
        const button = shareButton(around(grapheme, 1990)) as { elements: { value: string }[] };
        expect(wholeGraphemes(button.elements[0]?.value ?? '', grapheme)).toBe(true);
      }
    },
  );

  it.each(TRICKY)('Discord: truncate (embeds, content, autocomplete), with %s', (_what, grapheme) => {
    for (let max = 5; max < 30; max += 1) {
      const cut = truncate(around(grapheme, 3), max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(wholeGraphemes(cut, grapheme), cut).toBe(true);
    }
  });
});
