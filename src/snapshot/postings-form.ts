// Postings as one block of 32-bit integers (base64 in the snapshot's JSON), read back as views of that block and
// checked on the way in.
import { DocumentList } from '../search/document-list.ts';
import type { Postings, TermPostings } from '../search/postings.ts';
import { SortedTerms } from '../search/sorted-terms.ts';
import { integersOf, integersToBase64 } from './integer-block.ts';

/** The postings of one index, flattened: a few arrays and one block instead of thousands of small maps. */
export interface PostingsForm {
  readonly documentCount: number;
  readonly fieldCount: number;
  /** Distinct terms of each document's fields, document after document. */
  readonly fieldLengths: readonly number[];
  /** In sorted order. */
  readonly terms: readonly string[];
  /**
   * Little-endian 32-bit integers, in base64. For each term in order: its number of fields, then per field the
   * field id, the list's length, and its documents in increasing order. A start reads the block in one native
   * call and each list is a view of it: parsing the same numbers from JSON, and copying each list, took longer
   * than anything else in reading a snapshot.
   */
  readonly lists: string;
}

/** A snapshot that does not hold what its header promises; the caller rebuilds instead. */
export class SnapshotShapeError extends Error {}

export function postingsToForm(postings: Postings, fieldCount: number): PostingsForm {
  const fieldLengths: number[] = [];
  for (const lengths of postings.fieldLengths)
    for (let field = 0; field < fieldCount; field++) fieldLengths.push(lengths[field] ?? 0);
  // Sorted, so that a start reads them into the sorted term map as they come (see sorted-terms.ts).
  const terms = [...postings.terms.keys()].sort();
  const numbers: number[] = [];
  for (const term of terms) {
    const fields = postings.terms.get(term) as Map<number, DocumentList>;
    numbers.push(fields.size);
    for (const [field, documents] of fields) {
      numbers.push(field, documents.size);
      for (const document of documents.keys()) numbers.push(document);
    }
  }
  return {
    documentCount: postings.documentCount,
    fieldCount,
    fieldLengths,
    terms,
    lists: integersToBase64(numbers),
  };
}

/** Reads postings back, checking every count and document id: a damaged form throws SnapshotShapeError. */
export function postingsFromForm(form: PostingsForm, fieldCount: number): Postings {
  const { documentCount, fieldLengths, terms, lists } = form;
  const valid =
    form.fieldCount === fieldCount &&
    Number.isInteger(documentCount) &&
    documentCount >= 0 &&
    Array.isArray(fieldLengths) &&
    fieldLengths.length === documentCount * fieldCount &&
    Array.isArray(terms) &&
    typeof lists === 'string';
  if (!valid) throw new SnapshotShapeError('postings: counts do not match');
  const lengths: number[][] = [];
  for (let document = 0; document < documentCount; document++)
    lengths.push(fieldLengths.slice(document * fieldCount, (document + 1) * fieldCount));
  let block: Int32Array;
  try {
    block = integersOf(lists);
  } catch (error) {
    throw new SnapshotShapeError(`postings: ${(error as Error).message}`);
  }
  const shape = (reason: string): SnapshotShapeError => new SnapshotShapeError(`postings: ${reason}`);
  // Every count and document is checked now, so a damaged file is refused at the start; each term's lists are
  // only located, and made into document lists when a question first reaches the term.
  const offsets = new Int32Array(terms.length);
  let at = 0;
  let previousTerm: string | undefined;
  for (const [index, term] of terms.entries()) {
    if (typeof term !== 'string') throw shape('a term is not a string');
    if (previousTerm !== undefined && !(previousTerm < term)) throw shape(`term "${term}" is out of order`);
    previousTerm = term;
    offsets[index] = at;
    const fieldsHere = block[at++] ?? -1;
    if (fieldsHere < 0 || fieldsHere > fieldCount) throw shape(`term "${term}" has ${fieldsHere} fields`);
    let seenFields = 0;
    for (let count = 0; count < fieldsHere; count++) {
      const field = block[at++] ?? -1;
      const length = block[at++] ?? -1;
      if (field < 0 || field >= fieldCount || (seenFields & (1 << field)) !== 0)
        throw shape(`term "${term}" has a bad field`);
      seenFields |= 1 << field;
      if (length < 1 || length > documentCount || at + length > block.length)
        throw shape(`term "${term}" has a list of ${length}`);
      // Increasing and within the index: DocumentList finds documents by binary search.
      let previous = -1;
      for (let index = at; index < at + length; index++) {
        const document = block[index] as number;
        if (document <= previous || document >= documentCount)
          throw shape(`term "${term}" lists ${document}`);
        previous = document;
      }
      at += length;
    }
  }
  if (at !== block.length) throw shape('numbers left over');
  const listsOf = (index: number): Map<number, DocumentList> => {
    const fields = new Map<number, DocumentList>();
    let next = offsets[index] as number;
    for (let count = block[next++] as number; count > 0; count--) {
      const field = block[next++] as number;
      const length = block[next++] as number;
      fields.set(field, DocumentList.of(block.subarray(next, next + length)));
      next += length;
    }
    return fields;
  };
  const sorted = SortedTerms.lazy(terms, listsOf);
  return {
    documentCount,
    fieldLengths: lengths,
    sorted,
    // Only writing a snapshot again walks every term; answering reads `sorted`.
    get terms(): TermPostings {
      return new Map(terms.map((term, index) => [term, sorted.get(term) ?? listsOf(index)]));
    },
  };
}
