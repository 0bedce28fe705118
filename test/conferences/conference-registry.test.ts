// The conferences file is checked like the other configs, and the registry opens each conference on first use,
// keeps at most `maxLoaded` in memory (least recently used leave first, never the default), and counts sizes.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConferenceLoadError } from '../../adapters/conferences/conference-registry.ts';
import {
  parseConferencesConfig,
  readConferencesFile,
} from '../../adapters/conferences/conferences-config.ts';
import { captureLogger } from '../helpers/capture-logger.ts';
import { DEFAULT_DATASET, MINI_CONF } from '../helpers/engines.ts';
import { testRegistry } from './test-registry.ts';

const cacheDir = mkdtempSync(join(tmpdir(), 'hallway-conferences-'));

function registry(maxLoaded = 2) {
  const { registry: conferences, opened } = testRegistry(
    {
      maxLoaded,
      conferences: [
        { id: 'kubecon-eu-2026', name: 'KubeCon EU 2026', sources: [{ path: DEFAULT_DATASET }] },
        { id: 'mini-a', name: 'Mini A', sources: [{ path: MINI_CONF }] },
        { id: 'mini-b', name: 'Mini B', sources: [{ path: MINI_CONF }] },
        { id: 'broken', name: 'Broken', sources: [{ path: join(cacheDir, 'missing') }] },
      ],
    },
    cacheDir,
    captureLogger().logger,
  );
  return { conferences, opened };
}

describe('the conferences file', () => {
  it('takes the sources format of one conference, with an id and a name each; the first is the default', () => {
    const file = join(cacheDir, 'ok.json');
    writeFileSync(
      file,
      JSON.stringify({
        conferences: [
          {
            id: 'kubecon-eu-2026',
            name: 'KubeCon EU 2026',
            sources: [{ path: 'kubecon' }],
            timeZone: 'Europe/Amsterdam',
          },
          {
            id: 'fosdem-2026',
            name: 'FOSDEM 2026',
            sources: [{ url: 'https://fosdem.org/2026/schedule/xml' }],
          },
        ],
      }),
    );
    const loaded = readConferencesFile(file);
    if (loaded === undefined) throw new Error('not read as a conferences file');
    expect(loaded.ok && loaded.config.defaultId).toBe('kubecon-eu-2026');
    expect(loaded.ok && loaded.config.maxLoaded).toBe(3);
    // Paths are relative to the file, like a single conference's config.
    expect(loaded.ok && loaded.config.conferences[0]?.specs).toEqual([
      { kind: 'path', path: join(cacheDir, 'kubecon'), timeZone: 'Europe/Amsterdam' },
    ]);
    expect(loaded.ok && loaded.config.conferences[0]?.timeZone).toBe('Europe/Amsterdam');
  });

  it.each([
    [{ conferences: [] }, 'conferences: list at least one conference'],
    [
      { conferences: [{ id: 'Bad Id', name: 'X', sources: [{ path: 'x' }] }] },
      'conferences.0.id: must be lower-case',
    ],
    [
      {
        conferences: [
          { id: 'a', name: 'A', sources: [{ path: 'x' }] },
          { id: 'a', name: 'A again', sources: [{ path: 'y' }] },
        ],
      },
      'conferences.1.id: a is listed twice',
    ],
    [
      { default: 'b', conferences: [{ id: 'a', name: 'A', sources: [{ path: 'x' }] }] },
      'default: b is not one of',
    ],
    [
      { maxLoaded: 1, conferences: [{ id: 'a', name: 'A', sources: [{ path: 'x' }] }] },
      'maxLoaded: must be at least 2',
    ],
    [{ conferences: [{ id: 'a', sources: [{ path: 'x' }] }] }, 'conferences.0.name:'],
  ])('refuses %j, naming the field', (json, problem) => {
    const parsed = parseConferencesConfig(json, 'conferences.json');
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? [] : parsed.problems).toContainEqual(
      expect.stringContaining(`conferences.json: ${problem}`),
    );
  });
});

describe('the conference registry', () => {
  it('opens a conference on first use only, and once for questions that arrive together', async () => {
    const { conferences, opened } = registry();
    expect(conferences.peek('mini-a')).toBeUndefined();
    const [first, second] = await Promise.all([conferences.engine('mini-a'), conferences.engine('mini-a')]);
    expect(first).toBe(second);
    expect(opened).toEqual(['mini-a']);
    expect(first.catalog.conference.shortName).toBe('MiniConf');
  });

  it('keeps at most maxLoaded in memory: the least recently used leaves, never the default', async () => {
    const { conferences, opened } = registry(2);
    await conferences.engine('kubecon-eu-2026');
    await conferences.engine('mini-a');
    expect(conferences.sizes().map((size) => size.id)).toEqual(['kubecon-eu-2026', 'mini-a']);
    await conferences.engine('kubecon-eu-2026');
    await conferences.engine('mini-b');
    // mini-a was the least recently used that may leave; the default stays although it was used before mini-b.
    expect(conferences.sizes().map((size) => size.id)).toEqual(['kubecon-eu-2026', 'mini-b']);
    expect(conferences.evicted()).toBe(1);
    await conferences.engine('mini-a');
    expect(opened).toEqual(['kubecon-eu-2026', 'mini-a', 'mini-b', 'mini-a']);
  });

  it('does not drop a conference that a run is holding (a digest being posted)', async () => {
    const { conferences } = registry(2);
    await conferences.engine('kubecon-eu-2026');
    const held = await conferences.holding('mini-a', async (engine) => {
      await conferences.engine('mini-b');
      return engine().catalog.conference.name;
    });
    expect(held).toBe('Mini Conf 2027');
    expect(conferences.peek('mini-a')).toBeDefined();
    expect(conferences.sizes()).toHaveLength(3);
  });

  it("reports each loaded conference's size, and learns its names from its data", async () => {
    const { conferences } = registry();
    expect(conferences.names().find((names) => names.id === 'mini-a')?.names).toEqual(['mini-a', 'Mini A']);
    await conferences.engine('mini-a');
    expect(conferences.names().find((names) => names.id === 'mini-a')?.names).toEqual([
      'mini-a',
      'Mini A',
      'Mini Conf 2027',
      'MiniConf',
    ]);
    expect(conferences.label('mini-a')).toBe('MiniConf');
    expect(conferences.sizes()).toEqual([{ id: 'mini-a', sessions: 5, records: expect.any(Number) }]);
  });

  it('a conference whose data cannot be read is refused with the reason, and not kept', async () => {
    const { conferences } = registry();
    await expect(conferences.engine('broken')).rejects.toThrow(ConferenceLoadError);
    await expect(conferences.engine('broken')).rejects.toThrow(
      /the data for broken could not be loaded: .*missing/,
    );
    expect(conferences.sizes()).toEqual([]);
  });
});
