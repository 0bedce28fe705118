// The database's check on platform names, written from PLATFORMS each time the file is opened: adding a platform
// to that list is enough, even for a file created before it (a CHECK constraint could not be changed in place).
import { PLATFORMS } from '../shared/platforms.ts';

/** The tables with a `platform` column. */
export const PLATFORM_TABLES = ['digest_subscriptions', 'digest_posts', 'installations'] as const;

/** SQL that (re)creates, on each of `tables`, triggers refusing a platform not in `platforms`. */
export function platformCheckSql(
  platforms: readonly string[] = PLATFORMS,
  tables: readonly string[] = PLATFORM_TABLES,
): string {
  const list = platforms.map((platform) => `'${platform.replaceAll("'", "''")}'`).join(', ');
  const message = `platform must be one of: ${platforms.join(', ')}`.replaceAll("'", "''");
  return tables
    .flatMap((table) =>
      (['INSERT', 'UPDATE OF platform'] as const).map((event) => {
        const name = `${table}_platform_${event === 'INSERT' ? 'insert' : 'update'}`;
        return `
        DROP TRIGGER IF EXISTS ${name};
        CREATE TRIGGER ${name} BEFORE ${event} ON ${table}
        WHEN NEW.platform NOT IN (${list})
        BEGIN SELECT RAISE(ABORT, '${message}'); END;`;
      }),
    )
    .join('\n');
}
