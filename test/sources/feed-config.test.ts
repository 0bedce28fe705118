// The feed limits are set in the conference config file: checked with clear messages, and obeyed.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openData } from '../../adapters/shared/open-engine.ts';
import { loadConferenceConfig } from '../../adapters/sources/load-config.ts';
import { captureLogger } from '../helpers/capture-logger.ts';

const SCHEDULE = readFileSync(
  fileURLToPath(new URL('../fixtures/formats/mini-sched.ics', import.meta.url)),
  'utf8',
);
const EMPTY = `${SCHEDULE.split('BEGIN:VEVENT')[0]}END:VCALENDAR\r\n`;

let body = SCHEDULE;
let server: Server;
let url = '';
const dir = mkdtempSync(join(tmpdir(), 'hallway-feed-config-'));

beforeAll(async () => {
  server = createServer((_request, response) => response.writeHead(200).end(body));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/all.ics`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

function configFile(config: Record<string, unknown>): string {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify({ sources: [{ url }], ...config }));
  return file;
}

describe('feed limits in the config file', () => {
  it.each([
    [{ maxFeedBytes: 'lots' }, /maxFeedBytes: .*number/],
    [{ maxFeedBytes: 10 }, /maxFeedBytes: must be at least 1024 bytes/],
    [{ confirmShrinkAfter: 0 }, /confirmShrinkAfter: must be 1 \(take at once\) or more/],
    [{ confirmShrinkAfter: 2.5 }, /confirmShrinkAfter: must be a whole number of refreshes/],
  ])('%j is refused with a message naming the field', (config, message) => {
    const result = loadConferenceConfig(configFile(config));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.join('\n')).toMatch(message);
  });

  it('confirmShrinkAfter 1 takes a shrunken feed at once; maxFeedBytes caps the download', async () => {
    body = SCHEDULE;
    const opened = await openData({
      configFile: configFile({ confirmShrinkAfter: 1, maxFeedBytes: SCHEDULE.length + 100 }),
      cacheDir: join(dir, 'cache'),
      logger: captureLogger().logger,
    });
    if (!opened.ok) throw new Error(opened.problems.join('\n'));
    const { live } = opened;
    body = `${SCHEDULE}${' '.repeat(200)}`;
    expect(await live.refresh(0)).toMatchObject({ kind: 'kept', cause: 'too-large' });
    body = EMPTY;
    expect((await live.refresh(0)).kind).toBe('updated');
    expect(live.dataset().sessions).toHaveLength(0);
  });
});
