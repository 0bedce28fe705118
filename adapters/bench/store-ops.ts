// The store's operations per second, on SQLite and on PostgreSQL: event de-duplication inserts, digest ledger
// claims, the digest scheduler's scan (every subscribed channel of a platform), and the reminder side (stars,
// due-reminder scans, delivery claims), each awaited one after another as a replica issues them.
import type { HallwayStore } from '../store/store.ts';
import { perSecond } from './measure.ts';
import { benchReminderOps, REMINDER_USERS, type ReminderOpsRun } from './reminder-ops.ts';

export interface StoreOpsRun extends ReminderOpsRun {
  readonly engine: HallwayStore['engine'];
  readonly dedupeInsertsPerSecond: number;
  readonly ledgerClaimsPerSecond: number;
  readonly digestScansPerSecond: number;
}

/** Subscribed channels during the digest scan: a busy deployment's. */
export const SUBSCRIPTIONS = 200;

/**
 * Runs each operation `count` times (scans a quarter as often) on a fresh store, with `reminderUsers` users'
 * stars to scan; its rows are left behind.
 */
export async function benchStoreOps(
  store: HallwayStore,
  count = 2_000,
  reminderUsers = REMINDER_USERS,
): Promise<StoreOpsRun> {
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
  const scans = Math.ceil(count / 4);
  return {
    engine: store.engine,
    dedupeInsertsPerSecond: await perSecond(count, (i) => store.events.claim(`Ev${run}${i}`, at, 600_000)),
    ledgerClaimsPerSecond: await perSecond(count, (i) =>
      store.digest.claim(
        { platform: 'slack', channelId: `C${run}${i}`, date: '2026-03-26', kind: 'morning' },
        at,
        { maxAttempts: 3, leaseMs: 120_000 },
      ),
    ),
    digestScansPerSecond: await perSecond(scans, () => store.digest.subscriptions('slack')),
    ...(await benchReminderOps(store, scans, count, reminderUsers)),
  };
}
