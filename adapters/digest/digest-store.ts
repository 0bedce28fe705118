// Digest subscriptions and the post log, over the SQLite file. The post log is what makes a digest go out at most
// once: a row is claimed (the intent, with a lease) before posting and finished after; its unique key refuses a
// second claim while the lease holds.
import type { Platform } from '../shared/platforms.ts';
import {
  type ClaimRow,
  type PostRow,
  type SubscriptionRow,
  TAKEN_OVER,
  toClaim,
  toPostRecord,
  toSubscription,
} from '../store/digest-rows.ts';
import type { SqliteDatabase } from '../store/open-database.ts';
import type {
  Claim,
  ClaimOptions,
  DigestRecords,
  PostKey,
  PostRecord,
  PostState,
  Subscription,
} from '../store/store.ts';

export type { DigestKind, PostKey, PostRecord, PostState, Subscription } from '../store/store.ts';

/** The SQLite `DigestRecords`: synchronous, one process per file. */
export class DigestStore implements DigestRecords {
  constructor(private readonly db: SqliteDatabase) {}

  /** Adds a subscription; false when the channel already had one. */
  subscribe(subscription: Subscription): boolean {
    const result = this.db
      .prepare(
        `INSERT INTO digest_subscriptions (platform, channel_id, workspace_id, created_by, created_at)
         VALUES (?, ?, ?, ?, ?) ON CONFLICT (platform, channel_id) DO NOTHING`,
      )
      .run(
        subscription.platform,
        subscription.channelId,
        subscription.workspaceId ?? null,
        subscription.createdBy,
        subscription.createdAt,
      );
    return result.changes === 1;
  }

  /** Removes a subscription; false when there was none. */
  unsubscribe(platform: Platform, channelId: string): boolean {
    return (
      this.db
        .prepare('DELETE FROM digest_subscriptions WHERE platform = ? AND channel_id = ?')
        .run(platform, channelId).changes === 1
    );
  }

  /** The platform's subscriptions, oldest first; only one workspace's when it is given. */
  subscriptions(platform: Platform, workspaceId?: string): Subscription[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM digest_subscriptions WHERE platform = ? AND (? IS NULL OR workspace_id = ?)
         ORDER BY created_at, channel_id`,
      )
      .all(platform, workspaceId ?? null, workspaceId ?? null) as SubscriptionRow[];
    return rows.map(toSubscription);
  }

  claim(key: PostKey, at: number, options: ClaimOptions): Claim | undefined {
    const claimed = this.db
      .prepare(
        `INSERT INTO digest_posts (platform, channel_id, digest_date, kind, state, intent_at, lease_until)
         VALUES (?, ?, ?, ?, 'intent', ?, ?)
         ON CONFLICT (platform, channel_id, digest_date, kind) DO UPDATE
           SET state = 'intent', intent_at = excluded.intent_at, lease_until = excluded.lease_until,
               attempts = attempts + 1,
               error = CASE WHEN state = 'intent' THEN '${TAKEN_OVER}' END
           WHERE attempts < ? AND ((state = 'failed' AND parts_posted = 0)
                                   OR (state = 'intent' AND lease_until <= excluded.intent_at))
         RETURNING id, attempts, error`,
      )
      .get(key.platform, key.channelId, key.date, key.kind, at, at + options.leaseMs, options.maxAttempts) as
      | ClaimRow
      | undefined;
    return toClaim(claimed);
  }

  planParts(claim: Claim, total: number): void {
    this.db
      .prepare('UPDATE digest_posts SET parts_total = ? WHERE id = ? AND attempts = ?')
      .run(total, claim.id, claim.attempt);
  }

  partPosted(claim: Claim, messageId: string, leaseUntil: number): void {
    this.db
      .prepare(
        `UPDATE digest_posts SET parts_posted = parts_posted + 1, lease_until = ?,
           message_ids = json_insert(message_ids, '$[#]', ?)
         WHERE id = ? AND attempts = ?`,
      )
      .run(leaseUntil, messageId, claim.id, claim.attempt);
  }

  finish(claim: Claim, state: Exclude<PostState, 'intent'>, at: number, error?: string): void {
    this.db
      .prepare(
        `UPDATE digest_posts SET state = ?, finished_at = ?, error = ?, lease_until = NULL
         WHERE id = ? AND attempts = ?`,
      )
      .run(state, at, error ?? null, claim.id, claim.attempt);
  }

  /**
   * Ends the leases of posts a stopped process left in 'intent'. Only for SQLite, where one process holds the
   * file: at start, whoever held those leases is gone, so the catch-up takes them over (looking before posting).
   */
  releaseAbandoned(at: number): PostRecord[] {
    const rows = this.db
      .prepare(`UPDATE digest_posts SET lease_until = ? WHERE state = 'intent' RETURNING *`)
      .all(at) as PostRow[];
    return rows.map(toPostRecord);
  }

  /** When this channel last got a digest posted (epoch ms), for "changes since the last digest". */
  lastPostedAt(platform: Platform, channelId: string): number | undefined {
    const row = this.db
      .prepare(
        `SELECT MAX(finished_at) AS at FROM digest_posts
         WHERE platform = ? AND channel_id = ? AND state = 'posted'`,
      )
      .get(platform, channelId) as { at: number | null };
    return row.at ?? undefined;
  }

  post(key: PostKey): PostRecord | undefined {
    const row = this.db
      .prepare(
        'SELECT * FROM digest_posts WHERE platform = ? AND channel_id = ? AND digest_date = ? AND kind = ?',
      )
      .get(key.platform, key.channelId, key.date, key.kind) as PostRow | undefined;
    return row === undefined ? undefined : toPostRecord(row);
  }

  posts(): PostRecord[] {
    return (this.db.prepare('SELECT * FROM digest_posts ORDER BY id').all() as PostRow[]).map(toPostRecord);
  }
}
