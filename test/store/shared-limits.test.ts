// Rate limits and event de-duplication shared through the store: two replicas (two handles on one database) act
// as one. On SQLite always; on PostgreSQL where a server answers (and always in CI).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSharedRateLimiter } from '../../adapters/shared/shared-rate-limiter.ts';
import { createSharedDeduper } from '../../adapters/slack/dedupe.ts';
import { openPostgresStore } from '../../adapters/store/postgres-store.ts';
import { openSqliteStore } from '../../adapters/store/sqlite-store.ts';
import type { HallwayStore } from '../../adapters/store/store.ts';
import { captureLogger } from '../helpers/capture-logger.ts';
import { createThrowawayDatabase, describeWithPostgres, postgresHere } from '../helpers/postgres.ts';

const LIMITS = { user: { burst: 3, perMinute: 6 }, channel: { burst: 0, perMinute: 0 } };

function sharedBehaviour(
  setup: () => Promise<{ stores: [HallwayStore, HallwayStore]; cleanup: () => Promise<void> }>,
) {
  let stores: [HallwayStore, HallwayStore];
  let cleanup: () => Promise<void>;
  let now = Date.parse('2026-03-26T09:00:00Z');
  beforeAll(async () => {
    ({ stores, cleanup } = await setup());
  });
  afterAll(async () => {
    for (const store of stores) await store.close();
    await cleanup();
  });

  it('one user flooding two replicas gets the burst once, not once per replica, and is told to slow down once', async () => {
    const limiters = stores.map((store) =>
      createSharedRateLimiter({
        config: LIMITS,
        rates: () => store.rates,
        clock: () => now,
        logger: captureLogger().logger,
      }),
    );
    const decisions = await Promise.all(
      Array.from({ length: 8 }, (_, i) => limiters[i % 2]?.check({ userId: 'U1', channelId: 'C1' })),
    );
    expect(decisions.filter((d) => d?.kind === 'allow')).toHaveLength(3);
    expect(decisions.filter((d) => d?.kind === 'limit' && d.notify)).toHaveLength(1);
    // Ten seconds give one token back (6 a minute), to whichever replica asks.
    now += 10_000;
    expect(await limiters[1]?.check({ userId: 'U1' })).toEqual({ kind: 'allow' });
    expect(await limiters[0]?.check({ userId: 'U1' })).toMatchObject({ kind: 'limit', notify: true });
  });

  it('the same event delivered to both replicas is taken by exactly one', async () => {
    const dedupers = stores.map((store) =>
      createSharedDeduper({ claims: () => store.events, now: () => now }),
    );
    const ids = ['Ev1', 'Ev1', 'Ev2', 'Ev2', 'Ev1'];
    const firsts = await Promise.all(ids.map((id, i) => dedupers[i % 2]?.firstSeen(id)));
    // Each event is answered once, by whichever replica got there first.
    expect(ids.filter((_, i) => firsts[i] === true).sort()).toEqual(['Ev1', 'Ev2']);
  });
}

describe('shared limits on SQLite', () => {
  sharedBehaviour(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hallway-shared-'));
    const path = join(dir, 'hallway.db');
    return {
      stores: [openSqliteStore(path), openSqliteStore(path)],
      cleanup: async () => rmSync(dir, { recursive: true, force: true }),
    };
  });
});

describeWithPostgres('shared limits on PostgreSQL', await postgresHere(), () => {
  sharedBehaviour(async () => {
    const database = await createThrowawayDatabase();
    return {
      stores: [await openPostgresStore(database.url), await openPostgresStore(database.url)],
      cleanup: () => database.drop(),
    };
  });
});
