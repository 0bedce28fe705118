// The benchmark's parts: its corpus is a valid dataset, its questions are mixed, targets are checked right, and
// the store bench measures what it says.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { benchQuestions } from '../../adapters/bench/bench-questions.ts';
import { benchReminders } from '../../adapters/bench/reminder-bench.ts';
import { benchStoreOps, SUBSCRIPTIONS } from '../../adapters/bench/store-ops.ts';
import { syntheticConference } from '../../adapters/bench/synthetic-corpus.ts';
import { checkTargets, type Run } from '../../adapters/bench/targets.ts';
import { openSqliteStore } from '../../adapters/store/sqlite-store.ts';
import { crossCheck } from '../../src/model/cross-check.ts';
import { DatasetSchema } from '../../src/model/schema.ts';

describe('the synthetic corpus', () => {
  const dataset = syntheticConference({ sessions: 500, seed: 1 });

  it('is a valid dataset, the same for the same seed', () => {
    expect(DatasetSchema.safeParse(dataset).success).toBe(true);
    expect(crossCheck(dataset)).toEqual([]);
    expect(syntheticConference({ sessions: 500, seed: 1 }).sessions[7]).toEqual(dataset.sessions[7]);
  });

  it('has titles of about 8 words and abstracts of about 120', () => {
    const session = dataset.sessions[0];
    expect(session?.title.split(' ')).toHaveLength(8);
    expect(session?.summary.split(' ')).toHaveLength(120);
  });

  it('gives 500 questions of every kind', () => {
    const questions = benchQuestions(dataset, 500);
    expect(questions).toHaveLength(500);
    expect(new Set(questions.map((q) => q.kind))).toEqual(
      new Set(['topic', 'organization', 'typo-name', 'prefix', 'where', 'no-answer']),
    );
  });
});

describe('checkTargets', () => {
  const run = (dataset: string, overrides: Partial<Run> = {}): Run => ({
    dataset,
    sessions: 1,
    buildMs: 10,
    heapMB: 10,
    rssMB: 10,
    ask: { p50Ms: 0.2, p99Ms: 1, maxMs: 2 },
    rawSearch: { p50Ms: 0.2, p99Ms: 1 },
    answersPerSecond: 1000,
    answeredShare: 1,
    coldStartMs: 500,
    ...overrides,
  });

  it('passes when every target holds', () => {
    expect(checkTargets([run('synthetic-1000'), run('synthetic-10000'), run('kubecon-ics+curated')])).toEqual(
      [],
    );
  });

  it('names each missed target', () => {
    const failures = checkTargets([
      run('synthetic-1000', { ask: { p50Ms: 0.2, p99Ms: 3, maxMs: 4 } }),
      run('synthetic-10000', { heapMB: 120, ask: { p50Ms: 1, p99Ms: 5, maxMs: 6 } }),
      run('kubecon-ics+curated', { coldStartMs: 1200 }),
    ]);
    expect(failures).toEqual([
      '1k: ask p99 3 ms > 2 ms',
      '10k: ask p50 is 5.00× raw minisearch p50 (> 1.5×)',
      '10k: heap 120 MB > 100 MB',
      'cold start (kubecon-ics+curated) 1200 ms > 1000 ms',
    ]);
  });

  it('holds every real schedule started from its snapshot to 300 ms', () => {
    const starts = (fromSnapshot: number) => ({
      noSnapshot: { ms: 900, cpuMs: 900 },
      writesSnapshot: { ms: 1000, cpuMs: 1000 },
      fromSnapshot: { ms: fromSnapshot, cpuMs: fromSnapshot },
    });
    const failures = checkTargets([
      run('fosdem-2026', { coldStarts: starts(301) }),
      run('39c3', { coldStarts: starts(300) }),
      run('synthetic-1000'),
    ]);
    expect(failures).toEqual(['cold start from a snapshot (fosdem-2026) 301 ms > 300 ms']);
  });
});

describe('the store bench', () => {
  it('measures each store operation on a fresh SQLite file, leaving the rows it claimed', async () => {
    const store = openSqliteStore(join(mkdtempSync(join(tmpdir(), 'hallway-bench-')), 'hallway.db'));
    const run = await benchStoreOps(store, 20);
    expect(run.engine).toBe('sqlite');
    for (const rate of [run.dedupeInsertsPerSecond, run.ledgerClaimsPerSecond, run.dueScansPerSecond]) {
      expect(rate).toBeGreaterThan(0);
    }
    expect(store.digest.posts()).toHaveLength(20);
    expect(store.digest.subscriptions('slack')).toHaveLength(SUBSCRIPTIONS);
    await store.close();
  });
});

describe('the reminder scan bench', () => {
  it("fills users × stars and finds only the reminders due at one slot's reminder time", () => {
    const result = benchReminders({ users: 40, starsPerUser: 5, sessions: 60, repeats: 3 });
    expect(result.stars).toBe(200);
    // 60 sessions in 60 slots: the first slot holds one session, starred by about a twelfth of the users.
    expect(result.dueFound).toBe(result.dueTotal);
    expect(result.dueFound).toBeGreaterThan(0);
    expect(result.dueFound).toBeLessThan(40);
  });
});
