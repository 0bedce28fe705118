// The store's operations per second, on SQLite and on PostgreSQL: event de-duplication inserts, digest ledger
// claims, and the scheduler's due scan (every subscribed channel of a platform), each awaited one after another
// as a replica issues them.
import { performance } from 'node:perf_hooks';
import type { HallwayStore } from '../store/store.ts';

export interface StoreOpsRun {
  readonly engine: HallwayStore['engine'];
  readonly dedupeInsertsPerSecond: number;
  readonly ledgerClaimsPerSecond: number;
  readonly dueScansPerSecond: number;
}

/** Subscribed channels during the due scan: a busy deployment's. */
export const SUBSCRIPTIONS = 200;

async function perSecond(count: number, op: (i: number) => Promise<unknown>): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < count; i += 1) await op(i);
  return Math.round(count / ((performance.now() - started) / 1000));
}

/** Runs each operation `count` times on a fresh store (its rows are left behind: give it a throwaway database). */
export async function benchStoreOps(store: HallwayStore, count = 2_000): Promise<StoreOpsRun> {
  const at = Date.parse('2026-03-26T07:00:00Z');
  const run = `${Date.now()}`;
  for (let i = 0; i < SUBSCRIPTIONS; i += 1) {
    await store.digest.subscribe({
      platform: 'slack',
      channelId: `C${run}${i}`,
      createdBy: 'U',
      createdAt: at,
    });
  }
  return {
    engine: store.engine,
    dedupeInsertsPerSecond: await perSecond(count, (i) =>
      Promise.resolve(store.events.claim(`Ev${run}${i}`, at, 600_000)),
    ),
    ledgerClaimsPerSecond: await perSecond(count, (i) =>
      Promise.resolve(
        store.digest.claim(
          { platform: 'slack', channelId: `C${run}${i}`, date: '2026-03-26', kind: 'morning' },
          at,
          { maxAttempts: 3, leaseMs: 120_000 },
        ),
      ),
    ),
    dueScansPerSecond: await perSecond(Math.ceil(count / 4), () =>
      Promise.resolve(store.digest.subscriptions('slack')),
    ),
  };
}
