// Replicas sharing a store refresh a live source once between them: the first to refresh fetches (holding the
// source's lock) and shares its copy; the others take that copy without asking the origin. Two LiveData, each with
// its own disk cache, stand for two replicas; the origin is a loopback server that counts its requests.
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LiveData } from '../../adapters/sources/live-data.ts';
import { openSqliteStore, type SqliteStore } from '../../adapters/store/sqlite-store.ts';
import { captureLogger } from '../helpers/capture-logger.ts';
import { MINI_CONF } from '../helpers/engines.ts';

const VERSION_1 = readFileSync(
  fileURLToPath(new URL('../fixtures/formats/mini-sched.ics', import.meta.url)),
  'utf8',
);
const VERSION_2 = VERSION_1.replace(
  'END:VCALENDAR',
  'BEGIN:VEVENT\r\nDTSTART:20270328T150000Z\r\nDTEND:20270328T153000Z\r\nSUMMARY:Late Addition: Ferry Scheduling - Nuno Vaz\\, Harbour Labs\r\nLOCATION:Room Azul\\, Lisbon\\, Portugal\r\nUID:a7\r\nEND:VEVENT\r\nEND:VCALENDAR',
);
const REFRESH_MS = 15 * 60_000;

let version = VERSION_1;
let hits = 0;
let delayMs = 0;
let server: Server;
let url = '';
let now = Date.parse('2027-03-26T12:00:00Z');
let store: SqliteStore;

beforeAll(async () => {
  server = createServer((_request, response) => {
    hits += 1;
    setTimeout(() => response.writeHead(200, { 'content-type': 'text/calendar' }).end(version), delayMs);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/all.ics`;
  store = openSqliteStore(join(mkdtempSync(join(tmpdir(), 'hallway-shared-src-')), 'hallway.db'));
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await store.close();
});

/** One replica: its own disk cache, the shared store. */
async function replica(): Promise<LiveData> {
  const opened = await LiveData.open({
    specs: [
      { kind: 'path', path: MINI_CONF },
      { kind: 'url', url, refreshMs: REFRESH_MS },
    ],
    cacheDir: mkdtempSync(join(tmpdir(), 'hallway-cache-')),
    logger: captureLogger().logger,
    now: () => now,
    timeoutMs: 2_000,
  });
  if (!opened.ok) throw new Error(opened.problems.join('\n'));
  opened.live.share({ copies: store.sources, withLock: (name, work) => store.withLock(name, work) });
  return opened.live;
}

const hasLateTalk = (live: LiveData) =>
  live.dataset().sessions.some((session) => session.title.startsWith('Late Addition'));

describe('a live source refreshed by replicas sharing a store', () => {
  it('is fetched by one replica and taken from the shared copy by the other', async () => {
    const [a, b] = [await replica(), await replica()];
    version = VERSION_2;
    now += REFRESH_MS;
    hits = 0;
    expect((await a.refresh(1)).kind).toBe('updated');
    expect((await b.refresh(1)).kind).toBe('updated');
    expect(hits).toBe(1);
    expect(hasLateTalk(a) && hasLateTalk(b)).toBe(true);
  });

  it('is fetched once when both refresh at the same moment; the one that waited takes the copy next time', async () => {
    const [a, b] = [await replica(), await replica()];
    version = VERSION_1;
    now += REFRESH_MS;
    hits = 0;
    delayMs = 200;
    const outcomes = await Promise.all([a.refresh(1), b.refresh(1)]);
    delayMs = 0;
    expect(hits).toBe(1);
    expect(outcomes.map((outcome) => outcome.kind).sort()).toEqual(['unchanged', 'updated']);
    const waited = outcomes[0]?.kind === 'unchanged' ? a : b;
    expect((await waited.refresh(1)).kind).toBe('updated');
    expect(hits).toBe(1);
    expect(hasLateTalk(a) || hasLateTalk(b)).toBe(false);
  });
});
