// The issue's own example on real data: one Hallway with KubeCon EU 2026 (the default) and FOSDEM 2026's Pentabarf
// export; "at FOSDEM, what's in the Rust devroom?" is answered from FOSDEM in a channel bound to nothing.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ConferenceService } from '../../adapters/conferences/conference-service.ts';
import { captureLogger } from '../helpers/capture-logger.ts';
import { DEFAULT_DATASET } from '../helpers/engines.ts';
import { describeWithShared, sharedPath } from '../helpers/shared.ts';
import { testRegistry } from './test-registry.ts';

const FOSDEM = 'datasets/fosdem-2026-pentabarf/2026.xml';

describeWithShared('a question naming a conference, on real data', [FOSDEM], () => {
  it('goes to FOSDEM when it says "at FOSDEM", and to the default otherwise', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'hallway-named-'));
    const log = captureLogger();
    const { registry } = testRegistry(
      {
        conferences: [
          { id: 'kubecon-eu-2026', name: 'KubeCon EU 2026', sources: [{ path: DEFAULT_DATASET }] },
          // The file's name is only "Brussels devrooms": "FOSDEM" comes from the data once it is loaded.
          { id: 'fosdem-2026', name: 'Brussels devrooms', sources: [{ path: sharedPath(FOSDEM) }] },
        ],
      },
      folder,
      log.logger,
    );
    const service = new ConferenceService({
      registry,
      bindings: () => undefined,
      clock: Date.now,
      logger: log.logger,
    });
    const place = { platform: 'slack', channelId: 'C0GENERAL' } as const;

    // By its id (from the file) before its data was ever read; the year-less "fosdem" is enough.
    const rust = await service.ask("at FOSDEM, what's in the Rust devroom?", place);
    expect(rust.text).toMatch(/^The “Rust” track had 16 sessions on Sun 1 Feb/);
    // Now its data's own name is known too.
    expect(registry.names().find((names) => names.id === 'fosdem-2026')?.names).toContain('FOSDEM 2026');
    expect((await service.ask("what's in the Rust devroom at FOSDEM 2026?", place)).text).toMatch(
      /^The “Rust” track had 16 sessions/,
    );
    const unnamed = await service.ask("what's in the Rust devroom?", place);
    expect(unnamed.text).not.toContain('16 sessions');
    expect(unnamed.text).not.toContain('Sun 1 Feb');
  });
});
