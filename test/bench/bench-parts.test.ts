// The benchmark's parts: its corpus is a valid dataset, its questions are mixed, targets are checked right, and
// the store bench measures what it says, on SQLite and (in a schema of its own, dropped after) on PostgreSQL.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benchQuestions } from '../../adapters/bench/bench-questions.ts';
import { inSchema, withBenchSchema } from '../../adapters/bench/bench-schema.ts';
import { benchReminders } from '../../adapters/bench/reminder-bench.ts';
import { STARS_PER_USER } from '../../adapters/bench/reminder-ops.ts';
import { benchStoreOps, type StoreOpsRun, SUBSCRIPTIONS } from '../../adapters/bench/store-ops.ts';
import { syntheticConference } from '../../adapters/bench/synthetic-corpus.ts';
import { checkTargets, type Run } from '../../adapters/bench/targets.ts';
import { openPostgresStore } from '../../adapters/store/postgres-store.ts';
import { openSqliteStore } from '../../adapters/store/sqlite-store.ts';
import { crossCheck } from '../../src/model/cross-check.ts';
import { DatasetSchema } from '../../src/model/schema.ts';
import {
  createThrowawayDatabase,
  describeWithPostgres,
  postgresHere,
  type ThrowawayDatabase,
} from '../helpers/postgres.ts';

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

/** Every rate the store bench reports. */
const rates = (run: StoreOpsRun) => [
  run.dedupeInsertsPerSecond,
  run.ledgerClaimsPerSecond,
  run.digestScansPerSecond,
  run.starsPerSecond,
  run.reminderScansPerSecond,
  run.reminderClaimsPerSecond,
];
/** Few users' stars, so that starring them on PostgreSQL is quick; a tenth are due at the busy moment. */
const USERS = 25;
const STARS = USERS * STARS_PER_USER;

describe('the store bench', () => {
  it('measures each store operation on a fresh SQLite file, leaving the rows it claimed', async () => {
    const store = openSqliteStore(join(mkdtempSync(join(tmpdir(), 'hallway-bench-')), 'hallway.db'));
    const run = await benchStoreOps(store, 20, USERS);
    expect(run.engine).toBe('sqlite');
    for (const rate of rates(run)) expect(rate).toBeGreaterThan(0);
    expect(run).toMatchObject({ stars: STARS, due: STARS / 10 });
    expect(store.digest.posts()).toHaveLength(20);
    expect(store.digest.subscriptions('slack')).toHaveLength(SUBSCRIPTIONS);
    expect(store.agenda.dueReminders(Date.parse('2027-03-28T00:00:00Z'), 5_000)).toHaveLength(STARS);
    expect(store.agenda.interruptedDeliveries()).toHaveLength(20);
    await store.close();
  });
});

describeWithPostgres('the store bench on PostgreSQL', await postgresHere(), () => {
  let database: ThrowawayDatabase;
  beforeAll(async () => {
    database = await createThrowawayDatabase();
  });
  afterAll(() => database.drop());

  it('measures each operation in a schema of its own, and drops it after', async () => {
    const run = await withBenchSchema(database.url, async (url) => {
      const store = await openPostgresStore(url);
      try {
        return await benchStoreOps(store, 20, USERS);
      } finally {
        await store.close();
      }
    });
    expect(run.engine).toBe('postgres');
    for (const rate of rates(run)) expect(rate).toBeGreaterThan(0);
    expect(run).toMatchObject({ stars: STARS, due: STARS / 10 });
    // Nothing is left behind: no bench schema, and no table outside it (none in public).
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const left = await client.query(
        `SELECT table_schema, table_name FROM information_schema.tables
         WHERE table_schema NOT IN ('pg_catalog', 'information_schema')`,
      );
      const schemas = await client.query(
        "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'hallway_bench_%'",
      );
      expect([...left.rows, ...schemas.rows]).toEqual([]);
    } finally {
      await client.end();
    }
  });

  it('keeps options the URL already has', () => {
    const url = inSchema('postgres://u@h:5432/db?options=-c%20statement_timeout%3D5000', 'hallway_bench_x');
    expect(new URL(url).searchParams.get('options')).toBe(
      '-c statement_timeout=5000 -c search_path=hallway_bench_x',
    );
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
