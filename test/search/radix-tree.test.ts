// The one-pass tree must hold what minisearch's own insertion holds, and find the same keys by prefix and by typo.
import SearchableMap from 'minisearch/SearchableMap';
import { describe, expect, it } from 'vitest';
import { radixTreeOf } from '../../src/search/radix-tree.ts';
import { prefixWords } from '../helpers/prefix-words.ts';

const sorted = <T>(entries: Iterable<readonly [string, T]>): Array<[string, T]> =>
  [...entries]
    .map(([key, value]): [string, T] => [key, value])
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

describe('radixTreeOf', () => {
  for (const seed of [1, 2, 3]) {
    it(`holds what SearchableMap.from holds, and finds the same by prefix and by typo (seed ${seed})`, () => {
      const entries = prefixWords(seed, 400).map((word, index): [string, number] => [word, index]);
      const inserted = SearchableMap.from(entries);
      const built = radixTreeOf(entries);
      expect(built.size).toBe(inserted.size);
      expect(sorted(built.entries())).toEqual(sorted(inserted.entries()));
      for (const prefix of ['', 'c', 'con', 'contain', 'kubernetes', 'k', 'rus', 'é', 'zzz'])
        expect(sorted(built.atPrefix(prefix).entries())).toEqual(sorted(inserted.atPrefix(prefix).entries()));
      for (const typed of ['contianer', 'kubernets', 'rsut', 'obsevr', 'ete'])
        for (const distance of [1, 2])
          expect(sorted(built.fuzzyGet(typed, distance))).toEqual(sorted(inserted.fuzzyGet(typed, distance)));
    });
  }

  it('keeps the last value of a repeated key, a key that is a prefix of others, and the empty key', () => {
    const built = radixTreeOf([
      ['talk', 1],
      ['talks', 2],
      ['talk', 3],
      ['', 4],
    ]);
    expect(built.get('talk')).toBe(3);
    expect(built.get('talks')).toBe(2);
    expect(built.get('')).toBe(4);
    expect(built.has('tal')).toBe(false);
  });

  it('is an empty map for no keys', () => {
    expect(radixTreeOf([]).size).toBe(0);
    expect([...radixTreeOf([]).atPrefix('a')]).toEqual([]);
  });
});
