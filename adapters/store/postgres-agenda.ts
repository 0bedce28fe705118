// The PostgreSQL `AgendaStore`: the same tables as SQLite's, shared by replicas. Two replicas' schedulers see the
// same due reminder; the delivery's unique key and lease decide which one sends it, and the other sends nothing.
import type pg from 'pg';
import {
  claimDeliverySql,
  type DeliveryRow,
  deliveryKeyValues,
  MINUTE_MS,
  type StarRow,
  toDeliveryClaim,
  toDeliveryKey,
  toDueReminder,
  toStar,
  toUser,
} from '../agenda/agenda-rows.ts';
import {
  type AgendaStore,
  type AgendaUser,
  DEFAULT_LEAD_MINUTES,
  type DeliveryState,
} from '../agenda/agenda-store.ts';
import { inTransaction } from './postgres-transaction.ts';

const KEY_MATCH = 'platform = $1 AND user_id = $2 AND session_id = $3 AND kind = $4 AND key_at = $5';
const USER_MATCH = 'platform = $1 AND user_id = $2';
/** The user's lead in minutes, for a row of agenda_stars `s`. */
const LEAD_OF_S = `COALESCE((SELECT u.lead_minutes FROM agenda_users u
  WHERE u.platform = s.platform AND u.user_id = s.user_id), ${DEFAULT_LEAD_MINUTES})`;

