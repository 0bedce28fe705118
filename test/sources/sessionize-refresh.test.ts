// A Sessionize API URL as a live source: read with its zone, refreshed with a conditional GET, changes reported.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LiveData } from '../../adapters/sources/live-data.ts';
import { captureLogger } from '../helpers/capture-logger.ts';

/** A "Sessions" view with one talk; version 2 moves it to another room and adds a second one. */
function sessionsView(version: 1 | 2): string {
  const talk = (id: string, title: string, room: string, hour: number) => ({
    id,
    title,
    description: 'A talk.',
    startsAt: `2026-10-03T${hour}:00:00`,
    endsAt: `2026-10-03T${hour}:45:00`,
    isServiceSession: false,
    isPlenumSession: false,
    speakers: [{ id: `speaker-${id}`, name: `Speaker ${id}` }],
    categories: [],
    roomId: room.length,
    room,
  });
  const sessions =
    version === 1
      ? [talk('1', 'Governing Copilot agents', 'Moncreiff 1', 10)]
      : [
          talk('1', 'Governing Copilot agents', 'Cap & Thistle', 10),
          talk('2', 'Fabric for analysts', 'Moncreiff 2', 11),
        ];
  return JSON.stringify([{ groupId: null, groupName: 'All', sessions }]);
}

let version: 1 | 2 = 1;
let ifNoneMatch: Array<string | undefined> = [];
let server: Server;
let url = '';
const cacheDir = mkdtempSync(join(tmpdir(), 'hallway-sessionize-cache-'));

beforeAll(async () => {
  server = createServer((request, response) => {
    const etag = `"v${version}"`;
    ifNoneMatch.push(request.headers['if-none-match']);
    if (request.headers['if-none-match'] === etag) return response.writeHead(304).end();
    response.writeHead(200, { etag, 'content-type': 'application/json' }).end(sessionsView(version));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v2/abc/view/Sessions`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(cacheDir, { recursive: true, force: true });
});

function open(timeZone?: string) {
  return LiveData.open({
    specs: [{ kind: 'url', url, refreshMs: 0, ...(timeZone === undefined ? {} : { timeZone }) }],
    cacheDir,
    logger: captureLogger().logger,
    now: () => Date.parse('2026-09-01T12:00:00Z'),
    timeoutMs: 1_000,
  });
}

describe('a Sessionize URL source', () => {
  it('without a zone is refused at start, as a usage problem', async () => {
    const opened = await open();
    expect(opened.ok).toBe(false);
    if (opened.ok) return;
    expect(opened.needsTimeZone).toBe(true);
    expect(opened.problems[0]).toContain('pass --time-zone ZONE');
  });

  it('with its zone: loaded, refreshed with its ETag, and a moved room reported', async () => {
    version = 1;
    const opened = await open('Europe/London');
    if (!opened.ok) throw new Error(opened.problems.join('\n'));
    const live = opened.live;
    expect(live.dataset().sessions[0]).toMatchObject({
      room: 'Moncreiff 1',
      start: '2026-10-03T10:00:00+01:00',
    });
    ifNoneMatch = [];
    expect(await live.refresh(0)).toEqual({ kind: 'unchanged' });
    expect(ifNoneMatch).toEqual(['"v1"']);
    version = 2;
    const outcome = await live.refresh(0);
    expect(outcome.kind).toBe('updated');
    if (outcome.kind !== 'updated') return;
    expect(outcome.report.added.map((session) => session.title)).toEqual(['Fabric for analysts']);
    expect(outcome.report.moved.map((move) => [move.before.room, move.after.room])).toEqual([
      ['Moncreiff 1', 'Cap & Thistle'],
    ]);
  });
});
