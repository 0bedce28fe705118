// HallwayMiniSearch writes minisearch's protected fields (src/search/hallway-minisearch.ts), so a minisearch
// upgrade could change answers silently. On a real schedule, it must score exactly like plain minisearch built
// with addAll — exact, prefix and fuzzy search, field boosts, field choice, document boosts, AND — and its own
// term statistics must match a brute-force count over the same text.
import MiniSearch, { type SearchOptions } from 'minisearch';
import { expect, it } from 'vitest';
import { loadDataset } from '../../src/index.ts';
import { buildCatalog, type RecordRef } from '../../src/model/catalog.ts';
import { HallwayMiniSearch } from '../../src/search/hallway-minisearch.ts';
import { buildPostings } from '../../src/search/postings.ts';
import { FIELD_BOOST, recordField, SEARCH_FIELDS } from '../../src/search/record-text.ts';
import { analyzeText } from '../../src/text/analyzer.ts';
import { canUseShared, describeWithShared, sharedPath } from '../helpers/shared.ts';

const KUBECON_ICS = 'datasets/kubecon-eu-2026-sched-ics/current-schedule.ics';

/** Every record's text, field by field, as the engine indexes it. */
function realRecords(): string[][] {
  const loaded = loadDataset(sharedPath(KUBECON_ICS));
  if (!loaded.ok) throw new Error(`${KUBECON_ICS} did not load`);
  const catalog = buildCatalog(loaded.dataset);
  const { dataset } = catalog;
  const refs: RecordRef[] = [
    ...dataset.sessions.map((record): RecordRef => ({ type: 'session', record })),
    ...dataset.people.map((record): RecordRef => ({ type: 'person', record })),
    ...dataset.organizations.map((record): RecordRef => ({ type: 'organization', record })),
  ];
  return refs.map((ref) => SEARCH_FIELDS.map((field) => recordField(catalog, ref, field)));
}

/** Queries drawn from the schedule itself: real words, their starts, and misspellings of them. */
function queriesFrom(records: readonly string[][]): { exact: string[]; typed: string[]; misspelt: string[] } {
  const exact: string[] = [];
  const typed: string[] = [];
  const misspelt: string[] = [];
  for (let n = 0; n < records.length; n += 37) {
    const terms = [...new Set(analyzeText(records[n]?.[0] ?? ''))].filter((term) => term.length >= 5);
    if (terms.length === 0) continue;
    exact.push(terms.slice(0, 1 + (n % 3)).join(' '));
    const [first = ''] = terms;
    typed.push(first.slice(0, 4));
    // Two letters swapped: one edit away for a fuzzy search of distance 0.2 × length.
    misspelt.push(`${first.slice(0, 1)}${first[2]}${first[1]}${first.slice(3)}`);
  }
  return { exact, typed, misspelt };
}

/** Hits as [id, score], scores rounded past float noise, ties in id order: comparable across the two. */
function ranked(results: ReadonlyArray<{ id: number; score: number }>): Array<[number, string]> {
  return results
    .map((result): [number, string] => [result.id, result.score.toPrecision(10)])
    .sort((a, b) => Number(b[1]) - Number(a[1]) || a[0] - b[0]);
}

