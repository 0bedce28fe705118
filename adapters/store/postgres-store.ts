// The PostgreSQL `HallwayStore`, chosen by DATABASE_URL: replicas share one database, and every decision that
// must be taken once (which delivery of an event is answered, who posts a digest, who refreshes the data) is
// taken by the database: a unique key, a row lock, or an advisory lock.
import pg from 'pg';
import type { AgendaStore } from '../agenda/agenda-store.ts';
import type { BindingStore } from '../conferences/binding-store.ts';
import type { Platform } from '../shared/platforms.ts';
import { describeDatabaseUrl } from './database-url.ts';
import { postgresAgenda } from './postgres-agenda.ts';
import { postgresBindings } from './postgres-bindings.ts';
import { postgresDigest } from './postgres-digest.ts';
import { migratePostgres, PostgresOpenError } from './postgres-migrations.ts';
import { inTransaction } from './postgres-transaction.ts';
import {
  type SourceCopyRow,
  sharedCopyValues,
  toSharedCopy,
  upsertSharedCopySql,
} from './source-copy-row.ts';
import type {
  ContextEntries,
  DigestRecords,
  EventClaims,
  HallwayStore,
  Installations,
  LockOutcome,
  RateBuckets,
  SourceCopies,
  StoredBucket,
} from './store.ts';
import { FORGET_WORKSPACE, tally, type WorkspaceParams, workspaceParams } from './workspace-rows.ts';

/** BIGINT (oid 20) holds epoch milliseconds here, well inside a double's exact range: read it as a number. */
const BIGINT_OID = 20;
const TYPES = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === BIGINT_OID ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as never,
};

export interface PostgresStoreOptions {
  /** Connections kept open per replica. */
  readonly maxConnections?: number;
  readonly connectTimeoutMs?: number;
}

export class PostgresStore implements HallwayStore {
  readonly engine = 'postgres' as const;
  readonly digest: DigestRecords;
  readonly events: EventClaims;
  readonly rates: RateBuckets;
  readonly context: ContextEntries;
  readonly installations: Installations;
  readonly sources: SourceCopies;
  readonly agenda: AgendaStore;
  readonly bindings: BindingStore;

  constructor(readonly pool: pg.Pool) {
    this.digest = postgresDigest(pool);
    this.events = postgresEvents(pool);
    this.rates = postgresRates(pool);
    this.context = postgresContext(pool);
    this.installations = postgresInstallations(pool);
    this.sources = postgresSources(pool);
    this.agenda = postgresAgenda(pool);
    this.bindings = postgresBindings(pool);
  }

  async withLock<T>(name: string, work: () => Promise<T>): Promise<LockOutcome<T>> {
    // A session lock lives on one connection: take it, work, and release it on that same connection.
    const client = await this.pool.connect();
    try {
      const taken = await client.query<{ locked: boolean }>(
        'SELECT pg_try_advisory_lock(hashtext($1)) AS locked',
        [`hallway:${name}`],
      );
      if (taken.rows[0]?.locked !== true) return { kind: 'busy' };
      try {
        return { kind: 'ran', value: await work() };
      } finally {
        await client.query('SELECT pg_advisory_unlock(hashtext($1))', [`hallway:${name}`]);
      }
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/** Connects to `url`, checks the server answers and applies the migrations; throws `PostgresOpenError` if not. */
export async function openPostgresStore(
  url: string,
  options: PostgresStoreOptions = {},
): Promise<PostgresStore> {
  const where = describeDatabaseUrl(url);
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
    types: TYPES,
  });
  // An idle connection dropped by the server must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  try {
    await migratePostgres(pool, where);
  } catch (error) {
    await pool.end().catch(() => undefined);
    if (error instanceof PostgresOpenError) throw error;
    throw new PostgresOpenError(
      `Hallway cannot use the database ${where}: ${(error as Error).message}. Check DATABASE_URL and that PostgreSQL is running.`,
    );
  }
  return new PostgresStore(pool);
}

function postgresEvents(pool: pg.Pool): EventClaims {
  return {
    async claim(eventId, at, ttlMs) {
      const claimed = await pool.query(
        `INSERT INTO event_claims AS c (event_id, claimed_at, expires_at) VALUES ($1, $2, $3)
         ON CONFLICT (event_id) DO UPDATE SET claimed_at = excluded.claimed_at, expires_at = excluded.expires_at
           WHERE c.expires_at <= excluded.claimed_at
         RETURNING event_id`,
        [eventId, at, at + ttlMs],
      );
      return claimed.rowCount === 1;
    },
    async purge(at) {
      return (await pool.query('DELETE FROM event_claims WHERE expires_at <= $1', [at])).rowCount ?? 0;
    },
  };
}

