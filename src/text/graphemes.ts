// Cutting text by grapheme (what a reader sees as one character), so no cut leaves half an emoji or a bare accent.

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
/** Code units past the limit that `cutToLength` lets the segmenter see. */
const LOOK_AHEAD = 16;

/** The graphemes of `text`, in order, lazily: a caller that stops early never segments the rest. */
export function graphemes(text: string): Iterable<string> {
  return {
    *[Symbol.iterator]() {
      for (const { segment } of segmenter.segment(text)) yield segment;
    },
  };
}

/**
 * The longest start of `text` made of whole graphemes and at most `max` UTF-16 code units long (the unit of
 * JavaScript's `length` and of Slack's and Discord's limits). A surrogate pair, an emoji sequence joined by ZWJ, a
 * flag or a letter with its combining marks is kept whole or left out whole.
 */
export function cutToLength(text: string, max: number): string {
  if (text.length <= max) return text;
  let length = 0;
  // Segmenting copies the whole text first: look only a little past the limit (a boundary depends on the next
  // few code units), so cutting a 100 kB paste costs no more than a short one.
  for (const grapheme of graphemes(text.slice(0, max + LOOK_AHEAD))) {
    if (length + grapheme.length > max) break;
    length += grapheme.length;
  }
  return text.slice(0, length);
}