export function postgresAgenda(pool: pg.Pool): AgendaStore {
  const rows = async <R extends object>(sql: string, values: unknown[] = []): Promise<R[]> =>
    (await pool.query<R>(sql, values)).rows;
  const changed = async (sql: string, values: unknown[]): Promise<number> =>
    (await pool.query(sql, values)).rowCount ?? 0;
  const who = (user: AgendaUser) => [user.platform, user.userId];
  const leadMinutes = async (user: AgendaUser) => {
    const [row] = await rows<{ lead_minutes: number }>(
      `SELECT lead_minutes FROM agenda_users WHERE ${USER_MATCH}`,
      who(user),
    );
    return row?.lead_minutes ?? DEFAULT_LEAD_MINUTES;
  };
  return {
    async star(user, session, now) {
      const lead = await leadMinutes(user);
      return inTransaction(pool, async (client) => {
        // The reminder is due `lead` before the start, unless that is past already.
        const added = await client.query(
          `INSERT INTO agenda_stars
             (platform, user_id, session_id, session_start, remind_at, created_at, workspace_id)
           VALUES ($1, $2, $3, $4::bigint,
                   CASE WHEN $4::bigint - $5::bigint > $6::bigint THEN $4::bigint - $5::bigint END, $6, $7)
           ON CONFLICT (platform, user_id, session_id) DO NOTHING`,
          [
            ...who(user),
            session.id,
            session.startMs ?? null,
            lead * MINUTE_MS,
            now,
            user.workspaceId ?? null,
          ],
        );
        if (user.workspaceId !== undefined)
          await client.query(`UPDATE agenda_stars SET workspace_id = $3 WHERE ${USER_MATCH}`, [
            ...who(user),
            user.workspaceId,
          ]);
        const found = await client.query<{ remind_at: number | null }>(
          `SELECT remind_at FROM agenda_stars WHERE ${USER_MATCH} AND session_id = $3`,
          [...who(user), session.id],
        );
        const due = found.rows[0]?.remind_at ?? undefined;
        return {
          already: added.rowCount === 0,
          leadMinutes: lead,
          ...(due === undefined ? {} : { remindAtMs: due }),
        };
      });
    },
    async unstar(user, sessionIds) {
      const removed = await rows<{ session_id: string }>(
        `DELETE FROM agenda_stars WHERE ${USER_MATCH} AND session_id = ANY($3::text[]) RETURNING session_id`,
        [...who(user), [...new Set(sessionIds)]],
      );
      // In the order asked, as SQLite returns them.
      const gone = new Set(removed.map((row) => row.session_id));
      return [...new Set(sessionIds)].filter((id) => gone.has(id));
    },
    async stars(user) {
      return (await rows<StarRow>(`SELECT * FROM agenda_stars WHERE ${USER_MATCH}`, who(user))).map(toStar);
    },
    clear: (user) => changed(`DELETE FROM agenda_stars WHERE ${USER_MATCH}`, who(user)),
    leadMinutes,
    async setLeadMinutes(user, minutes, now) {
      await inTransaction(pool, async (client) => {
        await client.query(
          `INSERT INTO agenda_users (platform, user_id, lead_minutes) VALUES ($1, $2, $3)
           ON CONFLICT (platform, user_id) DO UPDATE SET lead_minutes = excluded.lead_minutes`,
          [...who(user), minutes],
        );
        // Reminders already sent stay sent; those still owed move to the new lead, if that is still ahead.
        await client.query(
          `UPDATE agenda_stars SET remind_at = CASE WHEN session_start - $3 > $4 THEN session_start - $3 END
           WHERE ${USER_MATCH} AND remind_at IS NOT NULL`,
          [...who(user), minutes * MINUTE_MS, now],
        );
      });
    },
    forget: (user) =>
      inTransaction(pool, async (client) => {
        let total = 0;
        for (const table of ['agenda_stars', 'agenda_users', 'agenda_deliveries'])
          total += (await client.query(`DELETE FROM ${table} WHERE ${USER_MATCH}`, who(user))).rowCount ?? 0;
        return total;
      }),
    async dueReminders(now, limit) {
      const due = await rows<StarRow>(
        `SELECT * FROM agenda_stars WHERE remind_at IS NOT NULL AND remind_at <= $1
         ORDER BY remind_at LIMIT $2`,
        [now, limit],
      );
      return due.map(toDueReminder);
    },
    async nextReminderAt() {
      const [row] = await rows<{ at: number | null }>(
        'SELECT min(remind_at) AS at FROM agenda_stars WHERE remind_at IS NOT NULL',
      );
      return row?.at ?? undefined;
    },
    async starredBy(sessionId) {
      const found = await rows<StarRow>(
        'SELECT platform, user_id, workspace_id FROM agenda_stars WHERE session_id = $1',
        [sessionId],
      );
      return found.map(toUser);
    },
    async reschedule(sessionId, startMs, now) {
      // One statement: each star's reminder at its user's lead before the new start, if still ahead.
      await pool.query(
        `UPDATE agenda_stars s SET session_start = $2::bigint,
           remind_at = CASE WHEN $2::bigint - ${LEAD_OF_S} * ${MINUTE_MS} > $3::bigint
                            THEN $2::bigint - ${LEAD_OF_S} * ${MINUTE_MS} END
         WHERE s.session_id = $1`,
        [sessionId, startMs ?? null, now],
      );
    },
    async markReminded(user, sessionId) {
      await pool.query(`UPDATE agenda_stars SET remind_at = NULL WHERE ${USER_MATCH} AND session_id = $3`, [
        ...who(user),
        sessionId,
      ]);
    },
    async claimDelivery(key, now, leaseMs) {
      const values = deliveryKeyValues(key);
      const [claimed] = await rows<{ attempts: number; intent_at: number }>(
        claimDeliverySql(['$1', '$2', '$3', '$4', '$5', '$6', '$7']),
        [...values, now, now + leaseMs],
      );
      if (claimed !== undefined) return toDeliveryClaim(claimed, undefined);
      const [row] = await rows<{ state: 'intent' | DeliveryState }>(
        `SELECT state FROM agenda_deliveries WHERE ${KEY_MATCH}`,
        values,
      );
      return toDeliveryClaim(undefined, row?.state);
    },
    async finishDelivery(key, attempt, state, now, error) {
      await pool.query(
        `UPDATE agenda_deliveries SET state = $6, finished_at = $7, error = $8, lease_until = NULL
         WHERE ${KEY_MATCH} AND attempts = $9`,
        [...deliveryKeyValues(key), state, now, error ?? null, attempt],
      );
    },
    async interruptedDeliveries() {
      const found = await rows<DeliveryRow>(
        `SELECT platform, user_id, session_id, kind, key_at FROM agenda_deliveries
         WHERE state = 'intent' ORDER BY intent_at`,
      );
      return found.map(toDeliveryKey);
    },
  };
}
