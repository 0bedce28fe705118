// The sorted term map must answer minisearch as a tree over the same terms would: the same values, and prefix
// expansions in the order of the one-pass tree (radixTreeOf), so that sums of scores and ties do not move.
import SearchableMap from 'minisearch/SearchableMap';
import { describe, expect, it } from 'vitest';
import { radixTreeOf } from '../../src/search/radix-tree.ts';
import { SortedTerms } from '../../src/search/sorted-terms.ts';
import { prefixWords } from '../helpers/prefix-words.ts';

describe('SortedTerms', () => {
  for (const seed of [1, 2, 3]) {
    it(`gets, prefixes and iterates as a tree over the same terms (seed ${seed})`, () => {
      // Unsorted, with repeats: the last value of a key wins in all three.
      const entries = prefixWords(seed, 500).map((term, index): [string, number] => [term, index]);
      const inserted = SearchableMap.from(entries);
      const tree = radixTreeOf(entries);
      const sorted = SortedTerms.of(new Map(entries));
      expect(sorted.size).toBe(inserted.size);
      expect(new Map(sorted)).toEqual(new Map(inserted));
      expect([...sorted]).toEqual([...tree]);
      for (const [term] of entries) {
        expect(sorted.get(term)).toBe(inserted.get(term));
        expect(sorted.has(term)).toBe(true);
      }
      for (const missing of ['zzz', 'conx', 'q', 'kubernetesz', 'a']) {
        expect(sorted.get(missing)).toBe(inserted.get(missing));
        expect(sorted.has(missing)).toBe(inserted.has(missing));
      }
      for (const prefix of ['', 'c', 'con', 'contain', 'kube', 'k', 'rus', 'é', 'zzz', 'kubernetesx']) {
        const expansions = sorted.atPrefix(prefix);
        expect([...expansions], prefix).toEqual([...tree.atPrefix(prefix)]);
        expect(expansions.size, prefix).toBe(tree.atPrefix(prefix).size);
      }
      for (const typed of ['contianer', 'kubernets', 'rsut'])
        expect(new Map(sorted.fuzzyGet(typed, 2))).toEqual(new Map(inserted.fuzzyGet(typed, 2)));
    });
  }

  it('is empty for no terms', () => {
    const sorted = SortedTerms.of<number>([]);
    expect(sorted.size).toBe(0);
    expect(sorted.get('a')).toBeUndefined();
    expect([...sorted.atPrefix('a')]).toEqual([]);
  });
});
