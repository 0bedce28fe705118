// The agenda tables' rows as either engine returns them, their conversion to agenda types, and the SQL both engines
// run alike (the delivery claim), written once with the engine's placeholders.
import {
  type AgendaPlatform,
  type AgendaUser,
  DEFAULT_LEAD_MINUTES,
  type DeliveryClaim,
  type DeliveryKey,
  type DeliveryState,
  type DueReminder,
  type Star,
} from './agenda-store.ts';

export const MINUTE_MS = 60_000;

export interface StarRow {
  platform: AgendaPlatform;
  user_id: string;
  session_id: string;
  session_start: number | null;
  remind_at: number | null;
  created_at: number;
  workspace_id: string | null;
}

export interface DeliveryRow {
  platform: AgendaPlatform;
  user_id: string;
  session_id: string;
  kind: DeliveryKey['kind'];
  key_at: number;
}

/** The reminder time of a session starting at `startMs`, when it is still ahead of `now`. */
export function reminderTime(
  startMs: number | undefined,
  leadMinutes: number | undefined,
  now: number,
): number | undefined {
  if (startMs === undefined) return undefined;
  const at = startMs - (leadMinutes ?? DEFAULT_LEAD_MINUTES) * MINUTE_MS;
  return at > now ? at : undefined;
}

export function toUser(row: Pick<StarRow, 'platform' | 'user_id' | 'workspace_id'>): AgendaUser {
  return {
    platform: row.platform,
    userId: row.user_id,
    ...(row.workspace_id === null ? {} : { workspaceId: row.workspace_id }),
  };
}

export function toStar(row: StarRow): Star {
  return {
    ...toUser(row),
    sessionId: row.session_id,
    ...(row.session_start === null ? {} : { sessionStartMs: row.session_start }),
    ...(row.remind_at === null ? {} : { remindAtMs: row.remind_at }),
    createdAt: row.created_at,
  };
}

export function toDueReminder(row: StarRow): DueReminder {
  return {
    ...toUser(row),
    sessionId: row.session_id,
    sessionStartMs: row.session_start ?? row.remind_at ?? 0,
    remindAtMs: row.remind_at ?? 0,
  };
}

export function toDeliveryKey(row: DeliveryRow): DeliveryKey {
  return {
    platform: row.platform,
    userId: row.user_id,
    sessionId: row.session_id,
    kind: row.kind,
    keyAt: row.key_at,
  };
}

/** The delivery key's columns, in the order of the claim's and the finish's placeholders. */
export function deliveryKeyValues(key: DeliveryKey): [AgendaPlatform, string, string, string, number] {
  return [key.platform, key.userId, key.sessionId, key.kind, key.keyAt];
}

/**
 * Inserts the intent, or takes over one whose lease ran out (or that has none: a claim from before leases), and
 * returns the row's attempts and first intent; no row when another claim holds it or it is finished. The unique
 * key makes concurrent claims wait for each other, so only one of them gets a row back. Values: the key's five
 * columns, then now, then the lease's end.
 */
export function claimDeliverySql(placeholders: readonly string[]): string {
  return `INSERT INTO agenda_deliveries AS d
      (platform, user_id, session_id, kind, key_at, state, intent_at, lease_until)
    VALUES (${placeholders.slice(0, 5).join(', ')}, 'intent', ${placeholders[5]}, ${placeholders[6]})
    ON CONFLICT (platform, user_id, session_id, kind, key_at) DO UPDATE
      SET attempts = d.attempts + 1, lease_until = excluded.lease_until
      WHERE d.state = 'intent' AND (d.lease_until IS NULL OR d.lease_until <= excluded.intent_at)
    RETURNING attempts, intent_at`;
}

/** What the claim returned, or (when nothing) the row's state: the caller's `DeliveryClaim`. */
export function toDeliveryClaim(
  claimed: { attempts: number; intent_at: number } | undefined,
  state: 'intent' | DeliveryState | undefined,
): DeliveryClaim {
  if (claimed !== undefined)
    return claimed.attempts === 1
      ? { kind: 'new', attempt: 1 }
      : { kind: 'interrupted', attempt: claimed.attempts, intentAt: claimed.intent_at };
  // Gone between the two statements (a forget): nothing to send.
  if (state === undefined) return { kind: 'finished', state: 'dropped' };
  return state === 'intent' ? { kind: 'held' } : { kind: 'finished', state };
}
