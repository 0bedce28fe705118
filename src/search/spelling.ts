// Spelling correction for query words, from the words the dataset itself uses ("engneering" → "engineering").
import SearchableMap from 'minisearch/SearchableMap';

/** A word the dataset uses: the index term it becomes, and how often it occurs. */
interface KnownWord {
  term: string;
  count: number;
}

export interface Spelling {
  /** Records a word seen in a document and its index term. */
  learn(word: string, term: string): void;
  /** The index term of the closest known word, or undefined when nothing is close enough. */
  correct(word: string): string | undefined;
}

/** Short words are left alone: one edit turns them into other real words. */
const MIN_CORRECTABLE_LENGTH = 4;

function maxEdits(word: string): number {
  return word.length >= 8 ? 2 : 1;
}

export function buildSpelling(): Spelling {
  const words = new SearchableMap<KnownWord>();
  return {
    learn(word, term) {
      if (word.length < MIN_CORRECTABLE_LENGTH) return;
      const known = words.get(word);
      if (known === undefined) words.set(word, { term, count: 1 });
      else known.count++;
    },
    correct(word) {
      if (word.length < MIN_CORRECTABLE_LENGTH) return undefined;
      let best: { known: KnownWord; distance: number } | undefined;
      for (const [, [known, distance]] of words.fuzzyGet(word, maxEdits(word))) {
        if (
          best === undefined ||
          distance < best.distance ||
          (distance === best.distance && known.count > best.known.count)
        ) {
          best = { known, distance };
        }
      }
      return best?.known.term;
    },
  };
}
