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
    description: 'which conference a channel or a whole workspace (Discord server) answers about',
    sql: `
      -- scope 'channel': target_id is a channel; scope 'workspace': a Slack team or Discord guild, for every
      -- channel in it that has no binding of its own.
      CREATE TABLE conference_bindings (
        platform      TEXT    NOT NULL,
        scope         TEXT    NOT NULL CHECK (scope IN ('channel', 'workspace')),
        target_id     TEXT    NOT NULL,
        workspace_id  TEXT,
        conference_id TEXT    NOT NULL,
        created_by    TEXT    NOT NULL,
        created_at    INTEGER NOT NULL,
        PRIMARY KEY (platform, scope, target_id)
      ) STRICT;
    `,
  },
];
