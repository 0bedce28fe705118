// Spelling correction for query words, from the words the dataset itself uses ("engneering" → "engineering").
import type SearchableMap from 'minisearch/SearchableMap';
import { radixTreeOf } from './radix-tree.ts';

export interface Spelling {
  /** Records a word seen in a document and its index term. */
  learn(word: string, term: string): void;
  /** The closest known word and its index term, or undefined when nothing is close enough. */
  correct(word: string): { readonly word: string; readonly term: string } | undefined;
  /** Every word learnt, with its index term: what a snapshot keeps so a restart need not learn them again. */
  words(): ReadonlyMap<string, string>;
}

/** Short words are left alone: one edit turns them into other real words. */
const MIN_CORRECTABLE_LENGTH = 4;

function maxEdits(word: string): number {
  return word.length >= 8 ? 2 : 1;
}

/**
 * `frequency` tells how common a term is in the index, to prefer the more common of two equally close words.
 * Words are collected in a plain map while indexing (cheap). The searchable tree is built by the first word that
 * needs it, not at start: most questions have no typo, and a replica should answer its first question at once.
 * `learnt` starts it with the words of an earlier build.
 */
export function buildSpelling(
  frequency: (term: string) => number,
  learnt: () => ReadonlyMap<string, string> = () => new Map(),
): Spelling {
  // The earlier build's words are asked for on first use, and copied only when a word is learnt: an index read
  // back from a snapshot never learns, and most of its questions have no typo.
  let earlier: ReadonlyMap<string, string> | undefined;
  let grown: Map<string, string> | undefined;
  const knownWords = (): ReadonlyMap<string, string> => {
    earlier ??= learnt();
    return grown ?? earlier;
  };
  let tree: SearchableMap<string> | undefined;
  return {
    learn(word, term) {
      if (word.length < MIN_CORRECTABLE_LENGTH || knownWords().has(word)) return;
      grown ??= new Map(knownWords());
      grown.set(word, term);
      tree = undefined;
    },
    words: knownWords,
    correct(word) {
      if (word.length < MIN_CORRECTABLE_LENGTH) return undefined;
      // Two neighbouring letters swapped ("serevr") is the commonest slip, and two edits to the tree's fuzzy search.
      const words = knownWords();
      const swapped = swappedKnown(word, words);
      if (swapped !== undefined) return swapped;
      tree ??= radixTreeOf(words);
      let best: { word: string; term: string; distance: number; frequency: number } | undefined;
      for (const [known, [term, distance]] of tree.fuzzyGet(word, maxEdits(word))) {
        // Typos rarely hit the first letter; a different one is another word ("rust" is not "trust").
        if (known[0] !== word[0]) continue;
        const candidate = { word: known, term, distance, frequency: frequency(term) };
        if (
          best === undefined ||
          candidate.distance < best.distance ||
          (candidate.distance === best.distance && candidate.frequency > best.frequency)
        ) {
          best = candidate;
        }
      }
      return best === undefined ? undefined : { word: best.word, term: best.term };
    },
  };
}

/** The known word `word` becomes by swapping two neighbouring letters (not the first), if any. */
function swappedKnown(
  word: string,
  words: ReadonlyMap<string, string>,
): { readonly word: string; readonly term: string } | undefined {
  for (let at = 1; at < word.length - 1; at++) {
    const swapped = `${word.slice(0, at)}${word[at + 1]}${word[at]}${word.slice(at + 2)}`;
    const term = swapped === word ? undefined : words.get(swapped);
    if (term !== undefined) return { word: swapped, term };
  }
  return undefined;
}
