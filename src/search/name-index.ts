// Finds people, organisations, projects and terms by name or alias, forgiving typos ("Abby Bangsr", "spectro clod").
import type { Query, SearchResult } from 'minisearch';
import type SearchableMap from 'minisearch/SearchableMap';
import type { Catalog, RecordRef, RecordType } from '../model/catalog.ts';
import { typoDistance } from '../text/edit-distance.ts';
import { wordTokens } from '../text/normalize.ts';
import { HallwayMiniSearch } from './hallway-minisearch.ts';
import { buildPostings, type Postings } from './postings.ts';
import { radixTreeOf } from './radix-tree.ts';

/** Record types that have names people type. */
export type NamedType = Extract<RecordType, 'person' | 'organization' | 'project' | 'term'>;

/** One record whose name matched, and how well (1 = every word of one of its names, typed exactly). */
export interface NameMatch {
  readonly ref: Extract<RecordRef, { type: NamedType }>;
  /** The name or alias that matched. */
  readonly matchedName: string;
  readonly quality: number;
  /** True when every word was typed exactly as in the name. */
  readonly exact: boolean;
}

export interface NameIndex {
  /** Named records matching every word of `text`, best first. */
  find(text: string, types?: ReadonlySet<NamedType>): NameMatch[];
  /** Names sharing any word with `text` (typos allowed), for "did you mean …?". */
  suggest(text: string, types?: ReadonlySet<NamedType>, limit?: number): string[];
}

/** Words that never distinguish one name from another. */
const NAME_FILLER: ReadonlySet<string> = new Set([
  'the',
  'a',
  'an',
  'of',
  'mr',
  'ms',
  'mrs',
  'dr',
  's',
  'and',
]);
/** A word matched only through a typo or as a prefix counts for less than an exact one. */
const TYPO_PENALTY = 0.8;
const PREFIX_PENALTY = 0.9;
const FIRST_WORD_QUALITY = 0.6;
/** Names are rarely longer; a longer phrase is a title or a topic, not worth a typo-tolerant name search. */
const MAX_WORDS_FOR_TYPOS = 3;

type NameEntry = {
  readonly n: number;
  readonly ref: NameMatch['ref'];
  readonly name: string;
  readonly words: number;
};

/** Typos allowed per word: none for very short words, where one edit turns a name into another. */
function nameFuzziness(term: string): number | false {
  if (term.length >= 8) return 2;
  if (term.length >= 4) return 1;
  return false;
}

function nameWords(text: string): string[] {
  return wordTokens(text).filter((word) => !NAME_FILLER.has(word));
}

/** One entry per name and per alias of every named record, in a fixed order: an entry's position is its id. */
function nameEntries(catalog: Catalog): NameEntry[] {
  const entries: NameEntry[] = [];
  const add = (ref: NameMatch['ref'], names: readonly string[]): void => {
    for (const name of new Set(names)) {
      const words = nameWords(name).length;
      if (words > 0) entries.push({ n: entries.length, ref, name, words });
    }
  };
  for (const record of catalog.dataset.people)
    add({ type: 'person', record }, [record.name, ...record.aliases]);
  for (const record of catalog.dataset.organizations)
    add({ type: 'organization', record }, [record.name, ...record.aliases]);
  for (const record of catalog.dataset.projects)
    add({ type: 'project', record }, [record.name, ...record.aliases]);
  for (const record of catalog.dataset.terms) add({ type: 'term', record }, [record.term, ...record.aliases]);
  return entries;
}

function postingsOf(entries: readonly NameEntry[]): Postings {
  return buildPostings(
    entries.length,
    1,
    (n) => entries[n]?.name ?? '',
    (word) => (NAME_FILLER.has(word) ? null : word),
  );
}

/** The name index's postings, which a snapshot keeps. */
export function buildNamePostings(catalog: Catalog): Postings {
  return postingsOf(nameEntries(catalog));
}

