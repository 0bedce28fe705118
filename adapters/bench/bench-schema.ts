// A schema of its own for each PostgreSQL bench run: Hallway's tables are made in it (the connection's
// search_path), so the bench never reads or writes another run's or a test's rows, and it is dropped after.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** Runs `work` with a URL whose connections use a new, empty schema; drops the schema after, whatever happens. */
export async function withBenchSchema<T>(url: string, work: (schemaUrl: string) => Promise<T>): Promise<T> {
  const schema = `hallway_bench_${randomBytes(6).toString('hex')}`;
  await run(url, `CREATE SCHEMA ${schema}`);
  try {
    return await work(inSchema(url, schema));
  } finally {
    await run(url, `DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  }
}

/** The URL with `search_path` set to `schema` (after any options it already has). */
export function inSchema(url: string, schema: string): string {
  const parsed = new URL(url);
  const options = parsed.searchParams.get('options');
  parsed.searchParams.set('options', `${options === null ? '' : `${options} `}-c search_path=${schema}`);
  return parsed.toString();
}

async function run(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
