// The agenda store over Hallway's SQLite file (opened and migrated by adapters/store/open-database.ts). Synchronous:
// one process per file, so the one process's claims are the only ones, and those left at start are a crash's.
import type { SqliteDatabase } from '../store/open-database.ts';
import {
  claimDeliverySql,
  type DeliveryRow,
  deliveryKeyValues,
  MINUTE_MS,
  reminderTime,
  type StarRow,
  toDeliveryClaim,
  toDeliveryKey,
  toDueReminder,
  toStar,
  toUser,
} from './agenda-rows.ts';
import {
  type AgendaStore,
  type AgendaUser,
  DEFAULT_LEAD_MINUTES,
  type DeliveryClaim,
  type DeliveryKey,
  type DeliveryState,
  type DueReminder,
  type Star,
} from './agenda-store.ts';

const KEY_MATCH = 'platform = ? AND user_id = ? AND session_id = ? AND kind = ? AND key_at = ?';

export class SqliteAgendaStore implements AgendaStore {
  constructor(private readonly db: SqliteDatabase) {}

  star(user: AgendaUser, session: { readonly id: string; readonly startMs?: number }, now: number) {
    const leadMinutes = this.leadMinutes(user);
    const remindAtMs = reminderTime(session.startMs, leadMinutes, now);
    return this.db.transaction(() => {
      const added = this.db
        .prepare(
          `INSERT INTO agenda_stars
             (platform, user_id, session_id, session_start, remind_at, created_at, workspace_id)
           VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (platform, user_id, session_id) DO NOTHING`,
        )
        .run(
          user.platform,
          user.userId,
          session.id,
          session.startMs ?? null,
          remindAtMs ?? null,
          now,
          user.workspaceId ?? null,
        );
      if (user.workspaceId !== undefined)
        this.db
          .prepare('UPDATE agenda_stars SET workspace_id = ? WHERE platform = ? AND user_id = ?')
          .run(user.workspaceId, user.platform, user.userId);
      const row = this.db
        .prepare('SELECT remind_at FROM agenda_stars WHERE platform = ? AND user_id = ? AND session_id = ?')
        .get(user.platform, user.userId, session.id) as { remind_at: number | null };
      const due = row.remind_at ?? undefined;
      return {
        already: added.changes === 0,
        leadMinutes,
        ...(due === undefined ? {} : { remindAtMs: due }),
      };
    })();
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
    return rows.map(toStar);
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
    return rows.map(toDueReminder);
  }

  nextReminderAt(): number | undefined {
    const row = this.db
      .prepare('SELECT MIN(remind_at) AS at FROM agenda_stars WHERE remind_at IS NOT NULL')
      .get() as { at: number | null };
    return row.at ?? undefined;
  }

  starredBy(sessionId: string): AgendaUser[] {
    const rows = this.db
      .prepare('SELECT platform, user_id, workspace_id FROM agenda_stars WHERE session_id = ?')
      .all(sessionId) as StarRow[];
    return rows.map(toUser);
  }

  reschedule(sessionId: string, startMs: number | undefined, now: number): void {
    const rows = this.db
      .prepare(
        `SELECT s.platform, s.user_id, u.lead_minutes FROM agenda_stars s
         LEFT JOIN agenda_users u ON u.platform = s.platform AND u.user_id = s.user_id
         WHERE s.session_id = ?`,
      )
      .all(sessionId) as Array<Pick<StarRow, 'platform' | 'user_id'> & { lead_minutes: number | null }>;
    const update = this.db.prepare(
      `UPDATE agenda_stars SET session_start = ?, remind_at = ?
       WHERE platform = ? AND user_id = ? AND session_id = ?`,
    );
    this.db.transaction(() => {
      for (const row of rows) {
        const at = reminderTime(startMs, row.lead_minutes ?? undefined, now);
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

  claimDelivery(key: DeliveryKey, now: number, leaseMs: number): DeliveryClaim {
    const values = deliveryKeyValues(key);
    return this.db.transaction((): DeliveryClaim => {
      const claimed = this.db
        .prepare(claimDeliverySql(['?', '?', '?', '?', '?', '?', '?']))
        .get(...values, now, now + leaseMs) as { attempts: number; intent_at: number } | undefined;
      const row =
        claimed === undefined
          ? (this.db.prepare(`SELECT state FROM agenda_deliveries WHERE ${KEY_MATCH}`).get(...values) as
              | { state: 'intent' | DeliveryState }
              | undefined)
          : undefined;
      return toDeliveryClaim(claimed, row?.state);
    })();
  }

  finishDelivery(key: DeliveryKey, attempt: number, state: DeliveryState, now: number, error?: string): void {
    this.db
      .prepare(
        `UPDATE agenda_deliveries SET state = ?, finished_at = ?, error = ?, lease_until = NULL
         WHERE ${KEY_MATCH} AND attempts = ?`,
      )
      .run(state, now, error ?? null, ...deliveryKeyValues(key), attempt);
  }

  interruptedDeliveries(): DeliveryKey[] {
    const rows = this.db
      .prepare(
        `SELECT platform, user_id, session_id, kind, key_at FROM agenda_deliveries
         WHERE state = 'intent' ORDER BY intent_at`,
      )
      .all() as DeliveryRow[];
    return rows.map(toDeliveryKey);
  }

  /**
   * Ends the leases of deliveries a stopped process left claimed. Only for SQLite, where one process holds the
   * file: at start, whoever held them is gone, so they are taken over at once (looking before sending again).
   */
  releaseAbandoned(now: number): DeliveryKey[] {
    const rows = this.db
      .prepare(
        `UPDATE agenda_deliveries SET lease_until = ? WHERE state = 'intent'
         RETURNING platform, user_id, session_id, kind, key_at`,
      )
      .all(now) as DeliveryRow[];
    return rows.map(toDeliveryKey);
  }
}
