// The agenda store over Hallway's SQLite file (opened and migrated by adapters/store/open-database.ts).
import type { SqliteDatabase } from '../store/open-database.ts';
import {
  type AgendaPlatform,
  type AgendaStore,
  type AgendaUser,
  DEFAULT_LEAD_MINUTES,
  type DeliveryClaim,
  type DeliveryKey,
  type DueReminder,
  type Star,
} from './agenda-store.ts';

const MINUTE_MS = 60_000;

interface StarRow {
  platform: AgendaPlatform;
  user_id: string;
  session_id: string;
  session_start: number | null;
  remind_at: number | null;
  created_at: number;
}

interface DeliveryRow {
  platform: AgendaPlatform;
  user_id: string;
  session_id: string;
  kind: DeliveryKey['kind'];
  key_at: number;
}

/** The reminder time of a session starting at `startMs`, when it is still ahead of `now`. */
function reminderTime(startMs: number | undefined, leadMinutes: number, now: number): number | undefined {
  if (startMs === undefined) return undefined;
  const at = startMs - leadMinutes * MINUTE_MS;
  return at > now ? at : undefined;
}

export class SqliteAgendaStore implements AgendaStore {
  constructor(private readonly db: SqliteDatabase) {}

  star(user: AgendaUser, session: { readonly id: string; readonly startMs?: number }, now: number) {
    const leadMinutes = this.leadMinutes(user);
    const remindAtMs = reminderTime(session.startMs, leadMinutes, now);
    const existing = this.db
      .prepare('SELECT 1 FROM agenda_stars WHERE platform = ? AND user_id = ? AND session_id = ?')
      .get(user.platform, user.userId, session.id);
    if (existing === undefined) {
      this.db
        .prepare(
          `INSERT INTO agenda_stars (platform, user_id, session_id, session_start, remind_at, created_at)
           VALUES (?, ?, ?, ?, ?, ?)`,
        )
        .run(user.platform, user.userId, session.id, session.startMs ?? null, remindAtMs ?? null, now);
    }
    const row = this.db
      .prepare('SELECT remind_at FROM agenda_stars WHERE platform = ? AND user_id = ? AND session_id = ?')
      .get(user.platform, user.userId, session.id) as { remind_at: number | null };
    const due = row.remind_at ?? undefined;
    return {
      already: existing !== undefined,
      leadMinutes,
      ...(due === undefined ? {} : { remindAtMs: due }),
    };
  }

  unstar(user: AgendaUser, sessionIds: readonly string[]): string[] {
    const remove = this.db.prepare(
      'DELETE FROM agenda_stars WHERE platform = ? AND user_id = ? AND session_id = ?',
    );
    return this.db.transaction(() =>
      [...new Set(sessionIds)].filter((id) => remove.run(user.platform, user.userId, id).changes > 0),
    )();
  }

  stars(user: AgendaUser): Star[] {
    const rows = this.db
      .prepare('SELECT * FROM agenda_stars WHERE platform = ? AND user_id = ?')
      .all(user.platform, user.userId) as StarRow[];
    return rows.map((row) => ({
      platform: row.platform,
      userId: row.user_id,
      sessionId: row.session_id,
      ...(row.session_start === null ? {} : { sessionStartMs: row.session_start }),
      ...(row.remind_at === null ? {} : { remindAtMs: row.remind_at }),
      createdAt: row.created_at,
    }));
  }

  clear(user: AgendaUser): number {
    return this.db
      .prepare('DELETE FROM agenda_stars WHERE platform = ? AND user_id = ?')
      .run(user.platform, user.userId).changes;
  }

  leadMinutes(user: AgendaUser): number {
    const row = this.db
      .prepare('SELECT lead_minutes FROM agenda_users WHERE platform = ? AND user_id = ?')
      .get(user.platform, user.userId) as { lead_minutes: number } | undefined;
    return row?.lead_minutes ?? DEFAULT_LEAD_MINUTES;
  }

