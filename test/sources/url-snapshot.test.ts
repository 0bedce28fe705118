// The index snapshot with a live URL source: a restart over the same fetched copy reads the index back, and a
// refresh that brought a new version saves that version's index for the next start.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LiveData } from '../../adapters/sources/live-data.ts';
import { SNAPSHOT_FILE } from '../../adapters/sources/snapshot-file.ts';
import { captureLogger } from '../helpers/capture-logger.ts';
import { MINI_CONF } from '../helpers/engines.ts';
import { snapshotLines } from './snapshot-lines.ts';

const VERSION_1 = readFileSync(
  fileURLToPath(new URL('../fixtures/formats/mini-sched.ics', import.meta.url)),
  'utf8',
);
// Version 2: the first talk renamed.
const VERSION_2 = VERSION_1.replace(/SUMMARY:([^\r\n]*)/, 'SUMMARY:Renamed: $1');

let version: 1 | 2 = 1;
let server: Server;
let url = '';
const cacheDir = mkdtempSync(join(tmpdir(), 'hallway-url-snapshot-'));
const snapshot = join(cacheDir, SNAPSHOT_FILE);

beforeAll(async () => {
  server = createServer((_request, response) => {
    response
      .writeHead(200, { etag: `"v${version}"`, 'content-type': 'text/calendar' })
      .end(version === 1 ? VERSION_1 : VERSION_2);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/all.ics`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(cacheDir, { recursive: true, force: true });
});

async function open() {
  const captured = captureLogger();
  const opened = await LiveData.open({
    specs: [
      { kind: 'path', path: MINI_CONF },
      { kind: 'url', url, refreshMs: 0 },
    ],
    cacheDir,
    logger: captured.logger,
    now: () => Date.parse('2027-03-26T12:00:00Z'),
    // Generous: a loaded machine's loopback must not turn a healthy source into a failed refresh.
    timeoutMs: 5_000,
  });
  if (!opened.ok) throw new Error(opened.problems.join('\n'));
  return { live: opened.live, snapshotLines: snapshotLines(captured) };
}

const titles = (live: LiveData) => live.dataset().sessions.map((session) => session.title);

describe('the index snapshot with a URL source', () => {
  it('is read back by a restart over the same copy, and rewritten after a refresh brought a new one', async () => {
    const first = await open();
    const written = statSync(snapshot).ino;
    const again = await open();
    expect(again.snapshotLines).toEqual([]);
    expect(statSync(snapshot).ino).toBe(written);
    expect(again.live.current().ask('who is Ana Costa?')).toEqual(
      first.live.current().ask('who is Ana Costa?'),
    );

    version = 2;
    expect((await again.live.refresh(1)).kind).toBe('updated');
    expect(statSync(snapshot).ino).not.toBe(written);
    const renamed = titles(again.live).filter((title) => title.startsWith('Renamed: '));
    expect(renamed).toHaveLength(1);

    // The next start fetches version 2 and reads its index from the snapshot the refresh saved.
    const rewritten = statSync(snapshot).ino;
    const next = await open();
    expect(next.snapshotLines).toEqual([]);
    expect(statSync(snapshot).ino).toBe(rewritten);
    expect(titles(next.live)).toEqual(titles(again.live));
  });
});
