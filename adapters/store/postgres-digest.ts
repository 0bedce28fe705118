// The PostgreSQL `DigestRecords`: the same ledger as SQLite's, so that replicas racing on one (channel, date,
// kind) meet on its unique key. `INSERT … ON CONFLICT DO UPDATE … WHERE` waits for a concurrent claim to commit
// and then sees it, so only one of them gets a row back.
import type { Pool } from 'pg';
import {
  type ClaimRow,
  type PostRow,
  type SubscriptionRow,
  TAKEN_OVER,
  toClaim,
  toPostRecord,
  toSubscription,
} from './digest-rows.ts';
import type { Claim, DigestRecords, Subscription } from './store.ts';

export function postgresDigest(pool: Pool): DigestRecords {
  const rows = async <R extends object>(sql: string, values: unknown[]): Promise<R[]> =>
    (await pool.query<R>(sql, values)).rows;
  const fenced = 'WHERE id = $1 AND attempts = $2';
  return {
    async subscribe(subscription: Subscription) {
      const added = await pool.query(
        `INSERT INTO digest_subscriptions (platform, channel_id, workspace_id, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (platform, channel_id) DO NOTHING`,
        [
          subscription.platform,
          subscription.channelId,
          subscription.workspaceId ?? null,
          subscription.createdBy,
          subscription.createdAt,
        ],
      );
      return added.rowCount === 1;
    },
    async unsubscribe(platform, channelId) {
      const removed = await pool.query(
        'DELETE FROM digest_subscriptions WHERE platform = $1 AND channel_id = $2',
        [platform, channelId],
      );
      return removed.rowCount === 1;
    },
    async subscriptions(platform, workspaceId) {
      const found = await rows<SubscriptionRow>(
        `SELECT * FROM digest_subscriptions WHERE platform = $1 AND ($2::text IS NULL OR workspace_id = $2)
         ORDER BY created_at, channel_id`,
        [platform, workspaceId ?? null],
      );
      return found.map(toSubscription);
    },
    async claim(key, at, options) {
      const [claimed] = await rows<ClaimRow>(
        `INSERT INTO digest_posts AS p (platform, channel_id, digest_date, kind, state, intent_at, lease_until)
         VALUES ($1, $2, $3, $4, 'intent', $5, $6)
         ON CONFLICT (platform, channel_id, digest_date, kind) DO UPDATE
           SET state = 'intent', intent_at = excluded.intent_at, lease_until = excluded.lease_until,
               attempts = p.attempts + 1,
               error = CASE WHEN p.state = 'intent' THEN '${TAKEN_OVER}' END
           WHERE p.attempts < $7 AND ((p.state = 'failed' AND p.parts_posted = 0)
                                      OR (p.state = 'intent' AND p.lease_until <= excluded.intent_at))
         RETURNING id, attempts, error`,
        [key.platform, key.channelId, key.date, key.kind, at, at + options.leaseMs, options.maxAttempts],
      );
      return toClaim(claimed);
    },
    async planParts(claim: Claim, total) {
      await pool.query(`UPDATE digest_posts SET parts_total = $3 ${fenced}`, [
        claim.id,
        claim.attempt,
        total,
      ]);
    },
    async partPosted(claim, messageId, leaseUntil) {
      await pool.query(
        `UPDATE digest_posts SET parts_posted = parts_posted + 1, lease_until = $4,
           message_ids = message_ids || to_jsonb($3::text) ${fenced}`,
        [claim.id, claim.attempt, messageId, leaseUntil],
      );
    },
    async finish(claim, state, at, error) {
      await pool.query(
        `UPDATE digest_posts SET state = $3, finished_at = $4, error = $5, lease_until = NULL ${fenced}`,
        [claim.id, claim.attempt, state, at, error ?? null],
      );
    },
    async lastPostedAt(platform, channelId) {
      const [row] = await rows<{ at: number | null }>(
        `SELECT max(finished_at) AS at FROM digest_posts
         WHERE platform = $1 AND channel_id = $2 AND state = 'posted'`,
        [platform, channelId],
      );
      return row?.at ?? undefined;
    },
    async post(key) {
      const [row] = await rows<PostRow>(
        `SELECT * FROM digest_posts
         WHERE platform = $1 AND channel_id = $2 AND digest_date = $3 AND kind = $4`,
        [key.platform, key.channelId, key.date, key.kind],
      );
      return row === undefined ? undefined : toPostRecord(row);
    },
    async posts() {
      return (await rows<PostRow>('SELECT * FROM digest_posts ORDER BY id', [])).map(toPostRecord);
    },
  };
}
