// Full-text search over every record with minisearch, plus how much of the question each hit covers.
import MiniSearch, { type SearchResult } from 'minisearch';
import type { Catalog, RecordRef, RecordType } from '../model/catalog.ts';
import { analyzeQuery, analyzeToken, type QueryToken } from '../text/analyzer.ts';
import { normalizePhrase, wordTokens } from '../text/normalize.ts';
import { FIELD_BOOST, recordField, SEARCH_FIELDS, type SearchField } from './record-text.ts';
import { buildSpelling, type Spelling } from './spelling.ts';

/** One search hit: the record, its ranking score and the share of the question it covers (0–1). */
export interface TextHit {
  readonly ref: RecordRef;
  /** The score used for ranking: minisearch's BM25 score weighted by coverage. */
  readonly score: number;
  /** Share of the query's weight (rarer terms weigh more) that this record matches. */
  readonly coverage: number;
}

export interface TextSearchOptions {
  /** Only these record types; all when omitted. */
  readonly types?: ReadonlySet<RecordType>;
  /** Hits that cover less of the query than this are not relevant (the relevance floor). */
  readonly minCoverage?: number;
  /** Hits scoring below this share of the best hit are dropped rather than padding the answer. */
  readonly minRelativeScore?: number;
  readonly limit?: number;
}

/** The full-text index over one catalog. */
export interface TextIndex {
  /** Searches free text: analysed like the index, misspelt words corrected, best hits first. */
  find(text: string, options?: TextSearchOptions): TextHit[];
  /** How many records contain the (analysed) term; 0 for words the dataset never uses. */
  documentFrequency(term: string): number;
  readonly documentCount: number;
}

export interface TextIndexOptions {
  /** Words that are noise in any query over this dataset, such as the conference's own name. */
  readonly noise?: ReadonlySet<string>;
}

/** Below this share of the question's weight, a hit is noise. Tuned on the question tables in test/. */
export const DEFAULT_MIN_COVERAGE = 0.6;
const DEFAULT_MIN_RELATIVE_SCORE = 0.12;
/** A term that was spell-corrected or matched only as a prefix counts for less than an exact match. */
const INEXACT_MATCH_WEIGHT = 0.75;
const TITLE_EQUALS_BOOST = 3;
const TITLE_CONTAINS_BOOST = 2;
/** Prefix matching applies to the last word only (the one still being typed), and not to short words. */
const MIN_PREFIX_LENGTH = 4;

type IndexedDocument = { readonly n: number };

/** minisearch with access to its term statistics, which the coverage weighting needs. */
class StatisticsMiniSearch extends MiniSearch<IndexedDocument> {
  documentFrequency(term: string): number {
    const fields = this._index.get(term) as Map<number, Map<number, number>> | undefined;
    if (fields === undefined) return 0;
    let frequency = 0;
    for (const documents of fields.values()) frequency = Math.max(frequency, documents.size);
    return frequency;
  }
}

