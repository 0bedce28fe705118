// Digest subscriptions and the post log, over the SQLite file. The post log is what makes a digest go out at most
// once: a row is claimed (the intent) before posting and finished after, and its unique key refuses a second claim.
import type { Platform } from '../shared/platforms.ts';
import type { SqliteDatabase } from '../store/open-database.ts';

export type DigestKind = 'morning' | 'evening';

/** A channel that gets the digest. */
export interface Subscription {
  readonly platform: Platform;
  readonly channelId: string;
  /** The Slack team or Discord guild, when known; `list` shows one workspace's channels. */
  readonly workspaceId?: string;
  readonly createdBy: string;
  /** Epoch ms; digests scheduled before it are not owed to this channel. */
  readonly createdAt: number;
}

/** Which digest, to which channel. */
export interface PostKey {
  readonly platform: Platform;
  readonly channelId: string;
  /** `YYYY-MM-DD` in the conference's zone. */
  readonly date: string;
  readonly kind: DigestKind;
}

export type PostState = 'intent' | 'posted' | 'failed' | 'unknown';

export interface PostRecord extends PostKey {
  readonly id: number;
  readonly state: PostState;
  readonly intentAt: number;
  readonly finishedAt?: number;
  readonly partsTotal: number;
  readonly partsPosted: number;
  readonly messageIds: readonly string[];
  readonly attempts: number;
  readonly error?: string;
}

interface PostRow {
  id: number;
  platform: Platform;
  channel_id: string;
  digest_date: string;
  kind: DigestKind;
  state: PostState;
  intent_at: number;
  finished_at: number | null;
  parts_total: number;
  parts_posted: number;
  message_ids: string;
  attempts: number;
  error: string | null;
}

interface SubscriptionRow {
  platform: Platform;
  channel_id: string;
  workspace_id: string | null;
  created_by: string;
  created_at: number;
}

export class DigestStore {
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
    return rows.map((row) => ({
      platform: row.platform,
      channelId: row.channel_id,
      createdBy: row.created_by,
      createdAt: row.created_at,
      ...(row.workspace_id === null ? {} : { workspaceId: row.workspace_id }),
    }));
  }

  /**
   * Records the intent to post. Returns the row's id, or undefined when this digest was already claimed (posted,
   * being posted, or lost in a crash): the caller must not post. A failed post that reached no one may be claimed
   * again, up to `maxAttempts` times in all.
   */
  claim(key: PostKey, at: number, maxAttempts: number): number | undefined {
    const claimed = this.db
      .prepare(
        `INSERT INTO digest_posts (platform, channel_id, digest_date, kind, state, intent_at)
         VALUES (?, ?, ?, ?, 'intent', ?)
         ON CONFLICT (platform, channel_id, digest_date, kind) DO UPDATE
           SET state = 'intent', intent_at = excluded.intent_at, attempts = attempts + 1, error = NULL
           WHERE state = 'failed' AND parts_posted = 0 AND attempts < ?
         RETURNING id`,
      )
      .get(key.platform, key.channelId, key.date, key.kind, at, maxAttempts) as { id: number } | undefined;
    return claimed?.id;
  }

  /** The digest is rendered as `total` messages; recorded before the first goes out. */
  planParts(id: number, total: number): void {
    this.db.prepare('UPDATE digest_posts SET parts_total = ? WHERE id = ?').run(total, id);
  }

  /** One message of the digest is out; recorded at once, so a crash later still knows how far it got. */
  partPosted(id: number, messageId: string): void {
    this.db
      .prepare(
        `UPDATE digest_posts SET parts_posted = parts_posted + 1, message_ids = json_insert(message_ids, '$[#]', ?)
         WHERE id = ?`,
      )
      .run(messageId, id);
  }

  finish(id: number, state: 'posted' | 'failed', at: number, error?: string): void {
    this.db
      .prepare('UPDATE digest_posts SET state = ?, finished_at = ?, error = ? WHERE id = ?')
      .run(state, at, error ?? null, id);
  }

  /**
   * Rows left in 'intent' by a crash: whether their messages went out is unknown, so they are never posted again
   * (at most once). Marks them 'unknown' and returns them, for the log.
   */
  settleInterrupted(at: number): PostRecord[] {
    const rows = this.db
      .prepare(
        `UPDATE digest_posts SET state = 'unknown', finished_at = ?,
           error = 'interrupted while posting (Hallway stopped); not posted again to avoid a duplicate'
         WHERE state = 'intent' RETURNING *`,
      )
      .all(at) as PostRow[];
    return rows.map(toRecord);
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
    return row === undefined ? undefined : toRecord(row);
  }

  posts(): PostRecord[] {
    return (this.db.prepare('SELECT * FROM digest_posts ORDER BY id').all() as PostRow[]).map(toRecord);
  }
}

function toRecord(row: PostRow): PostRecord {
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
    messageIds: JSON.parse(row.message_ids) as string[],
    attempts: row.attempts,
    ...(row.finished_at === null ? {} : { finishedAt: row.finished_at }),
    ...(row.error === null ? {} : { error: row.error }),
  };
}
