// Access to the PostgreSQL server of the tests (127.0.0.1:5432, database `test`, or TEST_POSTGRES_URL), and a
// throwaway database per test file. Like ../shared: tests skip, saying so, where no server answers, and fail in CI.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, it } from 'vitest';

/** The server's administrative database, from which throwaway ones are created. */
export const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const IN_CI = process.env.CI === 'true' || process.env.CI === '1';

export type PostgresVerdict =
  | { readonly kind: 'run' }
  | { readonly kind: 'skip'; readonly reason: string }
  | { readonly kind: 'fail'; readonly problem: string };

/** Run when the server answers; otherwise skip, except in CI, where it must answer (the same rule as ../shared). */
export function postgresVerdict(answered: true | string, ci: boolean): PostgresVerdict {
  if (answered === true) return { kind: 'run' };
  return ci
    ? { kind: 'fail', problem: `CI is set but PostgreSQL at ${ADMIN_URL} does not answer (${answered})` }
    : { kind: 'skip', reason: `no PostgreSQL answers at ${ADMIN_URL} (${answered})` };
}

/** True when the server answers within a second, else why not. */
async function probe(): Promise<true | string> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 1_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch (error) {
    return (error as Error).message || String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

let verdict: Promise<PostgresVerdict> | undefined;

/** Whether tests needing PostgreSQL run here (probed once per worker). */
export function postgresHere(): Promise<PostgresVerdict> {
  verdict ??= probe().then((answered) => postgresVerdict(answered, IN_CI));
  return verdict;
}

/** `describe` for tests needing PostgreSQL, by `postgresHere()`'s verdict. */
export function describeWithPostgres(name: string, here: PostgresVerdict, body: () => void): void {
  switch (here.kind) {
    case 'run':
      describe(name, body);
      return;
    case 'skip':
      process.stderr.write(`skipping ${name}: ${here.reason}\n`);
      describe.skip(name, body);
      return;
    case 'fail':
      describe(name, () => {
        it('has the PostgreSQL server it needs', () => {
          throw new Error(here.problem);
        });
      });
      return;
    default:
      here satisfies never;
  }
}

/** A fresh, empty database on the test server, and how to drop it. */
export interface ThrowawayDatabase {
  readonly url: string;
  drop(): Promise<void>;
}

export async function createThrowawayDatabase(): Promise<ThrowawayDatabase> {
  const name = `hallway_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const dropper = new pg.Client({ connectionString: ADMIN_URL });
      await dropper.connect();
      try {
        await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await dropper.end();
      }
    },
  };
}