function postgresRates(pool: pg.Pool): RateBuckets {
  return {
    update: (keys, decide) =>
      inTransaction(pool, async (client) => {
        // A lock per key, taken in key order, covers buckets not yet written too (a row lock could not), and two
        // replicas taking the same user's and channel's buckets never deadlock.
        const sorted = [...new Set(keys)].sort();
        for (const key of sorted) {
          await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`hallway:bucket:${key}`]);
        }
        const found = await client.query<{
          bucket_key: string;
          tokens: number;
          updated_at: number;
          told: boolean;
        }>('SELECT * FROM rate_buckets WHERE bucket_key = ANY($1)', [sorted]);
        const buckets = new Map<string, StoredBucket>(
          found.rows.map((row) => [
            row.bucket_key,
            { tokens: row.tokens, updatedAt: row.updated_at, told: row.told },
          ]),
        );
        const { next, result } = decide(buckets);
        for (const [key, bucket] of next) {
          await client.query(
            `INSERT INTO rate_buckets (bucket_key, tokens, updated_at, told) VALUES ($1, $2, $3, $4)
             ON CONFLICT (bucket_key) DO UPDATE
               SET tokens = excluded.tokens, updated_at = excluded.updated_at, told = excluded.told`,
            [key, bucket.tokens, bucket.updatedAt, bucket.told],
          );
        }
        return result;
      }),
  };
}

function postgresContext(pool: pg.Pool): ContextEntries {
  return {
    async get(key, at) {
      const found = await pool.query<{ value: unknown }>(
        'SELECT value FROM conversation_context WHERE context_key = $1 AND expires_at > $2',
        [key, at],
      );
      return found.rows[0]?.value;
    },
    async put(key, value, expiresAt) {
      await pool.query(
        `INSERT INTO conversation_context (context_key, value, expires_at) VALUES ($1, $2, $3)
         ON CONFLICT (context_key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at`,
        [key, JSON.stringify(value), expiresAt],
      );
    },
    async delete(key) {
      await pool.query('DELETE FROM conversation_context WHERE context_key = $1', [key]);
    },
    async purge(at) {
      return (
        (await pool.query('DELETE FROM conversation_context WHERE expires_at <= $1', [at])).rowCount ?? 0
      );
    },
  };
}

/**
 * Each delete numbered with only the parameters it uses (PostgreSQL refuses a value it cannot type), as `text`:
 * `length($1)` alone would leave it guessing.
 */
const FORGET = FORGET_WORKSPACE.map(({ part, sql }) => {
  const names: Array<keyof WorkspaceParams> = [];
  const text = sql((name) => {
    if (!names.includes(name)) names.push(name);
    return `$${names.indexOf(name) + 1}::text`;
  });
  return { part, text, names };
});

function postgresInstallations(pool: pg.Pool): Installations {
  return {
    async save(installation) {
      await pool.query(
        `INSERT INTO installations (platform, workspace_id, value, installed_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (platform, workspace_id) DO UPDATE SET value = excluded.value, installed_at = excluded.installed_at`,
        [
          installation.platform,
          installation.workspaceId,
          JSON.stringify(installation.data),
          installation.installedAt,
        ],
      );
    },
    async find(platform, workspaceId) {
      const found = await pool.query<{
        platform: Platform;
        workspace_id: string;
        value: unknown;
        installed_at: number;
      }>('SELECT * FROM installations WHERE platform = $1 AND workspace_id = $2', [platform, workspaceId]);
      const row = found.rows[0];
      return row === undefined
        ? undefined
        : {
            platform: row.platform,
            workspaceId: row.workspace_id,
            data: row.value,
            installedAt: row.installed_at,
          };
    },
    delete: (platform, workspaceId) =>
      inTransaction(pool, async (client) => {
        const params = workspaceParams(platform, workspaceId);
        const counts = [];
        for (const { part, text, names } of FORGET) {
          const values = names.map((name) => params[name]);
          counts.push({ part, deleted: (await client.query(text, values)).rowCount ?? 0 });
        }
        return tally(counts);
      }),
  };
}

function postgresSources(pool: pg.Pool): SourceCopies {
  return {
    async read(key) {
      const found = await pool.query<SourceCopyRow>('SELECT * FROM source_copies WHERE source_key = $1', [
        key,
      ]);
      const row = found.rows[0];
      return row === undefined ? undefined : toSharedCopy(row);
    },
    async write(copy) {
      await pool.query(upsertSharedCopySql(['$1', '$2', '$3', '$4', '$5']), sharedCopyValues(copy));
    },
  };
}
