// The index snapshot with a live URL source: a restart over the same fetched copy reads the index back, and a
// refresh that brought a new version saves that version's index for the next start.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveData } from '../../adapters/sources/live-data.ts';
import { SNAPSHOT_FILE } from '../../adapters/sources/snapshot-file.ts';
import { captureLogger } from '../helpers/capture-logger.ts';
import { MINI_SCHEDULE, openFileAndFeed, serveFeed } from '../helpers/mini-feed.ts';
import { snapshotLines } from './snapshot-lines.ts';

const VERSION_1 = MINI_SCHEDULE;
// Version 2: the first talk renamed.
const VERSION_2 = VERSION_1.replace(/SUMMARY:([^\r\n]*)/, 'SUMMARY:Renamed: $1');

let version: 1 | 2 = 1;
let feed: Awaited<ReturnType<typeof serveFeed>>;
const cacheDir = mkdtempSync(join(tmpdir(), 'hallway-url-snapshot-'));
const snapshot = join(cacheDir, SNAPSHOT_FILE);

beforeAll(async () => {
  feed = await serveFeed((_request, response) => {
    response
      .writeHead(200, { etag: `"v${version}"`, 'content-type': 'text/calendar' })
      .end(version === 1 ? VERSION_1 : VERSION_2);
  });
});

afterAll(async () => {
  await feed.close();
  rmSync(cacheDir, { recursive: true, force: true });
});

async function open() {
  const captured = captureLogger();
  const live = await openFileAndFeed(feed.url, cacheDir, captured.logger);
  return { live, snapshotLines: snapshotLines(captured) };
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
