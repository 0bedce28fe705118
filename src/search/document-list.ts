// The documents that contain one term in one field, as a growable typed array standing in for minisearch's Map.

/**
 * minisearch keeps, per term and field, a `Map<document, frequency>`. Here every term counts once per field, so
 * the frequency is always 1 and documents arrive in increasing order: a sorted array holds the same information
 * and is several times cheaper to build and to keep than a Map. It implements the part of the Map interface
 * minisearch reads (`size`, `keys`, `get`, `has`, iteration), and nothing else is ever called on it.
 */
/** Lists longer than this are stored as typed arrays; shorter ones are not worth a typed array's overhead. */
const TYPED_FROM = 64;

export class DocumentList
  implements Pick<ReadonlyMap<number, number>, 'size' | 'keys' | 'get' | 'has' | 'entries'>
{
  /**
   * A plain array while the index is built; trimmed into a typed array of exactly the right size afterwards,
   * which keeps large lists at 4 bytes a document. Most lists are short (rare words), so they stay light.
   */
  private documents: number[] | Int32Array = [];

  /** A finished list of documents in increasing order (read back from a snapshot); it takes the array over. */
  static of(documents: number[] | Int32Array): DocumentList {
    const list = new DocumentList();
    list.documents = documents;
    list.trim();
    return list;
  }

  add(document: number): void {
    (this.documents as number[]).push(document);
  }

  /** The last document added, or -1. */
  last(): number {
    return this.documents[this.documents.length - 1] ?? -1;
  }

  /** Freezes the list once the index is built. */
  trim(): void {
    if (Array.isArray(this.documents) && this.documents.length > TYPED_FROM)
      this.documents = Int32Array.from(this.documents);
  }

  /** The documents, in increasing order. */
  toArray(): number[] {
    return Array.from(this.documents);
  }

  get size(): number {
    return this.documents.length;
  }

  keys(): MapIterator<number> {
    return this.documents.values() as MapIterator<number>;
  }

  /**
   * The frequency of the term in a document: always 1. minisearch only asks about documents it was given by
   * `keys()`, so this answers without looking the document up (a lookup per scored document was the slowest
   * part of a search).
   */
  get(_document: number): number {
    return 1;
  }

  has(document: number): boolean {
    // Sorted by construction, so a binary search.
    let low = 0;
    let high = this.documents.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const value = this.documents[middle] ?? -1;
      if (value === document) return true;
      if (value < document) low = middle + 1;
      else high = middle - 1;
    }
    return false;
  }

  *entries(): MapIterator<[number, number]> {
    for (const document of this.documents) yield [document, 1];
  }

  [Symbol.iterator](): MapIterator<[number, number]> {
    return this.entries();
  }
}
