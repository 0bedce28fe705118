// The fast paths of the search index must give the answers the plain paths would.
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { syntheticConference } from '../../adapters/bench/synthetic-corpus.ts';
import { createEngine } from '../../src/index.ts';
import { DocumentList } from '../../src/search/document-list.ts';
import { HallwayMiniSearch } from '../../src/search/hallway-minisearch.ts';
import { buildPostings } from '../../src/search/postings.ts';
import { buildSpelling } from '../../src/search/spelling.ts';
import { analyzeText } from '../../src/text/analyzer.ts';

const documents = [
  ['Rootless containers', 'Running containers without root, with user namespaces and containers again.'],
  ['Container security', 'Signing images and scanning for vulnerabilities in containers.'],
  ['Kubernetes networking', 'How packets move between pods, nodes and services.'],
  ['Observability with OpenTelemetry', 'Tracing, metrics and logs for containers on Kubernetes.'],
] as const;

describe('loading minisearch from postings', () => {
  it('answers exactly like minisearch built with addAll (each term once per field)', () => {
    const fields = ['title', 'body'];
    const plain = new MiniSearch<{ n: number }>({
      idField: 'n',
      fields,
      extractField: (document, field) =>
        field === 'n' ? document.n : (documents[document.n]?.[fields.indexOf(field)] ?? ''),
      tokenize: (text) => [...new Set(analyzeText(text))],
      processTerm: (term) => term,
    });
    plain.addAll(documents.map((_, n) => ({ n })));
    const loaded = HallwayMiniSearch.fromPostings(
      {
        idField: 'n',
        fields,
        searchOptions: { tokenize: (query) => query.split(' '), processTerm: (term) => term },
      },
      buildPostings(documents.length, fields.length, (n, field) => documents[n]?.[field] ?? ''),
    );
    for (const query of ['contain', 'kubernet', 'contain kubernet', 'trace metric', 'root secur']) {
      const expected = plain.search(query).map((r) => [r.id, r.score.toFixed(6)]);
      expect(loaded.search(query).map((r) => [r.id, r.score.toFixed(6)])).toEqual(expected);
    }
    expect(loaded.documentFrequency('contain')).toBe(3);
    expect(loaded.holds('kubernet')(2)).toBe(true);
    expect(loaded.holds('kubernet')(0)).toBe(false);
    expect([...(loaded.documentsWithAll(['contain', 'kubernet']) ?? [])]).toEqual([3]);
  });
});

describe('DocumentList', () => {
  it('keeps sorted documents and answers like a Map of frequency 1', () => {
    const list = new DocumentList();
    for (let n = 0; n < 200; n += 3) list.add(n);
    list.trim();
    expect(list.size).toBe(67);
    expect(list.has(99)).toBe(true);
    expect(list.has(100)).toBe(false);
    expect([...list.keys()].slice(0, 3)).toEqual([0, 3, 6]);
    expect([...list].slice(0, 2)).toEqual([
      [0, 1],
      [3, 1],
    ]);
  });
});

describe('spelling', () => {
  it('corrects to the closest known word, and prefers the more common term on a tie', () => {
    const spelling = buildSpelling((term) => (term === 'engin' ? 10 : 1));
    spelling.learn('engineering', 'engin');
    spelling.learn('engineered', 'engineer');
    expect(spelling.correct('engneering')).toEqual({ word: 'engineering', term: 'engin' });
    expect(spelling.correct('zzzz')).toBeUndefined();
    expect(spelling.correct('abc')).toBeUndefined();
  });

  it('reads two swapped neighbouring letters as one slip, even in a short word', () => {
    const spelling = buildSpelling(() => 1);
    spelling.learn('server', 'server');
    expect(spelling.correct('serevr')).toEqual({ word: 'server', term: 'server' });
    // The first letter is never swapped: "esrver" is too far.
    expect(spelling.correct('esrver')).toBeUndefined();
  });
});

describe('questions whose words are common everywhere', () => {
  const dataset = syntheticConference({ sessions: 3000, seed: 3 });
  const engine = createEngine(dataset, { clock: () => Date.parse('2027-05-11T10:00:00+02:00') });

  it('a very common single word still ranks records about it (in their title) first', () => {
    const answer = engine.ask('who spoke about kubernetes?');
    expect(answer.answered).toBe(true);
    for (const result of answer.results.filter((r) => r.type === 'session').slice(0, 5)) {
      expect(result.title.toLowerCase()).toContain('kubernetes');
    }
  });

  it('several words that are each in hundreds of records find records holding all of them', () => {
    const counts = new Map<string, number>();
    for (const session of dataset.sessions) {
      for (const word of new Set(`${session.title} ${session.summary}`.toLowerCase().split(' '))) {
        if (/^(?:kubernetes|cluster|container|observability|policy|metrics|tracing|security)$/.test(word)) {
          counts.set(word, (counts.get(word) ?? 0) + 1);
        }
      }
    }
    const common = [...counts]
      .filter(([, count]) => count > 500)
      .map(([word]) => word)
      .slice(0, 3);
    expect(common).toHaveLength(3);
    const answer = engine.ask(`who spoke about ${common.join(' ')}?`);
    const sessions = answer.results.filter((r) => r.type === 'session').slice(0, 5);
    expect(sessions.length).toBeGreaterThan(0);
    for (const result of sessions) {
      const session = dataset.sessions.find((s) => s.id === result.id);
      const text = `${session?.title} ${session?.summary}`.toLowerCase();
      for (const word of common) expect(text).toContain(word);
    }
  });
});
