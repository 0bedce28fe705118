// Several conferences on the store: their bindings live in SQLite, so a PostgreSQL DATABASE_URL is refused in one
// line that says what to change, before any database is touched; without one the SQLite file is opened.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openConferenceDigests } from '../../adapters/conferences/conference-digests.ts';
import { readDigestConfig } from '../../adapters/digest/digest-config.ts';
import { captureLogger } from '../helpers/capture-logger.ts';
import { MINI_CONF } from '../helpers/engines.ts';
import { testRegistry } from './test-registry.ts';

function setUp(env: Record<string, string>) {
  const folder = mkdtempSync(join(tmpdir(), 'hallway-conf-digests-'));
  const { logger } = captureLogger();
  const { registry } = testRegistry(
    { conferences: [{ id: 'mini-conf', name: 'Mini Conf 2027', sources: [{ path: MINI_CONF }] }] },
    folder,
    logger,
  );
  const config = readDigestConfig({ HALLWAY_DB_PATH: join(folder, 'hallway.db'), ...env });
  if (!config.ok) throw new Error(config.problems.join('\n'));
  const options = {
    config: config.value,
    registry,
    conferenceOf: () => 'mini-conf',
    posters: () => [],
    clock: Date.now,
    logger,
  };
  return { folder, options };
}

describe('openConferenceDigests', () => {
  it('refuses a PostgreSQL DATABASE_URL, naming the variable, and creates no SQLite file', async () => {
    const { folder, options } = setUp({ DATABASE_URL: 'postgres://hallway:secret@127.0.0.1:1/hallway' });
    await expect(openConferenceDigests(options)).rejects.toThrow(
      /bindings in SQLite; unset DATABASE_URL or configure one conference$/,
    );
    expect(existsSync(join(folder, 'hallway.db'))).toBe(false);
  });

  it('opens the SQLite file with the bindings beside the digest', async () => {
    const { folder, options } = setUp({});
    const { runtime, bindings } = await openConferenceDigests(options);
    expect(runtime.store.engine).toBe('sqlite');
    expect(bindings.lookup({ platform: 'slack', channelId: 'C1' })).toBeUndefined();
    expect(existsSync(join(folder, 'hallway.db'))).toBe(true);
    await runtime.close();
  });
});
