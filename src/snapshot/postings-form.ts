// Postings as one block of 32-bit integers (base64 in the snapshot's JSON), read back as views of that block and
// checked on the way in.
import { DocumentList } from '../search/document-list.ts';
import type { Postings, TermPostings } from '../search/postings.ts';
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
  const postings: TermPostings = new Map();
  let at = 0;
  for (const term of terms) {
    if (typeof term !== 'string') throw shape('a term is not a string');
    const fields = new Map<number, DocumentList>();
    const fieldsHere = block[at++] ?? -1;
    if (fieldsHere < 0 || fieldsHere > fieldCount) throw shape(`term "${term}" has ${fieldsHere} fields`);
    for (let count = 0; count < fieldsHere; count++) {
      const field = block[at++] ?? -1;
      const length = block[at++] ?? -1;
      if (field < 0 || field >= fieldCount || fields.has(field))
        throw shape(`term "${term}" has a bad field`);
      if (length < 1 || length > documentCount || at + length > block.length)
        throw shape(`term "${term}" has a list of ${length}`);
      const documents = block.subarray(at, at + length);
      // Increasing and within the index: DocumentList finds documents by binary search.
      let previous = -1;
      for (let index = 0; index < length; index++) {
        const document = documents[index] as number;
        if (document <= previous || document >= documentCount)
          throw shape(`term "${term}" lists ${document}`);
        previous = document;
      }
      fields.set(field, DocumentList.of(documents));
      at += length;
    }
    postings.set(term, fields);
  }
  if (at !== block.length) throw shape('numbers left over');
  return { documentCount, fieldLengths: lengths, terms: postings };
}
