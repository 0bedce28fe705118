// The SQLite `HallwayStore`: the default, one process per file, no configuration. Every operation is a
// synchronous statement on better-sqlite3; "locks" are in-process, since no other process may share the file.
import { SqliteAgendaStore } from '../agenda/sqlite-agenda-store.ts';
import { SqliteBindingStore } from '../conferences/sqlite-binding-store.ts';
import { DigestStore } from '../digest/digest-store.ts';
import type { Platform } from '../shared/platforms.ts';
import { type OpenDatabaseOptions, openDatabase, type SqliteDatabase } from './open-database.ts';
import {
  type SourceCopyRow,
  sharedCopyValues,
  toSharedCopy,
  upsertSharedCopySql,
} from './source-copy-row.ts';
import type {
  ContextEntries,
  EventClaims,
  HallwayStore,
  Installation,
  Installations,
  LockOutcome,
  RateBuckets,
  SourceCopies,
  StoredBucket,
} from './store.ts';
import { FORGET_WORKSPACE, tally, workspaceParams } from './workspace-rows.ts';

/** A store over an open SQLite database, which it closes on `close`. */
export class SqliteStore implements HallwayStore {
  readonly engine = 'sqlite' as const;
  readonly digest: DigestStore;
  readonly events: EventClaims;
  readonly rates: RateBuckets;
  readonly context: ContextEntries;
  readonly installations: Installations;
  readonly sources: SourceCopies;
  readonly agenda: SqliteAgendaStore;
  readonly bindings: SqliteBindingStore;
  private readonly held = new Set<string>();

  constructor(readonly db: SqliteDatabase) {
    this.digest = new DigestStore(db);
    this.events = sqliteEvents(db);
    this.rates = sqliteRates(db);
    this.context = sqliteContext(db);
    this.installations = sqliteInstallations(db);
    this.sources = sqliteSources(db);
    this.agenda = new SqliteAgendaStore(db);
    this.bindings = new SqliteBindingStore(db);
  }

  async withLock<T>(name: string, work: () => Promise<T>): Promise<LockOutcome<T>> {
    if (this.held.has(name)) return { kind: 'busy' };
    this.held.add(name);
    try {
      return { kind: 'ran', value: await work() };
    } finally {
      this.held.delete(name);
    }
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

/** Opens (creating and migrating) the SQLite file at `path`; throws `DatabaseOpenError` with the fix. */
export function openSqliteStore(path: string, options: OpenDatabaseOptions = {}): SqliteStore {
  return new SqliteStore(openDatabase(path, options));
}

function sqliteEvents(db: SqliteDatabase): EventClaims {
  const claim = db.prepare(
    `INSERT INTO event_claims (event_id, claimed_at, expires_at) VALUES (?, ?, ?)
     ON CONFLICT (event_id) DO UPDATE SET claimed_at = excluded.claimed_at, expires_at = excluded.expires_at
       WHERE event_claims.expires_at <= excluded.claimed_at
     RETURNING event_id`,
  );
  const purge = db.prepare('DELETE FROM event_claims WHERE expires_at <= ?');
  return {
    claim: (eventId, at, ttlMs) => claim.get(eventId, at, at + ttlMs) !== undefined,
    purge: (at) => purge.run(at).changes,
  };
}

interface BucketRow {
  bucket_key: string;
  tokens: number;
  updated_at: number;
  told: number;
}

function sqliteRates(db: SqliteDatabase): RateBuckets {
  const read = db.prepare('SELECT * FROM rate_buckets WHERE bucket_key = ?');
  const write = db.prepare(
    `INSERT INTO rate_buckets (bucket_key, tokens, updated_at, told) VALUES (?, ?, ?, ?)
     ON CONFLICT (bucket_key) DO UPDATE
       SET tokens = excluded.tokens, updated_at = excluded.updated_at, told = excluded.told`,
  );
  return {
    async update(keys, decide) {
      const run = db.transaction(() => {
        const buckets = new Map<string, StoredBucket>();
        for (const key of keys) {
          const row = read.get(key) as BucketRow | undefined;
          if (row !== undefined)
            buckets.set(key, { tokens: row.tokens, updatedAt: row.updated_at, told: row.told === 1 });
        }
        const { next, result } = decide(buckets);
        for (const [key, bucket] of next)
          write.run(key, bucket.tokens, bucket.updatedAt, bucket.told ? 1 : 0);
        return result;
      });
      return run.immediate();
    },
  };
}

function sqliteContext(db: SqliteDatabase): ContextEntries {
  const get = db.prepare('SELECT value FROM conversation_context WHERE context_key = ? AND expires_at > ?');
  const put = db.prepare(
    `INSERT INTO conversation_context (context_key, value, expires_at) VALUES (?, ?, ?)
     ON CONFLICT (context_key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at`,
  );
  const remove = db.prepare('DELETE FROM conversation_context WHERE context_key = ?');
  const purge = db.prepare('DELETE FROM conversation_context WHERE expires_at <= ?');
  return {
    get(key, at) {
      const row = get.get(key, at) as { value: string } | undefined;
      return row === undefined ? undefined : (JSON.parse(row.value) as unknown);
    },
    put(key, value, expiresAt) {
      put.run(key, JSON.stringify(value), expiresAt);
    },
    delete(key) {
      remove.run(key);
    },
    purge: (at) => purge.run(at).changes,
  };
}

interface InstallationRow {
  platform: Platform;
  workspace_id: string;
  value: string;
  installed_at: number;
}

function sqliteInstallations(db: SqliteDatabase): Installations {
  const save = db.prepare(
    `INSERT INTO installations (platform, workspace_id, value, installed_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (platform, workspace_id) DO UPDATE SET value = excluded.value, installed_at = excluded.installed_at`,
  );
  const find = db.prepare('SELECT * FROM installations WHERE platform = ? AND workspace_id = ?');
  const forget = FORGET_WORKSPACE.map(({ part, sql }) => ({
    part,
    statement: db.prepare(sql((name) => `@${name}`)),
  }));
  return {
    save(installation: Installation) {
      save.run(
        installation.platform,
        installation.workspaceId,
        JSON.stringify(installation.data),
        installation.installedAt,
      );
    },
    find(platform, workspaceId) {
      const row = find.get(platform, workspaceId) as InstallationRow | undefined;
      return row === undefined
        ? undefined
        : {
            platform: row.platform,
            workspaceId: row.workspace_id,
            data: JSON.parse(row.value) as unknown,
            installedAt: row.installed_at,
          };
    },
    delete: db.transaction((platform: Platform, workspaceId: string) => {
      const params = workspaceParams(platform, workspaceId);
      return tally(forget.map(({ part, statement }) => ({ part, deleted: statement.run(params).changes })));
    }),
  };
}

function sqliteSources(db: SqliteDatabase): SourceCopies {
  const read = db.prepare('SELECT * FROM source_copies WHERE source_key = ?');
  const write = db.prepare(upsertSharedCopySql(['?', '?', '?', '?', '?']));
  return {
    read(key) {
      const row = read.get(key) as SourceCopyRow | undefined;
      return row === undefined ? undefined : toSharedCopy(row);
    },
    write(copy) {
      write.run(...sharedCopyValues(copy));
    },
  };
}