/** Builds the name index, from `postings` when they were built before over the same catalog. */
export function buildNameIndex(catalog: Catalog, postings?: Postings): NameIndex {
  const entries = nameEntries(catalog);
  if (postings !== undefined && postings.documentCount !== entries.length)
    throw new Error(`name postings hold ${postings.documentCount} names, the catalog ${entries.length}`);
  let vocabulary: SearchableMap<true> | undefined;
  const index = HallwayMiniSearch.fromPostings(
    {
      idField: 'n',
      fields: ['name'],
      searchOptions: {
        tokenize: (query) => query.split(' '),
        processTerm: (term) => term,
        fuzzy: (term) => nameFuzziness(term),
        prefix: (term, position, terms) => position === terms.length - 1 && term.length >= 3,
        combineWith: 'AND',
      },
    },
    postings ?? postingsOf(entries),
  );

  return {
    find(text, types) {
      const words = [...new Set(nameWords(text))];
      if (words.length === 0 || words.length > 8) return [];
      // Exact words first; the much costlier typo-tolerant search only when nothing matched exactly.
      const query = words.join(' ');
      const wanted = (result: SearchResult) => {
        const entry = entries[result.id as number];
        return entry !== undefined && (types === undefined || types.has(entry.ref.type));
      };
      let results = index.search(query, { fuzzy: false, filter: wanted });
      if (results.length === 0 && words.length <= MAX_WORDS_FOR_TYPOS)
        results = index.search(query, { filter: wanted });
      // minisearch counts swapped letters ("Viatly") as two edits; retry with them counted as one.
      if (results.length === 0 && words.length <= MAX_WORDS_FOR_TYPOS) {
        vocabulary ??= nameVocabulary(entries);
        const swapped = swappedLettersQuery(words, vocabulary);
        if (swapped !== undefined)
          results = index.search(swapped, { fuzzy: false, prefix: false, filter: wanted });
      }
      const best = new Map<string, NameMatch>();
      for (const result of results) {
        const entry = entries[result.id as number];
        if (entry === undefined) continue;
        const match = scoreMatch(entry, result, words);
        const key = `${entry.ref.type}:${entry.ref.record.id}`;
        const previous = best.get(key);
        if (previous === undefined || match.quality > previous.quality) best.set(key, match);
      }
      return [...best.values()].sort(
        (a, b) => b.quality - a.quality || (a.exact === b.exact ? 0 : a.exact ? -1 : 1),
      );
    },
    suggest(text, types, limit = 3) {
      const words = [...new Set(nameWords(text))].filter((word) => word.length >= 3);
      if (words.length === 0 || words.length > 8) return [];
      const names: string[] = [];
      for (const result of index.search(words.join(' '), { combineWith: 'OR' })) {
        const entry = entries[result.id as number];
        if (entry === undefined || (types !== undefined && !types.has(entry.ref.type))) continue;
        const name = 'name' in entry.ref.record ? entry.ref.record.name : entry.ref.record.term;
        if (!names.includes(name)) names.push(name);
        if (names.length >= limit) break;
      }
      return names;
    },
  };
}

/** Every word of every name, for finding the words a typo is closest to. Built on the first typo that needs it. */
function nameVocabulary(entries: readonly NameEntry[]): SearchableMap<true> {
  return radixTreeOf(entries.flatMap((entry) => nameWords(entry.name).map((word) => [word, true] as const)));
}

/**
 * A query in which each word the names do not contain is replaced by the name words within its typo allowance,
 * counting a swap of neighbouring letters as one typo. Undefined when some word has no such neighbour.
 */
function swappedLettersQuery(words: readonly string[], vocabulary: SearchableMap<true>): Query | undefined {
  const queries: Query[] = [];
  for (const word of words) {
    if (vocabulary.has(word)) {
      queries.push(word);
      continue;
    }
    const typed = nameFuzziness(word);
    if (typed === false) return undefined;
    // A swap is two edits to minisearch, so look one edit further and keep what is within the allowance, which a
    // long name widens: "Bilman" is two letters short of "Biilmann".
    const near = [...vocabulary.fuzzyGet(word, typed + 1).keys()].filter((candidate) => {
      const allowed = Math.max(typed, nameFuzziness(candidate) || 0);
      return typoDistance(word, candidate, allowed) <= allowed;
    });
    if (near.length === 0) return undefined;
    queries.push({ combineWith: 'OR', queries: near });
  }
  return { combineWith: 'AND', queries };
}

/**
 * Quality is the share of the name's words that the query covered, lowered for each word that only
 * matched through a typo or a prefix.
 */
function scoreMatch(entry: NameEntry, result: SearchResult, words: readonly string[]): NameMatch {
  const nameTerms = new Set(nameWords(entry.name));
  let penalty = 1;
  let exact = true;
  for (const word of words) {
    if (nameTerms.has(word)) continue;
    exact = false;
    const prefixOnly = result.terms.some((term) => term.startsWith(word) && term !== word);
    penalty *= prefixOnly ? PREFIX_PENALTY : TYPO_PENALTY;
  }
  const covered = result.terms.filter((term) => nameTerms.has(term)).length;
  // A name's first word typed exactly ("Google" for "Google Cloud", "1Spatial" for "1Spatial by VertiGIS")
  // is a good match even when the rest of the name is left out.
  const firstWord = nameWords(entry.name)[0];
  const share = covered / entry.words;
  const coverage =
    firstWord !== undefined && words.includes(firstWord) ? Math.max(share, FIRST_WORD_QUALITY) : share;
  const quality = Math.min(1, coverage) * penalty;
  return { ref: entry.ref, matchedName: entry.name, quality, exact };
}
