// Postings as plain arrays of numbers and strings, which JSON writes and reads back quickly, and checked on the way in.
import { DocumentList } from '../search/document-list.ts';
import type { Postings, TermPostings } from '../search/postings.ts';

/** The postings of one index, flattened: a few long arrays instead of thousands of small maps. */
export interface PostingsForm {
  readonly documentCount: number;
  readonly fieldCount: number;
  /** Distinct terms of each document's fields, document after document. */
  readonly fieldLengths: readonly number[];
  readonly terms: readonly string[];
  /**
   * For each term in order: its number of fields, then per field the field id, the list's length, and its documents
   * as gaps from the one before (the first from -1), which keeps the numbers short.
   */
  readonly lists: readonly number[];
}

/** A snapshot that does not hold what its header promises; the caller rebuilds instead. */
export class SnapshotShapeError extends Error {}

export function postingsToForm(postings: Postings, fieldCount: number): PostingsForm {
  const fieldLengths: number[] = [];
  for (const lengths of postings.fieldLengths)
    for (let field = 0; field < fieldCount; field++) fieldLengths.push(lengths[field] ?? 0);
  const terms: string[] = [];
  const lists: number[] = [];
  for (const [term, fields] of postings.terms) {
    terms.push(term);
    lists.push(fields.size);
    for (const [field, documents] of fields) {
      lists.push(field, documents.size);
      let previous = -1;
      for (const document of documents.keys()) {
        lists.push(document - previous);
        previous = document;
      }
    }
  }
  return { documentCount: postings.documentCount, fieldCount, fieldLengths, terms, lists };
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
    Array.isArray(lists);
  if (!valid) throw new SnapshotShapeError('postings: counts do not match');
  const lengths: number[][] = [];
  for (let document = 0; document < documentCount; document++)
    lengths.push(fieldLengths.slice(document * fieldCount, (document + 1) * fieldCount));
  const next = cursor(lists);
  const postings: TermPostings = new Map();
  for (const term of terms) {
    if (typeof term !== 'string') throw new SnapshotShapeError('postings: a term is not a string');
    const fields = new Map<number, DocumentList>();
    for (let count = next(0, fieldCount); count > 0; count--) {
      const field = next(0, fieldCount - 1);
      const documents: number[] = new Array(next(1, documentCount));
      let previous = -1;
      for (let index = 0; index < documents.length; index++) {
        previous += next(1, documentCount - 1 - previous);
        documents[index] = previous;
      }
      fields.set(field, DocumentList.of(documents));
    }
    postings.set(term, fields);
  }
  if (!next.done()) throw new SnapshotShapeError('postings: numbers left over');
  return { documentCount, fieldLengths: lengths, terms: postings };
}

/** Reads the numbers one by one, each an integer within [min, max]. */
function cursor(numbers: readonly number[]): ((min: number, max: number) => number) & { done(): boolean } {
  let at = 0;
  const next = (min: number, max: number): number => {
    const value = numbers[at++];
    if (value === undefined || !Number.isInteger(value) || value < min || value > max)
      throw new SnapshotShapeError(`postings: number ${at - 1} is out of range`);
    return value;
  };
  return Object.assign(next, { done: () => at === numbers.length });
}
