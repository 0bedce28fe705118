// The database schema, as numbered migrations. SQLite's `user_version` holds the last one applied; a migration is
// never edited once released, only followed by a new one.

export interface Migration {
  readonly version: number;
  readonly description: string;
  readonly sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'digest subscriptions and the post log',
    sql: `
      CREATE TABLE digest_subscriptions (
        platform      TEXT    NOT NULL CHECK (platform IN ('slack', 'discord')),
        channel_id    TEXT    NOT NULL,
        workspace_id  TEXT,
        created_by    TEXT    NOT NULL,
        created_at    INTEGER NOT NULL,
        PRIMARY KEY (platform, channel_id)
      ) STRICT;

      -- One row per (channel, date, kind): the unique key is what makes a digest go out at most once.
      CREATE TABLE digest_posts (
        id            INTEGER PRIMARY KEY,
        platform      TEXT    NOT NULL,
        channel_id    TEXT    NOT NULL,
        digest_date   TEXT    NOT NULL,
        kind          TEXT    NOT NULL CHECK (kind IN ('morning', 'evening')),
        state         TEXT    NOT NULL CHECK (state IN ('intent', 'posted', 'failed', 'unknown')),
        intent_at     INTEGER NOT NULL,
        finished_at   INTEGER,
        parts_total   INTEGER NOT NULL DEFAULT 0,
        parts_posted  INTEGER NOT NULL DEFAULT 0,
        message_ids   TEXT    NOT NULL DEFAULT '[]',
        attempts      INTEGER NOT NULL DEFAULT 1,
        error         TEXT,
        UNIQUE (platform, channel_id, digest_date, kind)
      ) STRICT;
    `,
  },
  {
    version: 2,
    description:
      'the platform check follows PLATFORMS (triggers written at each open) instead of a fixed CHECK',
    sql: `
      CREATE TABLE digest_subscriptions_next (
        platform      TEXT    NOT NULL,
        channel_id    TEXT    NOT NULL,
        workspace_id  TEXT,
        created_by    TEXT    NOT NULL,
        created_at    INTEGER NOT NULL,
        PRIMARY KEY (platform, channel_id)
      ) STRICT;
      INSERT INTO digest_subscriptions_next SELECT * FROM digest_subscriptions;
      DROP TABLE digest_subscriptions;
      ALTER TABLE digest_subscriptions_next RENAME TO digest_subscriptions;
    `,
  },
  {
    version: 3,
    description:
      'hosted state: digest leases, event claims, rate buckets, conversation context and installations',
    sql: `
      -- Until when the replica that claimed a post owns it; a crashed one's claim is taken over after it.
      ALTER TABLE digest_posts ADD COLUMN lease_until INTEGER;

      -- One row per event id while it may be redelivered: the primary key decides which delivery is answered.
      CREATE TABLE event_claims (
        event_id      TEXT    PRIMARY KEY,
        claimed_at    INTEGER NOT NULL,
        expires_at    INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX event_claims_expiry ON event_claims (expires_at);

      CREATE TABLE rate_buckets (
        bucket_key    TEXT    PRIMARY KEY,
        tokens        REAL    NOT NULL,
        updated_at    INTEGER NOT NULL,
        told          INTEGER NOT NULL DEFAULT 0
      ) STRICT;

      CREATE TABLE conversation_context (
        context_key   TEXT    PRIMARY KEY,
        value         TEXT    NOT NULL,
        expires_at    INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX conversation_context_expiry ON conversation_context (expires_at);

      CREATE TABLE installations (
        platform      TEXT    NOT NULL,
        workspace_id  TEXT    NOT NULL,
        value         TEXT    NOT NULL,
        installed_at  INTEGER NOT NULL,
        PRIMARY KEY (platform, workspace_id)
      ) STRICT;
    `,
  },
  {
    version: 4,
    description: 'source copies shared by replicas',
    sql: `
      CREATE TABLE source_copies (
        source_key     TEXT    PRIMARY KEY,
        body           TEXT    NOT NULL,
        etag           TEXT,
        last_modified  TEXT,
        fetched_at     INTEGER NOT NULL
      ) STRICT;
    `,
  },
];
