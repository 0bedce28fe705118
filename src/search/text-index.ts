// Full-text search over every record with minisearch, plus how much of the question each hit covers.
import type { SearchResult } from 'minisearch';
import type { Catalog, RecordRef, RecordType } from '../model/catalog.ts';
import { analyzeQuery, analyzeToken, type QueryToken } from '../text/analyzer.ts';
import { normalizePhrase } from '../text/normalize.ts';
import { HallwayMiniSearch } from './hallway-minisearch.ts';
import { buildPostings, type Postings } from './postings.ts';
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

/** A word the dataset never uses, and the known word searched in its place ("cobol" → "cool"). */
export interface Correction {
  readonly typed: string;
  readonly known: string;
}

/** The full-text index over one catalog. */
export interface TextIndex {
  /** The words of `text` that `find` replaces by the closest known word, so an answer can say so. */
  corrections(text: string): Correction[];
  /** Searches free text: analysed like the index, misspelt words corrected, best hits first. */
  find(text: string, options?: TextSearchOptions): TextHit[];
  /** How many records contain the (analysed) term; 0 for words the dataset never uses. */
  documentFrequency(term: string): number;
  /**
   * Plain minisearch over the same index and the same query terms (exact terms, OR, no coverage, no ranking
   * work): the floor the benchmark compares `ask` against. Returns the number of hits.
   */
  rawSearch(text: string): number;
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
/** A term in more records than this makes a question expensive enough to narrow before scoring. */
const HEAVY_TERM_DOCUMENTS = 500;
/** For one very common word, the fields where it names what a record is about. */
const HEADLINE_FIELDS = ['title', 'names', 'topics'] as const;
/** Above this many candidates, those with the words in a headline field are scored first. */
const HEADLINE_NARROW_FROM = 1000;
/** How many of a very common word's best records are scored. */
const SINGLE_WORD_CANDIDATES = 200;
/** Enough headline matches that body matches would not make the top of the answer. */
const HEADLINE_ENOUGH = 20;
/** Only the best hits are re-ranked by their title: a typed title is never far from the top. */
const PHRASE_RERANK_DEPTH = 50;
const TITLE_CONTAINS_BOOST = 2;
/** Prefix matching applies to the last word only (the one still being typed), and not to short words. */
const MIN_PREFIX_LENGTH = 4;

/**
 * What building the index works out from the catalog, and the costly part of it: the postings and the spelling
 * vocabulary. A snapshot keeps them, so a restart over the same data skips the analysis.
 */
export interface TextIndexParts {
  readonly postings: Postings;
  /**
   * Each word the records use that is long enough to correct, with its index term. Asked for on the first typo:
   * read back from a snapshot, the list is decoded only then.
   */
  readonly words: () => ReadonlyMap<string, string>;
}

/** Analyses every record of the catalog into postings, learning the spelling vocabulary in the same pass. */
export function buildTextIndexParts(catalog: Catalog): TextIndexParts {
  const refs = allRecords(catalog);
  // Only the words are kept here; the frequency that breaks ties is the finished index's.
  const learner = buildSpelling(() => 0);
  const postings = buildPostings(
    refs.length,
    SEARCH_FIELDS.length,
    (n, field) => {
      const ref = refs[n];
      return ref === undefined ? '' : recordField(catalog, ref, SEARCH_FIELDS[field] as SearchField);
    },
    analyzeToken,
    (word, term) => learner.learn(word, term),
  );
  return { postings, words: learner.words };
}

/** Builds the index over every record in the catalog, from `parts` when they were built before. */
export function buildTextIndex(
  catalog: Catalog,
  options: TextIndexOptions = {},
  parts: TextIndexParts = buildTextIndexParts(catalog),
): TextIndex {
  const refs = allRecords(catalog);
  if (parts.postings.documentCount !== refs.length)
    throw new Error(
      `text index parts hold ${parts.postings.documentCount} records, the catalog ${refs.length}`,
    );
  // Ties between equally close corrections go to the more common term; `index` exists by the time it is asked.
  const spelling = buildSpelling((term) => index.documentFrequency(term), parts.words);
  const noise = options.noise ?? new Set<string>();
  const index = HallwayMiniSearch.fromPostings(
    {
      idField: 'n',
      fields: [...SEARCH_FIELDS],
      searchOptions: {
        // Queries arrive already analysed, joined by single spaces.
        tokenize: (query) => query.split(' '),
        processTerm: (term) => term,
        boost: { ...FIELD_BOOST },
        prefix: (term, position, terms) => position === terms.length - 1 && term.length >= MIN_PREFIX_LENGTH,
        combineWith: 'OR',
      },
    },
    parts.postings,
  );
  const headlineFieldIds = index.fieldIdsOf(HEADLINE_FIELDS);
  const bodyFieldIds = index.fieldIdsOf(['body']);

  const documentCount = refs.length;
  const weight = (term: string): number => {
    const frequency = index.documentFrequency(term);
    return Math.log(1 + (documentCount - frequency + 0.5) / (frequency + 0.5));
  };

  return {
    documentCount,
    documentFrequency: (term) => index.documentFrequency(term),
    corrections(text) {
      return analyzeQuery(text, noise).flatMap(({ word, term }) => {
        if (index.documentFrequency(term) > 0) return [];
        const correction = spelling.correct(word);
        return correction === undefined || correction.word === word
          ? []
          : [{ typed: word, known: correction.word }];
      });
    },
    rawSearch(text) {
      const terms = analyzeQuery(text, noise).map((token) => token.term);
      return terms.length === 0 ? 0 : index.search(terms.join(' '), { prefix: false, fuzzy: false }).length;
    },
    find(text, searchOptions = {}) {
      const query = correct(analyzeQuery(text, noise), index, spelling);
      return search(query, searchOptions, normalizePhrase(text));
    },
  };

  /**
   * Asks minisearch, skipping without scoring every record of another type. A question whose words are all
   * common (so that scoring them means scoring most of the index) is narrowed first: to the records holding every
   * word, or, for a single word, to its best records by their headline fields.
   */
  function runSearch(
    searched: readonly string[],
    all: readonly string[],
    types: ReadonlySet<RecordType> | undefined,
  ) {
    const { candidates, fields } = narrow(all);
    const keep = (id: number) =>
      (types === undefined || types.has(refs[id]?.type as RecordType)) &&
      (candidates === undefined || candidates.has(id));
    const boostDocument =
      types === undefined && candidates === undefined
        ? undefined
        : (id: unknown) => (keep(id as number) ? 1 : 0);
    return index.search(searched.join(' '), {
      ...(boostDocument === undefined ? {} : { boostDocument }),
      ...(fields === undefined ? {} : { fields: [...fields] }),
    });
  }

  function narrow(all: readonly string[]): { candidates?: Set<number>; fields?: readonly string[] } {
    // The last word is also searched as a prefix, so its weight is that of all the words it starts.
    const last = all[all.length - 1] ?? '';
    const frequency = (term: string) =>
      term === last && term.length >= MIN_PREFIX_LENGTH
        ? index.prefixFrequency(term, HEAVY_TERM_DOCUMENTS)
        : index.documentFrequency(term);
    if (!all.every((term) => frequency(term) > HEAVY_TERM_DOCUMENTS)) return {};
    if (all.length > 1) {
      const candidates = headlineFirst(index.documentsWithAll(all), all);
      return candidates === undefined ? {} : { candidates };
    }
    const prefix = last.length >= MIN_PREFIX_LENGTH;
    const best = index.shortestDocuments(last, prefix, headlineFieldIds, SINGLE_WORD_CANDIDATES);
    if (best.size >= HEADLINE_ENOUGH) return { candidates: best, fields: HEADLINE_FIELDS };
    // Few headline matches for one common word: add its best records by their body, and score only those.
    for (const document of index.shortestDocuments(last, prefix, bodyFieldIds, SINGLE_WORD_CANDIDATES)) {
      best.add(document);
    }
    return { candidates: best };
  }

  /** Of very many records holding every word, those with every word in a title, name or topic, if enough. */
  function headlineFirst(
    documents: Set<number> | undefined,
    terms: readonly string[],
  ): Set<number> | undefined {
    if (documents === undefined || documents.size <= HEADLINE_NARROW_FROM) return documents;
    const narrowed = new Set<number>();
    const tests = terms.map((term) => index.holds(term, headlineFieldIds));
    for (const document of documents) {
      if (tests.every((test) => test(document))) narrowed.add(document);
    }
    return narrowed.size >= HEADLINE_ENOUGH ? narrowed : documents;
  }

  function search(query: readonly QueryTerm[], options: TextSearchOptions, phrase: string): TextHit[] {
    if (query.length === 0) return [];
    const types = options.types;
    const weights = new Map(query.map(({ term }) => [term, weight(term)]));
    const corrected = new Set(query.filter((entry) => entry.corrected).map((entry) => entry.term));
    const totalWeight = [...weights.values()].reduce((sum, value) => sum + value, 0);
    const minCoverage = options.minCoverage ?? DEFAULT_MIN_COVERAGE;
    // Only the rarest terms are searched: enough of them that a record holding none of them could not reach
    // the coverage floor. Scoring a common term (the event's main subject) means scoring most of the index, and
    // this keeps every record that can be relevant; the others' presence is checked per hit below.
    const searched = selectiveTerms(query, weights, totalWeight * (1 - minCoverage));
    const checked = query.filter((entry) => !searched.includes(entry)).map((entry) => entry.term);
    const checkedTests = checked.map((term) => [term, index.holds(term)] as const);
    const results = runSearch(
      searched.map((entry) => entry.term),
      query.map((entry) => entry.term),
      types,
    );

    const hits: TextHit[] = [];
    // minisearch returns results best first, and coverage only lowers a score, so once a result could no longer
    // reach the relative floor or the top `keep`, none after it can either: the long tail is never examined.
    const relativeFloor = options.minRelativeScore ?? DEFAULT_MIN_RELATIVE_SCORE;
    const keep =
      options.limit === undefined ? Number.POSITIVE_INFINITY : Math.max(options.limit, PHRASE_RERANK_DEPTH);
    const best = new TopScores(keep);
    for (const result of results) {
      if (result.score < best.max() * relativeFloor || result.score < best.threshold()) break;
      const ref = refs[result.id as number];
      if (ref === undefined) continue;
      let coverage = coverageOf(result, weights, corrected, totalWeight);
      for (const [term, test] of checkedTests) {
        if (test(result.id as number)) coverage += (weights.get(term) ?? 0) / totalWeight;
      }
      if (coverage < minCoverage) continue;
      const score = result.score * coverage * coverage;
      hits.push({ ref, coverage, score });
      best.add(score);
    }
    hits.sort((a, b) => b.score - a.score);
    const ranked = rerankByPhrase(hits, phrase);
    const floor = (ranked[0]?.score ?? 0) * (options.minRelativeScore ?? DEFAULT_MIN_RELATIVE_SCORE);
    const relevant = ranked.filter((hit) => hit.score >= floor);
    return options.limit === undefined ? relevant : relevant.slice(0, options.limit);
  }
}

/** A query term, and whether it came from correcting a misspelt word. */
interface QueryTerm {
  readonly term: string;
  readonly corrected: boolean;
}

/** Replaces words the index has never seen by the closest word it has ("engneering" → "engineering"). */
function correct(tokens: readonly QueryToken[], index: HallwayMiniSearch, spelling: Spelling): QueryTerm[] {
  return tokens.map(({ word, term }) => {
    if (index.documentFrequency(term) > 0) return { term, corrected: false };
    const correction = spelling.correct(word);
    return correction === undefined ? { term, corrected: false } : { term: correction.term, corrected: true };
  });
}

/** The best `size` scores seen so far, to know when no later (lower) result can enter them. */
class TopScores {
  private readonly scores: number[] = [];
  constructor(private readonly size: number) {}