describeWithShared('minisearch loaded from postings, on the KubeCon schedule', [KUBECON_ICS], () => {
  const records = canUseShared([KUBECON_ICS]) ? realRecords() : [];
  const fields: string[] = [...SEARCH_FIELDS];
  const queryOptions = { tokenize: (query: string) => query.split(' '), processTerm: (term: string) => term };
  const plain = new MiniSearch<{ n: number }>({
    idField: 'n',
    fields,
    extractField: (document, field) =>
      field === 'n' ? document.n : (records[document.n]?.[fields.indexOf(field)] ?? ''),
    // Each term once per field, as the postings count it.
    tokenize: (text) => [...new Set(analyzeText(text))],
    processTerm: (term) => term,
    searchOptions: queryOptions,
  });
  plain.addAll(records.map((_, n) => ({ n })));
  const loaded = HallwayMiniSearch.fromPostings(
    { idField: 'n', fields, searchOptions: queryOptions },
    buildPostings(records.length, fields.length, (n, field) => records[n]?.[field] ?? ''),
  );
  const queries = queriesFrom(records);
  /** The distinct terms of each record, per field: the brute-force truth for the statistics. */
  const termsByField = records.map((record) => record.map((text) => new Set(analyzeText(text))));

  it('indexes the whole schedule, with queries of every kind drawn from it', () => {
    expect(loaded.documentCount).toBe(plain.documentCount);
    expect(loaded.documentCount).toBeGreaterThan(1000);
    expect(queries.exact.length).toBeGreaterThan(20);
    // Some misspellings find nothing as typed and something fuzzily: the fuzzy cases test fuzzy matching.
    const rescued = queries.misspelt.filter(
      (query) =>
        plain.search(query, { fuzzy: false }).length === 0 && plain.search(query, { fuzzy: 0.2 }).length > 0,
    );
    expect(rescued.length).toBeGreaterThan(5);
  });

  const cases: Array<[string, keyof ReturnType<typeof queriesFrom>, SearchOptions]> = [
    ['exact terms', 'exact', { prefix: false, fuzzy: false }],
    ['prefix search', 'typed', { prefix: true }],
    ['fuzzy search', 'misspelt', { fuzzy: 0.2 }],
    [
      'fuzzy and prefix, weighted',
      'misspelt',
      { fuzzy: 0.2, prefix: true, weights: { fuzzy: 0.3, prefix: 0.6 } },
    ],
    ['the engine’s field boosts', 'exact', { boost: { ...FIELD_BOOST } }],
    ['other field weights on some fields only', 'exact', { fields: ['title', 'body'], boost: { title: 4 } }],
    ['document boosts', 'exact', { boostDocument: (id) => 1 + (Number(id) % 3) }],
    ['every word required', 'exact', { combineWith: 'AND', boost: { ...FIELD_BOOST } }],
  ];

  it.each(cases)('%s: the same hits with the same scores as plain minisearch', (_name, kind, options) => {
    let hits = 0;
    for (const query of queries[kind]) {
      const expected = ranked(plain.search(query, options));
      expect(ranked(loaded.search(query, options)), query).toEqual(expected);
      hits += expected.length;
    }
    expect(hits).toBeGreaterThan(0);
  });

  it('counts documents per term, prefix and set of terms as a brute-force count does', () => {
    const holding = (term: string, n: number) => termsByField[n]?.some((terms) => terms.has(term)) === true;
    for (const query of queries.exact) {
      const terms = query.split(' ');
      for (const term of terms) {
        const perField = fields.map(
          (_, field) => termsByField.filter((byField) => byField[field]?.has(term)).length,
        );
        expect(loaded.documentFrequency(term), term).toBe(Math.max(...perField));
        const holds = loaded.holds(term);
        for (let n = 0; n < records.length; n += 11) expect(holds(n)).toBe(holding(term, n));
      }
      const all = records.flatMap((_, n) => (terms.every((term) => holding(term, n)) ? [n] : []));
      expect(
        [...(loaded.documentsWithAll(terms) ?? [])].sort((a, b) => a - b),
        query,
      ).toEqual(all);
    }
    for (const prefix of queries.typed) {
      const expansions = new Set(termsByField.flatMap((byField) => byField.flatMap((terms) => [...terms])));
      const expected = [...expansions]
        .filter((term) => term.startsWith(prefix))
        .reduce((sum, term) => sum + loaded.documentFrequency(term), 0);
      expect(loaded.prefixFrequency(prefix, Number.POSITIVE_INFINITY), prefix).toBe(expected);
    }
  });

  it('finds the shortest titles holding a word, and names field ids in minisearch’s order', () => {
    const titles = loaded.fieldIdsOf(['title']);
    expect([...loaded.fieldIdsOf(['title', 'body'])]).toEqual([0, 3]);
    for (const query of queries.exact.slice(0, 10)) {
      const [term = ''] = query.split(' ');
      const chosen = loaded.shortestDocuments(term, false, titles, 5);
      expect(chosen.size).toBeGreaterThan(0);
      const lengths = records.map((_, n) =>
        termsByField[n]?.[0]?.has(term) ? termsByField[n]?.[0]?.size : undefined,
      );
      const shortest = Math.min(...lengths.filter((length): length is number => length !== undefined));
      for (const n of chosen) expect(termsByField[n]?.[0]?.has(term), term).toBe(true);
      expect([...chosen].some((n) => lengths[n] === shortest)).toBe(true);
    }
  });
});
