// An index's terms as one sorted array: minisearch's term map without building its radix tree.
import type SearchableMap from 'minisearch/SearchableMap';
import { radixTreeOf } from './radix-tree.ts';

/**
 * The read side of minisearch's SearchableMap over a finished index: `get` and `has` by binary search, and
 * `atPrefix` as the run of sorted terms that start with the prefix. A search reads nothing else but `fuzzyGet`,
 * which builds the real tree on first use. Building that tree was the largest single step left in restoring an
 * index at a start, for lookups that sorted keys answer as well.
 *
 * Iteration runs from the last key to the first, which is the order of the tree radixTreeOf builds over the same
 * keys (minisearch walks a node's children last-first, and a key comes after every longer key below it): prefix
 * expansions are scored in the same order, so sums of scores, and ties, come out as they did. It is read-only, with none of the map's writing methods:
 * the index is loaded from postings, never added to.
 */
export class SortedTerms<T> {
  private tree: SearchableMap<T> | undefined;

  private constructor(
    private readonly terms: readonly string[],
    private readonly data: readonly T[],
    private readonly from: number,
    private readonly to: number,
  ) {}

  /** The entries, sorted here unless they already are (a snapshot keeps them sorted). */
  static of<T>(entries: Iterable<readonly [string, T]>): SortedTerms<T> {
    let pairs = [...entries];
    const sorted = pairs.every(
      (pair, index) => index === 0 || (pairs[index - 1] as readonly [string, T])[0] < pair[0],
    );
    if (!sorted) pairs = pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const terms = pairs.map(([term]) => term);
    return new SortedTerms(
      terms,
      pairs.map(([, value]) => value),
      0,
      terms.length,
    );
  }

  get(key: string): T | undefined {
    const at = this.lowerBound(key);
    return at < this.to && this.terms[at] === key ? this.data[at] : undefined;
  }

  has(key: string): boolean {
    const at = this.lowerBound(key);
    return at < this.to && this.terms[at] === key;
  }

  get size(): number {
    return this.to - this.from;
  }

  atPrefix(prefix: string): SortedTerms<T> {
    const start = this.lowerBound(prefix);
    // Keys with the prefix sit together from `start`: find where they end, by the same halving.
    let low = start;
    let high = this.to;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.terms[middle] as string).startsWith(prefix)) low = middle + 1;
      else high = middle;
    }
    return new SortedTerms(this.terms, this.data, start, low);
  }

  fuzzyGet(key: string, maxEditDistance: number): Map<string, [T, number]> {
    this.tree ??= radixTreeOf([...this.entries()]);
    return this.tree.fuzzyGet(key, maxEditDistance);
  }

  *entries(): Generator<[string, T]> {
    for (let at = this.to - 1; at >= this.from; at--) yield [this.terms[at] as string, this.data[at] as T];
  }

  *keys(): Generator<string> {
    for (const [key] of this.entries()) yield key;
  }

  *values(): Generator<T> {
    for (const [, value] of this.entries()) yield value;
  }

  forEach(fn: (key: string, value: T, map: SortedTerms<T>) => void): void {
    for (const [key, value] of this.entries()) fn(key, value, this);
  }

  [Symbol.iterator](): Generator<[string, T]> {
    return this.entries();
  }

  /** The first position in [from, to) whose key is not below `key`. */
  private lowerBound(key: string): number {
    let low = this.from;
    let high = this.to;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.terms[middle] as string) < key) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
