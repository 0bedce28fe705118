// The SQLite file: created on first run in WAL mode with the schema migrated, and refused at start, with a message
// naming the file and the fix, when it is read-only, locked, newer than this Hallway, or not a database at all.
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SqliteAgendaStore } from '../../adapters/agenda/sqlite-agenda-store.ts';
import { DigestStore } from '../../adapters/digest/digest-store.ts';
import { MIGRATIONS } from '../../adapters/store/migrations.ts';
import { DatabaseOpenError, openDatabase } from '../../adapters/store/open-database.ts';

const freshDir = () => mkdtempSync(join(tmpdir(), 'hallway-db-'));

function openError(run: () => unknown): DatabaseOpenError {
  try {
    run();
  } catch (error) {
    if (error instanceof DatabaseOpenError) return error;
    throw error;
  }
  throw new Error('expected the database to be refused');
}

describe('openDatabase', () => {
  it('creates the file and its folders on first run, in WAL mode, with the latest schema', () => {
    const path = join(freshDir(), 'nested', 'var', 'hallway.db');
    const db = openDatabase(path);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)?.version);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all();
    expect(tables.map((table) => (table as { name: string }).name)).toEqual([
      'agenda_deliveries',
      'agenda_stars',
      'agenda_users',
      'conference_bindings',
      'conversation_context',
      'digest_posts',
      'digest_subscriptions',
      'event_claims',
      'installations',
      'rate_buckets',
      'source_copies',
    ]);
    db.close();
  });

  it('keeps what it stored across a reopen and does not migrate twice', () => {
    const path = join(freshDir(), 'hallway.db');
    const first = openDatabase(path);
    new DigestStore(first).subscribe({ platform: 'slack', channelId: 'C1', createdBy: 'U1', createdAt: 1 });
    first.close();
    const second = openDatabase(path);
    expect(new DigestStore(second).subscriptions('slack').map((s) => s.channelId)).toEqual(['C1']);
    second.close();
  });

  it('applies only the migrations newer than the file', () => {
    const path = join(freshDir(), 'hallway.db');
    openDatabase(path).close();
    const next = [...MIGRATIONS, { version: 99, description: 'test', sql: 'CREATE TABLE later (x INTEGER)' }];
    const db = openDatabase(path, { migrations: next });
    expect(db.pragma('user_version', { simple: true })).toBe(99);
    db.close();
  });

  it('keeps agendas starred before the workspace and the lease were kept, and takes over their old claims', () => {
    const path = join(freshDir(), 'hallway.db');
    openDatabase(path, { migrations: MIGRATIONS.filter((m) => m.version <= 6) }).close();
    const old = new Database(path);
    old
      .prepare(
        `INSERT INTO agenda_stars (platform, user_id, session_id, session_start, remind_at, created_at)
         VALUES ('slack', 'U1', 's1', 2000000, 1400000, 1)`,
      )
      .run();
    old
      .prepare(
        `INSERT INTO agenda_deliveries (platform, user_id, session_id, kind, key_at, state, intent_at)
         VALUES ('slack', 'U1', 's1', 'reminder', 2000000, 'intent', 1000)`,
      )
      .run();
    old.close();
    const store = new SqliteAgendaStore(openDatabase(path));
    const user = { platform: 'slack' as const, userId: 'U1' };
    expect(store.stars(user)).toEqual([
      { ...user, sessionId: 's1', sessionStartMs: 2000000, remindAtMs: 1400000, createdAt: 1 },
    ]);
    // A claim from before leases has none: it was a crashed run's, and is taken over.
    const key = { ...user, sessionId: 's1', kind: 'reminder' as const, keyAt: 2000000 };
    expect(store.claimDelivery(key, 5000, 60_000)).toEqual({
      kind: 'interrupted',
      attempt: 2,
      intentAt: 1000,
    });
    // The user's next star records their workspace on all their stars.
    store.star({ ...user, workspaceId: 'T1' }, { id: 's2' }, 6000);
    expect(store.stars(user).map((star) => star.workspaceId)).toEqual(['T1', 'T1']);
  });

  it('refuses a file written by a newer Hallway', () => {
    const path = join(freshDir(), 'hallway.db');
    const raw = new Database(path);
    raw.pragma('user_version = 42');
    raw.close();
    const error = openError(() => openDatabase(path));
    expect(error.reason).toBe('newer-schema');
    expect(error.message).toContain(`The database ${path} was written by a newer Hallway (schema 42`);
  });

  it('refuses a file that is locked by another process, saying so', () => {
    const path = join(freshDir(), 'hallway.db');
    openDatabase(path).close();
    const other = new Database(path);
    other.exec('BEGIN EXCLUSIVE');
    const error = openError(() => openDatabase(path, { busyTimeoutMs: 50 }));
    other.exec('ROLLBACK');
    other.close();
    expect(error.reason).toBe('locked');
    expect(error.message).toMatch(/is locked by another process .*Is another Hallway running on it\?/);
  });

  it('refuses a file it may only read, naming HALLWAY_DB_PATH', () => {
    const path = join(freshDir(), 'hallway.db');
    openDatabase(path).close();
    // SQLite opens a file it may not write read-only; `readonly` gives that state even when tests run as root.
    const error = openError(() => openDatabase(path, { readonly: true }));
    expect(error.reason).toBe('read-only');
    expect(error.message).toContain(`Hallway cannot write its database ${path}`);
    expect(error.message).toContain('HALLWAY_DB_PATH');
  });

  it.skipIf(process.getuid?.() === 0)('refuses a file whose permissions forbid writing', () => {
    const dir = freshDir();
    const path = join(dir, 'hallway.db');
    openDatabase(path).close();
    chmodSync(path, 0o444);
    chmodSync(dir, 0o555);
    const error = openError(() => openDatabase(path));
    chmodSync(dir, 0o755);
    expect(error.reason).toBe('read-only');
  });

  it('refuses a file that is not a database', () => {
    const path = join(freshDir(), 'hallway.db');
    writeFileSync(path, 'these are my notes, not a database '.repeat(200));
    const error = openError(() => openDatabase(path));
    expect(error.reason).toBe('not-a-database');
    expect(error.message).toContain('is not a Hallway database');
  });

  it('says when the folder cannot be created', () => {
    const file = join(freshDir(), 'plain-file');
    writeFileSync(file, 'x');
    const error = openError(() => openDatabase(join(file, 'hallway.db')));
    expect(error.reason).toBe('cannot-create');
    expect(error.message).toContain('Set HALLWAY_DB_PATH to a writable place.');
  });
});
