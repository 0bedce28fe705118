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
 * expansions are scored in the same order, so sums of scores, and ties, come out as they did. It is read-only,
 * with none of the map's writing methods: the index is loaded from postings, never added to.
 */
export class SortedTerms<T> {
  private tree: SearchableMap<T> | undefined;

  /**
   * `made[at]` is the value of `terms[at]` once made; `valueAt` makes it (a snapshot's lists are decoded only
   * for the terms a question reaches).
   */
  private constructor(
    private readonly terms: readonly string[],
    private readonly made: Array<T | undefined>,
    private readonly valueAt: (at: number) => T,
    private readonly from: number,
    private readonly to: number,
  ) {}

  /** Terms already sorted, each one's value made by `valueAt` (its position) the first time it is read. */
  static lazy<T>(terms: readonly string[], valueAt: (at: number) => T): SortedTerms<T> {
    return new SortedTerms(terms, new Array<T | undefined>(terms.length), valueAt, 0, terms.length);
  }

  /** The entries (distinct keys, as a map's), sorted here unless they already are (a snapshot keeps them sorted). */
  static of<T>(entries: Iterable<readonly [string, T]>): SortedTerms<T> {
    let terms: string[] = [];
    let data: Array<T | undefined> = [];
    let sorted = true;
    for (const [term, value] of entries) {
      if (sorted && terms.length > 0 && !((terms[terms.length - 1] as string) < term)) sorted = false;
      terms.push(term);
      data.push(value);
    }
    if (!sorted) {
      const order = terms.map((_, index) => index);
      const keyOf = terms;
      order.sort((a, b) => ((keyOf[a] as string) < (keyOf[b] as string) ? -1 : 1));
      terms = order.map((index) => keyOf[index] as string);
      const before = data;
      data = order.map((index) => before[index]);
    }
    return new SortedTerms<T>(terms, data, (at) => data[at] as T, 0, terms.length);
  }

  /** The term at `at` in sorted order (0 is the first). */
  keyAt(at: number): string | undefined {
    return at >= 0 && at < this.size ? this.terms[this.from + at] : undefined;
  }

  get(key: string): T | undefined {
    const at = this.lowerBound(key);
    return at < this.to && this.terms[at] === key ? this.value(at) : undefined;
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
    return new SortedTerms(this.terms, this.made, this.valueAt, start, low);
  }

  fuzzyGet(key: string, maxEditDistance: number): Map<string, [T, number]> {
    this.tree ??= radixTreeOf([...this.entries()]);
    return this.tree.fuzzyGet(key, maxEditDistance);
  }

  *entries(): Generator<[string, T]> {
    for (let at = this.to - 1; at >= this.from; at--) yield [this.terms[at] as string, this.value(at)];
  }

  *keys(): Generator<string> {
    for (let at = this.to - 1; at >= this.from; at--) yield this.terms[at] as string;
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

  private value(at: number): T {
    let value = this.made[at];
    if (value === undefined) {
      value = this.valueAt(at);
      this.made[at] = value;
    }
    return value;
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
