// The reminder side of the store bench, through the store's own agenda: starring sessions, the scheduler's scan
// for due reminders (one slice, as it reads them), and claiming a reminder's delivery before its DM goes out.
import type { HallwayStore } from '../store/store.ts';
import { perSecond } from './measure.ts';

export interface ReminderOpsRun {
  /** Stars kept before the scans. */
  readonly stars: number;
  /** How many reminders each scan found due. */
  readonly due: number;
  readonly starsPerSecond: number;
  readonly reminderScansPerSecond: number;
  readonly reminderClaimsPerSecond: number;
}

/** Starred sessions: users (by default) × stars each, over one day of half-hourly slots. */
export const REMINDER_USERS = 250;
export const STARS_PER_USER = 4;
const SLOTS = 20;
const SLOT_MS = 30 * 60_000;
/** The scheduler's slice (reminder-scheduler.ts). */
const SLICE = 500;
const LEASE_MS = 60_000;

/**
 * Stars `users × STARS_PER_USER` sessions, then scans at the moment the first two slots' reminders are due (a
 * tenth of them) `scans` times, and claims `claims` distinct reminder deliveries.
 */
export async function benchReminderOps(
  store: HallwayStore,
  scans: number,
  claims: number,
  users = REMINDER_USERS,
): Promise<ReminderOpsRun> {
  const start = Date.parse('2027-03-27T08:00:00Z');
  const now = start - 24 * 60 * 60_000;
  const run = `${Date.now()}`;
  const user = (i: number) => ({ platform: 'slack' as const, userId: `U${run}-${i}`, workspaceId: 'TBENCH' });
  const stars = users * STARS_PER_USER;
  const starsPerSecond = await perSecond(stars, (i) => {
    // Each user stars sessions in different slots, spread evenly over the day.
    const slot = (Math.floor(i / STARS_PER_USER) + (i % STARS_PER_USER) * (SLOTS / STARS_PER_USER)) % SLOTS;
    return store.agenda.star(
      user(Math.floor(i / STARS_PER_USER)),
      { id: `session-${slot}`, startMs: start + slot * SLOT_MS },
      now,
    );
  });
  // The default lead is 10 minutes: at this moment the first two slots' reminders are due.
  const busy = start + SLOT_MS - 10 * 60_000;
  const due = (await store.agenda.dueReminders(busy, SLICE)).length;
  return {
    stars,
    due,
    starsPerSecond,
    reminderScansPerSecond: await perSecond(scans, () => store.agenda.dueReminders(busy, SLICE)),
    reminderClaimsPerSecond: await perSecond(claims, (i) =>
      store.agenda.claimDelivery(
        { ...user(i), sessionId: `claimed-${i}`, kind: 'reminder', keyAt: start },
        busy,
        LEASE_MS,
      ),
    ),
  };
}
