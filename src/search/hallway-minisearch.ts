// minisearch, loaded from prebuilt postings and exposing term statistics.
import MiniSearch, { type Options } from 'minisearch';
import type { Postings } from './postings.ts';
import { SortedTerms } from './sorted-terms.ts';

export type IndexedDocument = { readonly n: number };

/** Field lengths (distinct terms) above this are counted as this; no headline or abstract is longer. */
const MAX_COUNTED_LENGTH = 1023;

/**
 * minisearch with two additions: loading an index from postings built with plain maps (the same index
 * `addAll` would build, without walking the radix tree once per token, which dominated build time), and the
 * document frequency of a term, which the coverage weighting needs. Document ids are their positions.
 */
export class HallwayMiniSearch extends MiniSearch<IndexedDocument> {
  static fromPostings(options: Options<IndexedDocument>, postings: Postings): HallwayMiniSearch {
    const search = new HallwayMiniSearch(options);
    search.load(postings);
    return search;
  }

  documentFrequency(term: string): number {
    const fields = this._index.get(term) as Map<number, Map<number, number>> | undefined;
    if (fields === undefined) return 0;
    let frequency = 0;
    for (const documents of fields.values()) frequency = Math.max(frequency, documents.size);
    return frequency;
  }

  /**
   * Documents holding any term that starts with `prefix` (an upper bound, summing each expansion), which is what
   * a prefix search will score; counting stops at `cap`.
   */
  prefixFrequency(prefix: string, cap: number): number {
    let total = 0;
    for (const [, fields] of this._index.atPrefix(prefix)) {
      let frequency = 0;
      for (const documents of (fields as Map<number, { size: number }>).values())
        frequency = Math.max(frequency, documents.size);
      total += frequency;
      if (total > cap) break;
    }
    return total;
  }

  /**
   * The `count` documents holding a term (or any term starting with it, when `prefix`) in one of `fieldIds` with
   * the shortest such field. For one word, BM25 ranks a shorter field higher, so these are that word's best
   * documents: a very common word can be ranked without scoring every record that mentions it.
   */
  shortestDocuments(
    term: string,
    prefix: boolean,
    fieldIds: ReadonlySet<number>,
    count: number,
  ): Set<number> {
    const documents: number[] = [];
    const lengths: number[] = [];
    const expansions = prefix ? this._index.atPrefix(term) : [[term, this._index.get(term)] as const];
    for (const [, fields] of expansions) {
      if (fields === undefined) continue;
      for (const [field, list] of fields as Map<number, { keys(): Iterable<number> }>) {
        if (!fieldIds.has(field)) continue;
        for (const document of list.keys()) {
          documents.push(document);
          lengths.push(
            Math.min(this._fieldLength.get(document)?.[field] ?? MAX_COUNTED_LENGTH, MAX_COUNTED_LENGTH),
          );
        }
      }
    }
    // Field lengths are small integers: a histogram finds the length below which `count` documents lie, in
    // one pass and without sorting.
    const histogram = new Uint32Array(MAX_COUNTED_LENGTH + 1);
    for (const length of lengths) histogram[length] = (histogram[length] ?? 0) + 1;
    let threshold = 0;
    for (let seen = 0; threshold <= MAX_COUNTED_LENGTH; threshold++) {
      seen += histogram[threshold] ?? 0;
      if (seen >= count) break;
    }
    const chosen = new Set<number>();
    for (let index = 0; index < documents.length && chosen.size < count * 2; index++) {
      if ((lengths[index] ?? MAX_COUNTED_LENGTH) <= threshold) chosen.add(documents[index] ?? -1);
    }
    return chosen;
  }

  /**
   * A test of whether a document holds the term in any field (or in one of `fieldIds`). The term's document
   * lists are looked up once, so the test can run for many documents cheaply.
   */
  holds(term: string, fieldIds?: ReadonlySet<number>): (document: number) => boolean {
    const fields = this._index.get(term) as Map<number, { has(document: number): boolean }> | undefined;
    const lists =
      fields === undefined
        ? []
        : [...fields].filter(([field]) => fieldIds === undefined || fieldIds.has(field));
    return (document) => lists.some(([, documents]) => documents.has(document));
  }

  /** The ids of the named fields. */
  fieldIdsOf(names: readonly string[]): Set<number> {
    return new Set(
      names.flatMap((name) => (this._fieldIds[name] === undefined ? [] : [this._fieldIds[name]])),
    );
  }

  /** The documents holding every one of the terms (in any field), or undefined when a term is unknown. */
  documentsWithAll(terms: readonly string[]): Set<number> | undefined {
    const byRarity = [...terms].sort((a, b) => this.documentFrequency(a) - this.documentFrequency(b));
    const [rarest, ...others] = byRarity;
    if (rarest === undefined) return undefined;
    const fields = this._index.get(rarest) as Map<number, { keys(): Iterable<number> }> | undefined;
    if (fields === undefined) return undefined;
    const tests = others.map((term) => this.holds(term));
    const documents = new Set<number>();
    for (const list of fields.values()) {
      for (const document of list.keys()) if (tests.every((test) => test(document))) documents.add(document);
    }
    return documents;
  }

  private load(postings: Postings): void {
    const { documentCount, fieldLengths } = postings;
    const fieldCount = Object.keys(this._fieldIds).length;
    const totals = new Array<number>(fieldCount).fill(0);
    for (let n = 0; n < documentCount; n++) {
      this._documentIds.set(n, n);
      this._idToShortId.set(n, n);
      const lengths = fieldLengths[n] ?? [];
      this._fieldLength.set(n, lengths);
      for (let field = 0; field < fieldCount; field++)
        totals[field] = (totals[field] ?? 0) + (lengths[field] ?? 0);
    }
    this._documentCount = documentCount;
    this._nextId = documentCount;
    this._avgFieldLength = totals.map((total) => total / Math.max(1, documentCount));
    // A DocumentList offers every Map method minisearch uses on these entries (see document-list.ts).
    // Everything a search asks of the term map, without building its tree (see sorted-terms.ts).
    this._index = (postings.sorted ?? SortedTerms.of(postings.terms)) as unknown as typeof this._index;
  }
}
