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
  {
    version: 4,
    description: 'personal agendas: starred sessions, reminder lead per user, and the delivery log of DMs',
    sql: `
      -- One row per starred session. remind_at is when its reminder is due (NULL once sent, dropped, or none).
      CREATE TABLE agenda_stars (
        platform       TEXT    NOT NULL,
        user_id        TEXT    NOT NULL,
        session_id     TEXT    NOT NULL,
        session_start  INTEGER,
        remind_at      INTEGER,
        created_at     INTEGER NOT NULL,
        PRIMARY KEY (platform, user_id, session_id)
      ) STRICT;
      -- The scheduler asks only for the next due reminder: this index keeps that O(due), not O(stars).
      CREATE INDEX agenda_stars_due ON agenda_stars (remind_at) WHERE remind_at IS NOT NULL;
      CREATE INDEX agenda_stars_session ON agenda_stars (session_id);

      CREATE TABLE agenda_users (
        platform      TEXT    NOT NULL,
        user_id       TEXT    NOT NULL,
        lead_minutes  INTEGER NOT NULL,
        PRIMARY KEY (platform, user_id)
      ) STRICT;

      -- One row per DM: claimed (intent) before sending, finished (sent, failed, dropped) after. The unique key is
      -- what makes a reminder or a change notice go out exactly once, across crashes and restarts.
      CREATE TABLE agenda_deliveries (
        id            INTEGER PRIMARY KEY,
        platform      TEXT    NOT NULL,
        user_id       TEXT    NOT NULL,
        session_id    TEXT    NOT NULL,
        kind          TEXT    NOT NULL CHECK (kind IN ('reminder', 'moved', 'cancelled')),
        key_at        INTEGER NOT NULL,
        state         TEXT    NOT NULL CHECK (state IN ('intent', 'sent', 'failed', 'dropped')),
        intent_at     INTEGER NOT NULL,
        finished_at   INTEGER,
        attempts      INTEGER NOT NULL DEFAULT 1,
        error         TEXT,
        UNIQUE (platform, user_id, session_id, kind, key_at)
      ) STRICT;
    `,
  },
  {
    version: 5,
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
    version: 6,
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
  {
    version: 7,
    description:
      'agenda: the workspace a star came from (whose token DMs it), and a lease on each delivery claim',
    sql: `
      -- NULL on rows from before: single-workspace mode needs none, and the user's next star fills it in.
      ALTER TABLE agenda_stars ADD COLUMN workspace_id TEXT;
      -- Until when the run that claimed a DM owns it; a crashed one's claim is taken over after it.
      ALTER TABLE agenda_deliveries ADD COLUMN lease_until INTEGER;
    `,
  },
];