  setLeadMinutes(user: AgendaUser, minutes: number, now: number): void {
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO agenda_users (platform, user_id, lead_minutes) VALUES (?, ?, ?)
           ON CONFLICT (platform, user_id) DO UPDATE SET lead_minutes = excluded.lead_minutes`,
        )
        .run(user.platform, user.userId, minutes);
      // Reminders already sent stay sent; those still owed move to the new lead, if that is still ahead.
      this.db
        .prepare(
          `UPDATE agenda_stars SET remind_at = CASE WHEN session_start - ? > ? THEN session_start - ? ELSE NULL END
           WHERE platform = ? AND user_id = ? AND remind_at IS NOT NULL`,
        )
        .run(minutes * MINUTE_MS, now, minutes * MINUTE_MS, user.platform, user.userId);
    })();
  }

  forget(user: AgendaUser): number {
    return this.db.transaction(() =>
      ['agenda_stars', 'agenda_users', 'agenda_deliveries']
        .map(
          (table) =>
            this.db
              .prepare(`DELETE FROM ${table} WHERE platform = ? AND user_id = ?`)
              .run(user.platform, user.userId).changes,
        )
        .reduce((sum, changes) => sum + changes, 0),
    )();
  }

  dueReminders(now: number, limit: number): DueReminder[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM agenda_stars WHERE remind_at IS NOT NULL AND remind_at <= ?
         ORDER BY remind_at LIMIT ?`,
      )
      .all(now, limit) as StarRow[];
    return rows.map((row) => ({
      platform: row.platform,
      userId: row.user_id,
      sessionId: row.session_id,
      sessionStartMs: row.session_start ?? row.remind_at ?? 0,
      remindAtMs: row.remind_at ?? 0,
    }));
  }

  nextReminderAt(): number | undefined {
    const row = this.db
      .prepare('SELECT MIN(remind_at) AS at FROM agenda_stars WHERE remind_at IS NOT NULL')
      .get() as { at: number | null };
    return row.at ?? undefined;
  }

  starredBy(sessionId: string): AgendaUser[] {
    const rows = this.db
      .prepare('SELECT platform, user_id FROM agenda_stars WHERE session_id = ?')
      .all(sessionId) as Array<{ platform: AgendaPlatform; user_id: string }>;
    return rows.map((row) => ({ platform: row.platform, userId: row.user_id }));
  }

  reschedule(sessionId: string, startMs: number | undefined, now: number): void {
    const rows = this.db
      .prepare('SELECT platform, user_id FROM agenda_stars WHERE session_id = ?')
      .all(sessionId) as Array<{ platform: AgendaPlatform; user_id: string }>;
    const update = this.db.prepare(
      `UPDATE agenda_stars SET session_start = ?, remind_at = ?
       WHERE platform = ? AND user_id = ? AND session_id = ?`,
    );
    this.db.transaction(() => {
      for (const row of rows) {
        const user = { platform: row.platform, userId: row.user_id };
        const at = reminderTime(startMs, this.leadMinutes(user), now);
        update.run(startMs ?? null, at ?? null, row.platform, row.user_id, sessionId);
      }
    })();
  }

  markReminded(user: AgendaUser, sessionId: string): void {
    this.db
      .prepare(
        'UPDATE agenda_stars SET remind_at = NULL WHERE platform = ? AND user_id = ? AND session_id = ?',
      )
      .run(user.platform, user.userId, sessionId);
  }

  claimDelivery(key: DeliveryKey, now: number): DeliveryClaim {
    const params = [key.platform, key.userId, key.sessionId, key.kind, key.keyAt] as const;
    return this.db.transaction((): DeliveryClaim => {
      const row = this.db
        .prepare(
          `SELECT state, attempts, intent_at FROM agenda_deliveries
           WHERE platform = ? AND user_id = ? AND session_id = ? AND kind = ? AND key_at = ?`,
        )
        .get(...params) as
        | { state: 'intent' | 'sent' | 'failed' | 'dropped'; attempts: number; intent_at: number }
        | undefined;
      if (row === undefined) {
        this.db
          .prepare(
            `INSERT INTO agenda_deliveries (platform, user_id, session_id, kind, key_at, state, intent_at)
             VALUES (?, ?, ?, ?, ?, 'intent', ?)`,
          )
          .run(...params, now);
        return { kind: 'new' };
      }
      if (row.state !== 'intent') return { kind: 'finished', state: row.state };
      this.db
        .prepare(
          `UPDATE agenda_deliveries SET attempts = attempts + 1
           WHERE platform = ? AND user_id = ? AND session_id = ? AND kind = ? AND key_at = ?`,
        )
        .run(...params);
      return { kind: 'interrupted', attempts: row.attempts, intentAt: row.intent_at };
    })();
  }

  finishDelivery(key: DeliveryKey, state: 'sent' | 'failed' | 'dropped', now: number, error?: string): void {
    this.db
      .prepare(
        `UPDATE agenda_deliveries SET state = ?, finished_at = ?, error = ?
         WHERE platform = ? AND user_id = ? AND session_id = ? AND kind = ? AND key_at = ?`,
      )
      .run(state, now, error ?? null, key.platform, key.userId, key.sessionId, key.kind, key.keyAt);
  }

  interruptedDeliveries(): DeliveryKey[] {
    const rows = this.db
      .prepare(
        `SELECT platform, user_id, session_id, kind, key_at FROM agenda_deliveries
         WHERE state = 'intent' ORDER BY intent_at`,
      )
      .all() as DeliveryRow[];
    return rows.map((row) => ({
      platform: row.platform,
      userId: row.user_id,
      sessionId: row.session_id,
      kind: row.kind,
      keyAt: row.key_at,
    }));
  }
}
