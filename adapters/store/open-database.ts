// Opens Hallway's SQLite file: creates it (and its folder) on first run, WAL mode, migrations applied. A file
// that cannot be written, is locked, or comes from a newer Hallway is refused at start with what to do about it.
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { makeFolders } from '../shared/make-folders.ts';
import { MIGRATIONS, type Migration } from './migrations.ts';
import { PLATFORM_TABLES, platformCheckSql } from './platform-check.ts';

/** The schema version from which the platform check is triggers written from PLATFORMS at each open. */
const PLATFORM_CHECK_FROM = 2;

export type SqliteDatabase = Database.Database;

export interface OpenDatabaseOptions {
  /** How long to wait for another connection's lock before calling the file locked (ms). */
  readonly busyTimeoutMs?: number;
  /** Opens the file read-only, as SQLite does for a file it may not write; for tests of that refusal. */
  readonly readonly?: boolean;
  readonly migrations?: readonly Migration[];
}

/** Why the database could not be opened, in words that name the file and the fix. */
export class DatabaseOpenError extends Error {
  constructor(
    readonly path: string,
    readonly reason: 'read-only' | 'locked' | 'newer-schema' | 'not-a-database' | 'cannot-create' | 'other',
    message: string,
  ) {
    super(message);
    this.name = 'DatabaseOpenError';
  }
}

const DEFAULT_BUSY_TIMEOUT_MS = 5_000;

export function openDatabase(path: string, options: OpenDatabaseOptions = {}): SqliteDatabase {
  const file = resolve(path);
  try {
    makeFolders(dirname(file));
  } catch (error) {
    throw new DatabaseOpenError(
      file,
      'cannot-create',
      `Hallway cannot create the folder for its database ${file}: ${(error as Error).message}. Set HALLWAY_DB_PATH to a writable place.`,
    );
  }
  let db: SqliteDatabase | undefined;
  try {
    db = new Database(file, {
      timeout: options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS,
      ...(options.readonly === true ? { readonly: true } : {}),
    });
    // WAL lets readers go on while a post is being recorded, and survives a crash mid-write.
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    migrate(db, file, options.migrations ?? MIGRATIONS);
    return db;
  } catch (error) {
    db?.close();
    throw error instanceof DatabaseOpenError ? error : explain(file, error);
  }
}

/** Applies the migrations newer than the file's `user_version`, each in its own write transaction. */
function migrate(db: SqliteDatabase, file: string, migrations: readonly Migration[]): void {
  const latest = migrations.reduce((max, migration) => Math.max(max, migration.version), 0);
  // An immediate transaction takes the write lock now, so a read-only or locked file fails here, at start.
  db.exec('BEGIN IMMEDIATE');
  try {
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current > latest) {
      throw new DatabaseOpenError(
        file,
        'newer-schema',
        `The database ${file} was written by a newer Hallway (schema ${current}; this one knows up to ${latest}). Upgrade Hallway, or point HALLWAY_DB_PATH at another file.`,
      );
    }
    for (const migration of migrations.filter((m) => m.version > current)) {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    }
    // Written even when nothing changed: a file Hallway cannot write must fail now, not at the first post.
    db.pragma(`user_version = ${latest}`);
    if (latest >= PLATFORM_CHECK_FROM) {
      // A file at an older schema (tests pin one) lacks the later tables; only the ones present get triggers.
      const present = new Set(
        (
          db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>
        ).map((row) => row.name),
      );
      db.exec(
        platformCheckSql(
          undefined,
          PLATFORM_TABLES.filter((table) => present.has(table)),
        ),
      );
    }
    db.exec('COMMIT');
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

function explain(file: string, error: unknown): DatabaseOpenError {
  const code = (error as { code?: unknown }).code;
  const detail = (error as Error).message;
  if (code === 'SQLITE_READONLY' || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_PERM') {
    return new DatabaseOpenError(
      file,
      'read-only',
      `Hallway cannot write its database ${file} (${detail}). Make the file and its folder writable by this user, or set HALLWAY_DB_PATH to a writable place.`,
    );
  }
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return new DatabaseOpenError(
      file,
      'locked',
      `The database ${file} is locked by another process (${detail}). Is another Hallway running on it? Only one may use a database file.`,
    );
  }
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    return new DatabaseOpenError(
      file,
      'not-a-database',
      `${file} is not a Hallway database (${detail}). Move it aside, or set HALLWAY_DB_PATH to another file.`,
    );
  }
  return new DatabaseOpenError(file, 'other', `Hallway cannot open its database ${file}: ${detail}`);
}
