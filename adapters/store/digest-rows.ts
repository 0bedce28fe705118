// The digest tables' rows as either engine returns them, and their conversion to Hallway's types.
import type { Platform } from '../shared/platforms.ts';
import type { Claim, DigestKind, PostRecord, PostState, Subscription } from './store.ts';

/** Column names are the same in both engines; PostgreSQL returns `message_ids` as parsed JSON. */
export interface PostRow {
  id: number;
  platform: Platform;
  channel_id: string;
  digest_date: string;
  kind: DigestKind;
  state: PostState;
  intent_at: number;
  lease_until: number | null;
  finished_at: number | null;
  parts_total: number;
  parts_posted: number;
  message_ids: string | string[];
  attempts: number;
  error: string | null;
}

export function toPostRecord(row: PostRow): PostRecord {
  return {
    id: row.id,
    platform: row.platform,
    channelId: row.channel_id,
    date: row.digest_date,
    kind: row.kind,
    state: row.state,
    intentAt: row.intent_at,
    partsTotal: row.parts_total,
    partsPosted: row.parts_posted,
    messageIds:
      typeof row.message_ids === 'string' ? (JSON.parse(row.message_ids) as string[]) : row.message_ids,
    attempts: row.attempts,
    ...(row.lease_until === null ? {} : { leaseUntil: row.lease_until }),
    ...(row.finished_at === null ? {} : { finishedAt: row.finished_at }),
    ...(row.error === null ? {} : { error: row.error }),
  };
}

export interface SubscriptionRow {
  platform: Platform;
  channel_id: string;
  workspace_id: string | null;
  created_by: string;
  created_at: number;
}

export function toSubscription(row: SubscriptionRow): Subscription {
  return {
    platform: row.platform,
    channelId: row.channel_id,
    createdBy: row.created_by,
    createdAt: row.created_at,
    ...(row.workspace_id === null ? {} : { workspaceId: row.workspace_id }),
  };
}

/** What a claim's `RETURNING id, attempts, error` gives; the claim sets `error` to this on a takeover. */
export interface ClaimRow {
  id: number;
  attempts: number;
  error: string | null;
}

/** The marker a claim leaves in `error` when it took over another run's live intent. */
export const TAKEN_OVER = 'taken over';

export function toClaim(row: ClaimRow | undefined): Claim | undefined {
  return row === undefined
    ? undefined
    : { id: row.id, attempt: row.attempts, resumed: row.attempts > 1, takenOver: row.error === TAKEN_OVER };
}
