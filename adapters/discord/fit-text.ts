// Cuts text to a length limit: at a word boundary with "…", or by whole pieces with "…and N more".
import { cutToLength } from '../../src/index.ts';

/** One unit of a longer text: a paragraph, a bullet, an item. `counts` is how many results it stands for. */
export interface Piece {
  readonly text: string;
  /** What goes between this piece and the one before it. */
  readonly separator: string;
  /** 1 for a bullet or an item, 0 for prose; dropped pieces add this to "…and N more". */
  readonly counts: number;
}

/** The line that stands for what was cut. */
export function moreLine(count: number, noun?: string): string {
  return noun === undefined ? `…and ${count} more.` : `…and ${count} more ${noun}.`;
}

/** Room to keep for a "…and N more" line (with its blank line) wherever pieces may be dropped. */
export const MORE_LINE_ROOM = 40;

/**
 * Shortens `text` to at most `max` UTF-16 code units, preferring a word boundary, ending in "…". Cuts between
 * graphemes (never half an emoji or a bare accent) and never leaves a dangling escape backslash.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  if (max === 1) return '…';
  let cut = cutToLength(text, max - 1);
  const lastSpace = cut.search(/\s\S*$/);
  if (lastSpace > (max - 1) * 0.7) cut = cut.slice(0, lastSpace);
  cut = cut.trimEnd();
  // An odd run of backslashes at the end would escape the ellipsis; drop one.
  const backslashes = cut.match(/\\+$/)?.[0].length ?? 0;
  if (backslashes % 2 === 1) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/** Pieces joined within a limit. */
export interface Fitted {
  readonly text: string;
  /** Results (pieces' `counts`) that were dropped. */
  readonly dropped: number;
}

/**
 * Joins pieces in order while they fit in `max`; the rest are dropped and, when they stood for results, replaced by
 * "…and N more" (a dropped "…and 3 more" piece counts 3, so the numbers add up), else by "…". A first piece too long
 * on its own is truncated rather than dropped, so something is always shown.
 */
export function fitPieces(pieces: readonly Piece[], max: number): Fitted {
  const joined = join(pieces);
  if (joined.length <= max) return { text: joined, dropped: 0 };
  const room = max - MORE_LINE_ROOM;
  let text = '';
  let kept = 0;
  for (const piece of pieces) {
    const next = kept === 0 ? piece.text : `${text}${piece.separator}${piece.text}`;
    if (next.length > room) break;
    text = next;
    kept++;
  }
  if (kept === 0 && pieces[0] !== undefined) {
    text = truncate(pieces[0].text, room);
    kept = 1;
  }
  const dropped = pieces.slice(kept).reduce((sum, piece) => sum + piece.counts, 0);
  if (kept === pieces.length) return { text, dropped };
  return { text: `${text}\n\n${dropped > 0 ? moreLine(dropped) : '…'}`, dropped };
}

/** The pieces joined with their separators. */
export function join(pieces: readonly Piece[]): string {
  return pieces
    .map((piece, index) => (index === 0 ? piece.text : `${piece.separator}${piece.text}`))
    .join('');
}
