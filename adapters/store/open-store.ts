// Chooses the store: PostgreSQL when DATABASE_URL names one, else the SQLite file (the default, no setup).
import { openPostgresStore } from './postgres-store.ts';
import { openSqliteStore } from './sqlite-store.ts';
import type { HallwayStore } from './store.ts';

export interface StoreChoice {
  /** `postgres://…` or `postgresql://…`; unset or empty means SQLite. */
  readonly databaseUrl?: string;
  /** The SQLite file, used when there is no database URL. */
  readonly sqlitePath: string;
}

/** Opens the chosen store, migrated; throws `DatabaseOpenError` or `PostgresOpenError` with what to fix. */
export async function openStore(choice: StoreChoice): Promise<HallwayStore> {
  const url = choice.databaseUrl?.trim() ?? '';
  return url === '' ? openSqliteStore(choice.sqlitePath) : openPostgresStore(url);
}