  add(score: number): void {
    if (this.scores.length >= this.size && score <= (this.scores[this.scores.length - 1] ?? 0)) return;
    let at = this.scores.length;
    while (at > 0 && (this.scores[at - 1] ?? 0) < score) at--;
    this.scores.splice(at, 0, score);
    if (this.scores.length > this.size) this.scores.pop();
  }

  max(): number {
    return this.scores[0] ?? 0;
  }

  /** The score a result must beat to enter the top; 0 until the top is full. */
  threshold(): number {
    return this.scores.length < this.size ? 0 : (this.scores[this.scores.length - 1] ?? 0);
  }
}

/** The highest-weighted terms whose weights add up to more than `needed`: every relevant record has one. */
function selectiveTerms(
  query: readonly QueryTerm[],
  weights: ReadonlyMap<string, number>,
  needed: number,
): QueryTerm[] {
  const byWeight = [...query].sort((a, b) => (weights.get(b.term) ?? 0) - (weights.get(a.term) ?? 0));
  const chosen: QueryTerm[] = [];
  let sum = 0;
  for (const entry of byWeight) {
    chosen.push(entry);
    sum += weights.get(entry.term) ?? 0;
    if (sum > needed) break;
  }
  return chosen;
}

/** Re-ranks the best hits by whether their title is the question's words; the rest keep their order. */
function rerankByPhrase(hits: readonly TextHit[], phrase: string): TextHit[] {
  if (!phrase.includes(' ')) return [...hits];
  const head = hits
    .slice(0, PHRASE_RERANK_DEPTH)
    .map((hit) => ({ ...hit, score: hit.score * phraseBoost(hit.ref, phrase) }))
    .sort((a, b) => b.score - a.score);
  return [...head, ...hits.slice(PHRASE_RERANK_DEPTH)];
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
