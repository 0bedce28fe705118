// The reminder scheduler's scan at scale: many users with many starred sessions in a fresh SQLite file, then how
// long finding the next due reminder and the reminders due at a busy moment take, and the memory it all costs.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteAgendaStore } from '../agenda/sqlite-agenda-store.ts';
import { openDatabase } from '../store/open-database.ts';
import { type LatencySummary, memoryMb, round, summarize, timed } from './measure.ts';
import { seededRandom } from './random.ts';

export interface ReminderBenchOptions {
  readonly users: number;
  readonly starsPerUser: number;
  /** Sessions to star from, spread over three days in 30-minute slots. */
  readonly sessions?: number;
  readonly seed?: number;
  /** Timed repetitions of each scan. */
  readonly repeats?: number;
}

export interface ReminderBenchResult {
  readonly users: number;
  readonly stars: number;
  readonly fillMs: number;
  readonly databaseMB: number;
  /** Heap and RSS growth from opening the store and filling it (MB). */
  readonly heapDeltaMB: number;
  readonly rssDeltaMB: number;
  /** `nextReminderAt`: what the one timer is armed with. */
  readonly nextDue: LatencySummary;
  /** `dueReminders` at one slot's reminder time (those of the sessions starting then), one slice of 500 at most. */
  readonly dueScan: LatencySummary;
  /** How many reminders that slice held. */
  readonly dueFound: number;
  /** How many were due at that moment in all (the scheduler reads them slice by slice). */
  readonly dueTotal: number;
}

const START = Date.parse('2027-03-27T08:00:00Z');
const SLOT_MS = 30 * 60 * 1000;
const SLOTS_PER_DAY = 20;
const LEAD_MS = 10 * 60 * 1000;
const SLICE = 500;

export function benchReminders(options: ReminderBenchOptions): ReminderBenchResult {
  const random = seededRandom(options.seed ?? 14);
  const sessionCount = options.sessions ?? 600;
  const repeats = options.repeats ?? 200;
  const starts = Array.from({ length: sessionCount }, (_, index) => {
    const slot = index % (SLOTS_PER_DAY * 3);
    const day = Math.floor(slot / SLOTS_PER_DAY);
    return START + day * 86_400_000 + (slot % SLOTS_PER_DAY) * SLOT_MS;
  });
  const dir = mkdtempSync(join(tmpdir(), 'hallway-bench-agenda-'));
  const path = join(dir, 'hallway.db');
  try {
    const before = memoryMb();
    const db = openDatabase(path);
    const store = new SqliteAgendaStore(db);
    const now = START - 60 * 60 * 1000;
    const fillMs = timed(() => {
      // One transaction for the whole fill: the measure is of the scans, not of 200,000 commits.
      db.transaction(() => {
        for (let user = 0; user < options.users; user += 1) {
          const who = { platform: 'slack' as const, userId: `U${user}` };
          const chosen = new Set<number>();
          while (chosen.size < Math.min(options.starsPerUser, sessionCount))
            chosen.add(Math.floor(random() * sessionCount));
          for (const index of chosen)
            store.star(who, { id: `session-${index}`, startMs: starts[index] ?? START }, now);
        }
      })();
    });
    const after = memoryMb();
    // The first slot's reminder time: its reminders are due, and no earlier one is left unsent.
    const busiest = START - LEAD_MS;
    let dueFound = 0;
    const nextDue = summarize(Array.from({ length: repeats }, () => timed(() => store.nextReminderAt())));
    const dueScan = summarize(
      Array.from({ length: repeats }, () =>
        timed(() => {
          dueFound = store.dueReminders(busiest, SLICE).length;
        }),
      ),
    );
    const count = (sql: string, ...params: number[]) => (db.prepare(sql).get(...params) as { n: number }).n;
    const stars = count('SELECT COUNT(*) AS n FROM agenda_stars');
    const dueTotal = count('SELECT COUNT(*) AS n FROM agenda_stars WHERE remind_at <= ?', busiest);
    db.close();
    return {
      users: options.users,
      stars,
      fillMs: round(fillMs, 0),
      databaseMB: round(statSync(path).size / 1048576, 1),
      heapDeltaMB: round(after.heapMB - before.heapMB, 1),
      rssDeltaMB: round(after.rssMB - before.rssMB, 1),
      nextDue,
      dueScan,
      dueFound,
      dueTotal,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
