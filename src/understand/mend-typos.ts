// Mends typos in the words that frame a question ("anounce", "keynot", "tlak", "thursdy") before it is read: a word
// the dataset does not use, one edit (or one swap of neighbouring letters) away from a framing word, is that word.
import type SearchableMap from 'minisearch/SearchableMap';
import { radixTreeOf } from '../search/radix-tree.ts';
import { analyzeToken } from '../text/analyzer.ts';
import { typoDistance } from '../text/edit-distance.ts';
import { MONTH_NAMES, WEEKDAY_NAMES } from '../time/calendar-names.ts';
import type { Lexicon } from './lexicon.ts';
import type { ReadingContext } from './read-question.ts';

const MIN_CUE_TYPO_LENGTH = 5;
const MIN_SWAP_LENGTH = 4;
const MIN_CALENDAR_TYPO_LENGTH = 6;

/** Weekday and month names in English, for mending "thursdy" before the dates are read. */
const CALENDAR_WORDS: readonly string[] = [...WEEKDAY_NAMES, ...MONTH_NAMES];

/**
 * A word typed a letter off a framing word, a kind or a collection ("anounce", "keynot", "tlak"), and not a word of
 * the dataset, is that word. Four-letter words only through a swap of two letters, the commonest slip.
 */
export function mendFramingTypo(word: string, context: ReadingContext): string {
  const { known, tree } = spellingWords(context);
  if (word.length < MIN_SWAP_LENGTH || known.has(word) || /\d/.test(word)) return word;
  const mended = closestKnown(word, known, tree);
  // A word of the dataset stays as it is, unless it is only the framing word's own stem ("keynot" for "keynote").
  if (mended === undefined) return word;
  return context.isCorpusWord(word) && analyzeToken(word) !== analyzeToken(mended) ? word : mended;
}

/**
 * The first word of a two-word kind of session typed a letter off, even as a word of the dataset, when the second is
 * right: "lightening talks" is "lightning talks". Mends `words` in place.
 */
export function mendKindPhrases(words: string[], lexicon: Lexicon): void {
  for (let index = 0; index < words.length - 1; index++) {
    const typed = words[index] ?? '';
    const next = words[index + 1] ?? '';
    if (typed.length < MIN_CUE_TYPO_LENGTH || lexicon.sessionKinds.has(`${typed} ${next}`)) continue;
    for (const phrase of lexicon.sessionKinds.keys()) {
      const [first, second, ...rest] = phrase.split(' ');
      if (rest.length > 0 || second !== next || first === undefined || first[0] !== typed[0]) continue;
      if (typoDistance(typed, first, 1) <= 1) {
        words[index] = first;
        break;
      }
    }
  }
}

/** The framing word a typo was meant as, or undefined. */
function closestKnown(
  word: string,
  known: ReadonlySet<string>,
  tree: SearchableMap<true>,
): string | undefined {
  // A swap of two neighbouring letters ("tlak"): try each swap, which is cheaper than a wider fuzzy search.
  for (let at = 0; at < word.length - 1; at++) {
    const swapped = `${word.slice(0, at)}${word[at + 1]}${word[at]}${word.slice(at + 2)}`;
    if (swapped !== word && known.has(swapped)) return swapped;
  }
  if (word.length < MIN_CUE_TYPO_LENGTH) return undefined;
  let best: string | undefined;
  for (const [candidate] of tree.fuzzyGet(word, 1)) {
    // Of two one-edit readings ("sponsord": sponsor, sponsored), the longer says more.
    if (candidate[0] !== word[0]) continue;
    if (
      best === undefined ||
      candidate.length > best.length ||
      (candidate.length === best.length && candidate < best)
    )
      best = candidate;
  }
  // Day and month names are long and often misspelt twice ("wensday"); they are few, so two edits are safe.
  if (best === undefined && word.length >= MIN_CALENDAR_TYPO_LENGTH)
    best = CALENDAR_WORDS.find((name) => name[0] === word[0] && typoDistance(word, name, 2) <= 2);
  return best;
}

const spellingCache = new WeakMap<ReadonlySet<string>, { known: Set<string>; tree: SearchableMap<true> }>();

/** The words a typo may be mended to, and a tree to find them by, built once per set of framing words. */
function spellingWords(context: ReadingContext): { known: Set<string>; tree: SearchableMap<true> } {
  const cached = spellingCache.get(context.cueWords);
  if (cached !== undefined) return cached;
  const { lexicon } = context;
  const known = new Set([
    ...context.cueWords,
    ...[...lexicon.sessionKinds.keys()].flatMap((phrase) => phrase.split(' ')),
    ...lexicon.collections.keys(),
    ...CALENDAR_WORDS,
  ]);
  const tree = radixTreeOf(
    [...known]
      .filter((candidate) => candidate.length >= MIN_SWAP_LENGTH)
      .map((candidate) => [candidate, true] as const),
  );
  const built = { known, tree };
  spellingCache.set(context.cueWords, built);
  return built;
}
