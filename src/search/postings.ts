// Builds an inverted index (term → field → documents) in one pass, with as few lookups per word as possible.
import { analyzeToken } from '../text/analyzer.ts';
import { wordTokens } from '../text/normalize.ts';
import { DocumentList } from './document-list.ts';
import type { SortedTerms } from './sorted-terms.ts';

/** Term → field id → the documents that contain it (each term counts once per field). */
export type TermPostings = Map<string, Map<number, DocumentList>>;

export interface Postings {
  readonly documentCount: number;
  /** Distinct terms per document per field, which BM25 uses as the field length. */
  readonly fieldLengths: readonly number[][];
  readonly terms: TermPostings;
  /** The same lists by sorted term, when read back from a snapshot: each term's decoded when first reached. */
  readonly sorted?: SortedTerms<Map<number, DocumentList>>;
}

/**
 * Analyses every field of every document: each word through `analyze` (null drops it). `onWord` sees each
 * distinct word once with its term, so a spelling vocabulary can be learnt in the same pass.
 */
export function buildPostings(
  documentCount: number,
  fieldCount: number,
  fieldText: (document: number, field: number) => string,
  analyze: (word: string) => string | null = analyzeToken,
  onWord: (word: string, term: string) => void = () => {},
): Postings {
  // While building, a term's lists sit in a small array by field. Each distinct word is analysed once and
  // remembers its term's lists, so a word costs one map lookup however often it recurs.
  const building = new Map<string, Array<DocumentList | undefined>>();
  const words = new Map<string, Array<DocumentList | undefined> | null>();
  const fieldLengths: number[][] = [];
  for (let document = 0; document < documentCount; document++) {
    const lengths: number[] = [];
    for (let field = 0; field < fieldCount; field++) {
      let distinct = 0;
      for (const word of wordTokens(fieldText(document, field))) {
        let byField = words.get(word);
        if (byField === undefined) {
          const term = analyze(word);
          byField =
            term === null ? null : (building.get(term) ?? new Array<DocumentList | undefined>(fieldCount));
          if (term !== null) {
            building.set(term, byField as Array<DocumentList | undefined>);
            onWord(word, term);
          }
          words.set(word, byField);
        }
        if (byField === null) continue;
        let documents = byField[field];
        if (documents === undefined) {
          documents = new DocumentList();
          byField[field] = documents;
        }
        // Documents arrive in order, so a repeat of the term in this field is the list's last entry.
        if (documents.last() === document) continue;
        documents.add(document);
        distinct++;
      }
      lengths[field] = distinct;
    }
    fieldLengths.push(lengths);
  }
  const terms: TermPostings = new Map();
  for (const [term, byField] of building) {
    const fields = new Map<number, DocumentList>();
    byField.forEach((documents, field) => {
      if (documents === undefined) return;
      documents.trim();
      fields.set(field, documents);
    });
    terms.set(term, fields);
  }
  return { documentCount, fieldLengths, terms };
}
