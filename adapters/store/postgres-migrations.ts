// PostgreSQL's schema, as numbered migrations recorded in `hallway_schema`. Applied under an advisory lock, so
// replicas starting together migrate once; a migration is never edited once released, only followed by a new one.
import type { Pool } from 'pg';
import type { Migration } from './migrations.ts';

/** The advisory lock key that serialises migrations (any fixed number unique to Hallway). */
const MIGRATION_LOCK = 0x4841_4c4c; // "HALL"

export const POSTGRES_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'digest, event claims, rate buckets, conversation context and installations',
    sql: `
      CREATE TABLE digest_subscriptions (
        platform      TEXT   NOT NULL,
        channel_id    TEXT   NOT NULL,
        workspace_id  TEXT,
        created_by    TEXT   NOT NULL,
        created_at    BIGINT NOT NULL,
        PRIMARY KEY (platform, channel_id)
      );
      -- One row per (channel, date, kind): the unique key is what makes a digest go out at most once.
      CREATE TABLE digest_posts (
        id            SERIAL PRIMARY KEY,
        platform      TEXT   NOT NULL,
        channel_id    TEXT   NOT NULL,
        digest_date   TEXT   NOT NULL,
        kind          TEXT   NOT NULL CHECK (kind IN ('morning', 'evening')),
        state         TEXT   NOT NULL CHECK (state IN ('intent', 'posted', 'failed', 'unknown')),
        intent_at     BIGINT NOT NULL,
        lease_until   BIGINT,
        finished_at   BIGINT,
        parts_total   INTEGER NOT NULL DEFAULT 0,
        parts_posted  INTEGER NOT NULL DEFAULT 0,
        message_ids   JSONB  NOT NULL DEFAULT '[]',
        attempts      INTEGER NOT NULL DEFAULT 1,
        error         TEXT,
        UNIQUE (platform, channel_id, digest_date, kind)
      );
      CREATE TABLE event_claims (
        event_id      TEXT   PRIMARY KEY,
        claimed_at    BIGINT NOT NULL,
        expires_at    BIGINT NOT NULL
      );
      CREATE INDEX event_claims_expiry ON event_claims (expires_at);
      CREATE TABLE rate_buckets (
        bucket_key    TEXT   PRIMARY KEY,
        tokens        DOUBLE PRECISION NOT NULL,
        updated_at    BIGINT NOT NULL,
        told          BOOLEAN NOT NULL DEFAULT FALSE
      );
      CREATE TABLE conversation_context (
        context_key   TEXT   PRIMARY KEY,
        value         JSONB  NOT NULL,
        expires_at    BIGINT NOT NULL
      );
      CREATE INDEX conversation_context_expiry ON conversation_context (expires_at);
      CREATE TABLE installations (
        platform      TEXT   NOT NULL,
        workspace_id  TEXT   NOT NULL,
        value         JSONB  NOT NULL,
        installed_at  BIGINT NOT NULL,
        PRIMARY KEY (platform, workspace_id)
      );
    `,
  },
  {
    version: 2,
    description: 'source copies shared by replicas',
    sql: `
      CREATE TABLE source_copies (
        source_key     TEXT   PRIMARY KEY,
        body           TEXT   NOT NULL,
        etag           TEXT,
        last_modified  TEXT,
        fetched_at     BIGINT NOT NULL
      );
    `,
  },
  {
    version: 3,
    description: 'channel bindings and personal agendas (stars, leads, the DM delivery log with leases)',
    sql: `
      -- scope 'channel': target_id is a channel; scope 'workspace': a Slack team or Discord guild, for every
      -- channel in it that has no binding of its own.
      CREATE TABLE conference_bindings (
        platform      TEXT   NOT NULL,
        scope         TEXT   NOT NULL CHECK (scope IN ('channel', 'workspace')),
        target_id     TEXT   NOT NULL,
        workspace_id  TEXT,
        conference_id TEXT   NOT NULL,
        created_by    TEXT   NOT NULL,
        created_at    BIGINT NOT NULL,
        PRIMARY KEY (platform, scope, target_id)
      );
      -- One row per starred session. remind_at is when its reminder is due (NULL once sent, dropped, or none);
      -- workspace_id is the Slack workspace whose token DMs it in multi-workspace mode.
      CREATE TABLE agenda_stars (
        platform       TEXT   NOT NULL,
        user_id        TEXT   NOT NULL,
        session_id     TEXT   NOT NULL,
        session_start  BIGINT,
        remind_at      BIGINT,
        created_at     BIGINT NOT NULL,
        workspace_id   TEXT,
        PRIMARY KEY (platform, user_id, session_id)
      );
      CREATE INDEX agenda_stars_due ON agenda_stars (remind_at) WHERE remind_at IS NOT NULL;
      CREATE INDEX agenda_stars_session ON agenda_stars (session_id);
      CREATE TABLE agenda_users (
        platform      TEXT    NOT NULL,
        user_id       TEXT    NOT NULL,
        lead_minutes  INTEGER NOT NULL,
        PRIMARY KEY (platform, user_id)
      );
      -- One row per DM: claimed (intent, with a lease) before sending, finished after. The unique key is what
      -- makes a reminder or a change notice go out once across replicas; the lease lets a crashed one's be taken over.
      CREATE TABLE agenda_deliveries (
        id            SERIAL  PRIMARY KEY,
        platform      TEXT    NOT NULL,
        user_id       TEXT    NOT NULL,
        session_id    TEXT    NOT NULL,
        kind          TEXT    NOT NULL CHECK (kind IN ('reminder', 'moved', 'cancelled')),
        key_at        BIGINT  NOT NULL,
        state         TEXT    NOT NULL CHECK (state IN ('intent', 'sent', 'failed', 'dropped')),
        intent_at     BIGINT  NOT NULL,
        lease_until   BIGINT,
        finished_at   BIGINT,
        attempts      INTEGER NOT NULL DEFAULT 1,
        error         TEXT,
        UNIQUE (platform, user_id, session_id, kind, key_at)
      );
    `,
  },
];

/** Why the database could not be used, naming the database (never its password) and the fix. */
export class PostgresOpenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PostgresOpenError';
  }
}

/** Applies the migrations the database has not seen, in one transaction, holding the migration lock. */
export async function migratePostgres(
  pool: Pool,
  where: string,
  migrations: readonly Migration[] = POSTGRES_MIGRATIONS,
): Promise<void> {
  const latest = migrations.reduce((max, migration) => Math.max(max, migration.version), 0);
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // Transaction-scoped: released by COMMIT or ROLLBACK, even if this replica dies mid-migration.
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(
      `CREATE TABLE IF NOT EXISTS hallway_schema (
         version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`,
    );
    const applied = await client.query<{ version: number | null }>(
      'SELECT max(version) AS version FROM hallway_schema',
    );
    const current = applied.rows[0]?.version ?? 0;
    if (current > latest) {
      throw new PostgresOpenError(
        `The database ${where} was written by a newer Hallway (schema ${current}; this one knows up to ${latest}). Upgrade Hallway, or point DATABASE_URL at another database.`,
      );
    }
    for (const migration of migrations.filter((m) => m.version > current)) {
      await client.query(migration.sql);
      await client.query('INSERT INTO hallway_schema (version, description) VALUES ($1, $2)', [
        migration.version,
        migration.description,
      ]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
