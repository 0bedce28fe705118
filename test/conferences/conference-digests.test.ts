// Several conferences on the one store: each conference's scheduler posts to the channels bound to it, whichever
// engine keeps the bindings (the PostgreSQL half in the store contract).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createConferenceDigests } from '../../adapters/conferences/conference-digests.ts';
import { readDigestConfig } from '../../adapters/digest/digest-config.ts';
import { openSqliteStore } from '../../adapters/store/sqlite-store.ts';
import { captureLogger } from '../helpers/capture-logger.ts';
import { MINI_CONF } from '../helpers/engines.ts';
import { testRegistry } from './test-registry.ts';

describe('createConferenceDigests', () => {
  it('builds the digests over the store it is given, its bindings beside the ledger', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'hallway-conf-digests-'));
    const { logger } = captureLogger();
    const { registry } = testRegistry(
      { conferences: [{ id: 'mini-conf', name: 'Mini Conf 2027', sources: [{ path: MINI_CONF }] }] },
      folder,
      logger,
    );
    const config = readDigestConfig({ HALLWAY_DB_PATH: join(folder, 'hallway.db') });
    if (!config.ok) throw new Error(config.problems.join('\n'));
    const store = openSqliteStore(config.value.databasePath);
    const runtime = createConferenceDigests({
      config: config.value,
      store,
      registry,
      conferenceOf: async (place) => (await store.bindings.lookup(place))?.conferenceId ?? 'mini-conf',
      posters: () => [],
      clock: Date.now,
      logger,
    });
    expect(runtime.store).toBe(store);
    await runtime.start();
    await runtime.stop();
    await store.close();
  });
});