/** Builds the index over every record in the catalog. */
export function buildTextIndex(catalog: Catalog, options: TextIndexOptions = {}): TextIndex {
  const refs = allRecords(catalog);
  const spelling = buildSpelling();
  const noise = options.noise ?? new Set<string>();
  const index = new StatisticsMiniSearch({
    idField: 'n',
    fields: [...SEARCH_FIELDS],
    extractField: (document, field) => {
      if (field === 'n') return document.n;
      const ref = refs[document.n];
      return ref === undefined ? '' : recordField(catalog, ref, field as SearchField);
    },
    // Documents are analysed here, and their words feed the spelling vocabulary.
    tokenize: (text) => {
      const terms: string[] = [];
      for (const word of wordTokens(text)) {
        const term = analyzeToken(word);
        if (term === null) continue;
        terms.push(term);
        spelling.learn(word, term);
      }
      return terms;
    },
    processTerm: (term) => term,
    searchOptions: {
      // Queries arrive already analysed, joined by single spaces.
      tokenize: (query) => query.split(' '),
      processTerm: (term) => term,
      boost: { ...FIELD_BOOST },
      prefix: (term, position, terms) => position === terms.length - 1 && term.length >= MIN_PREFIX_LENGTH,
      combineWith: 'OR',
    },
  });
  index.addAll(refs.map((_, n) => ({ n })));

  const documentCount = refs.length;
  const weight = (term: string): number => {
    const frequency = index.documentFrequency(term);
    return Math.log(1 + (documentCount - frequency + 0.5) / (frequency + 0.5));
  };

  return {
    documentCount,
    documentFrequency: (term) => index.documentFrequency(term),
    find(text, searchOptions = {}) {
      const query = correct(analyzeQuery(text, noise), index, spelling);
      return search(query, searchOptions, normalizePhrase(text));
    },
  };

  function search(query: readonly QueryTerm[], options: TextSearchOptions, phrase: string): TextHit[] {
    if (query.length === 0) return [];
    const types = options.types;
    const weights = new Map(query.map(({ term }) => [term, weight(term)]));
    const corrected = new Set(query.filter((entry) => entry.corrected).map((entry) => entry.term));
    const totalWeight = [...weights.values()].reduce((sum, value) => sum + value, 0);
    const minCoverage = options.minCoverage ?? DEFAULT_MIN_COVERAGE;
    const results = index.search(query.map((entry) => entry.term).join(' '), {
      ...(types === undefined
        ? {}
        : { filter: (result: SearchResult) => types.has(refs[result.id]?.type as RecordType) }),
    });

    const hits: TextHit[] = [];
    for (const result of results) {
      const ref = refs[result.id as number];
      if (ref === undefined) continue;
      const coverage = coverageOf(result, weights, corrected, totalWeight);
      if (coverage < minCoverage) continue;
      hits.push({ ref, coverage, score: result.score * coverage * coverage * phraseBoost(ref, phrase) });
    }
    hits.sort((a, b) => b.score - a.score);
    const floor = (hits[0]?.score ?? 0) * (options.minRelativeScore ?? DEFAULT_MIN_RELATIVE_SCORE);
    const relevant = hits.filter((hit) => hit.score >= floor);
    return options.limit === undefined ? relevant : relevant.slice(0, options.limit);
  }
}

/** A query term, and whether it came from correcting a misspelt word. */
interface QueryTerm {
  readonly term: string;
  readonly corrected: boolean;
}

/** Replaces words the index has never seen by the closest word it has ("engneering" → "engineering"). */
function correct(
  tokens: readonly QueryToken[],
  index: StatisticsMiniSearch,
  spelling: Spelling,
): QueryTerm[] {
  return tokens.map(({ word, term }) => {
    if (index.documentFrequency(term) > 0) return { term, corrected: false };
    const correction = spelling.correct(word);
    return correction === undefined ? { term, corrected: false } : { term: correction, corrected: true };
  });
}

/** A title that is the question's words, or contains them in order, is what the user typed: rank it first. */
function phraseBoost(ref: RecordRef, phrase: string): number {
  if (!phrase.includes(' ')) return 1;
  const title = normalizePhrase(
    'title' in ref.record ? ref.record.title : 'name' in ref.record ? ref.record.name : ref.record.term,
  );
  if (title === phrase) return TITLE_EQUALS_BOOST;
  return title.includes(phrase) ? TITLE_CONTAINS_BOOST : 1;
}

function coverageOf(
  result: SearchResult,
  weights: ReadonlyMap<string, number>,
  corrected: ReadonlySet<string>,
  totalWeight: number,
): number {
  if (totalWeight <= 0) return 0;
  let covered = 0;
  for (const queryTerm of result.queryTerms) {
    const weight = weights.get(queryTerm) ?? 0;
    const exact = !corrected.has(queryTerm) && result.terms.includes(queryTerm);
    covered += exact ? weight : weight * INEXACT_MATCH_WEIGHT;
  }
  return Math.min(1, covered / totalWeight);
}

/** Every record of the catalog in a fixed order; a record's position is its document number. */
function allRecords(catalog: Catalog): RecordRef[] {
  const { dataset } = catalog;
  return [
    ...dataset.sessions.map((record): RecordRef => ({ type: 'session', record })),
    ...dataset.people.map((record): RecordRef => ({ type: 'person', record })),
    ...dataset.organizations.map((record): RecordRef => ({ type: 'organization', record })),
    ...dataset.announcements.map((record): RecordRef => ({ type: 'announcement', record })),
    ...dataset.projects.map((record): RecordRef => ({ type: 'project', record })),
    ...dataset.terms.map((record): RecordRef => ({ type: 'term', record })),
  ];
}
