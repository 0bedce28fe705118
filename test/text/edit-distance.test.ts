// Typo distance: a swap of neighbouring letters is one typo, like any single insertion, deletion or substitution.
import { describe, expect, it } from 'vitest';
import { typoDistance } from '../../src/text/edit-distance.ts';

describe('typoDistance', () => {
  it.each([
    ['vitaly', 'vitaly', 0],
    ['viatly', 'vitaly', 1], // swapped neighbours
    ['repni', 'repin', 1],
    ['vitaly', 'vitali', 1], // substitution
    ['vitaly', 'vitly', 1], // deletion
    ['vitly', 'vitaly', 1], // insertion
    ['jaorn', 'jaron', 1],
    ['ab', 'ba', 1],
    ['abc', 'ca', 3],
  ])('%s → %s is %i', (a, b, expected) => {
    expect(typoDistance(a, b, 3)).toBe(expected);
  });

  it('stops at max + 1 for words further apart than asked', () => {
    expect(typoDistance('kubernetes', 'prometheus', 2)).toBe(3);
    expect(typoDistance('a', 'abcdef', 1)).toBe(2);
  });
});
