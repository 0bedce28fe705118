// `npm run bench:store`: the store's operations per second on a fresh SQLite file, and on PostgreSQL when
// BENCH_DATABASE_URL names a database; the run makes its tables in a schema of its own there and drops it after.
// --json, --count N.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { describeDatabaseUrl } from '../store/database-url.ts';
import { openPostgresStore } from '../store/postgres-store.ts';
import { openSqliteStore } from '../store/sqlite-store.ts';
import { withBenchSchema } from './bench-schema.ts';
import { benchStoreOps, type StoreOpsRun, SUBSCRIPTIONS } from './store-ops.ts';

const { values } = parseArgs({ options: { json: { type: 'boolean' }, count: { type: 'string' } } });
const count = Number(values.count ?? 2_000);

const runs: StoreOpsRun[] = [];
const dir = mkdtempSync(join(tmpdir(), 'hallway-bench-store-'));
const sqlite = openSqliteStore(join(dir, 'hallway.db'));
runs.push(await benchStoreOps(sqlite, count));
await sqlite.close();
rmSync(dir, { recursive: true, force: true });

const url = process.env.BENCH_DATABASE_URL?.trim() ?? '';
if (url === '') {
  process.stderr.write('PostgreSQL skipped: set BENCH_DATABASE_URL to a database to measure it\n');
} else {
  process.stderr.write(`PostgreSQL: ${describeDatabaseUrl(url)}, in a schema of its own\n`);
  runs.push(
    await withBenchSchema(url, async (schemaUrl) => {
      const postgres = await openPostgresStore(schemaUrl);
      try {
        return await benchStoreOps(postgres, count);
      } finally {
        await postgres.close();
      }
    }),
  );
}

if (values.json === true) {
  process.stdout.write(`${JSON.stringify({ storeOps: runs })}\n`);
} else {
  for (const run of runs) {
    process.stdout.write(
      `${run.engine}: ${run.dedupeInsertsPerSecond} dedupe inserts/s, ${run.ledgerClaimsPerSecond} ledger claims/s, ` +
        `${run.digestScansPerSecond} digest scans/s (${SUBSCRIPTIONS} subscriptions), ` +
        `${run.starsPerSecond} stars/s, ${run.reminderScansPerSecond} due-reminder scans/s ` +
        `(${run.due} due of ${run.stars} stars), ${run.reminderClaimsPerSecond} reminder claims/s\n`,
    );
  }
}
