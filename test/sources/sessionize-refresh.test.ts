// A Sessionize API URL as a live source: read with its zone, refreshed with a conditional GET, changes reported.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LiveData } from '../../adapters/sources/live-data.ts';
import type { SourceSpec } from '../../adapters/sources/source-spec.ts';
import { captureLogger } from '../helpers/capture-logger.ts';
import { MINI_CONF } from '../helpers/engines.ts';

/** A "Sessions" view with one talk; version 2 moves it to another room and adds a second one. */
function sessionsView(version: Version, date = '2026-10-03'): string {
  const talk = (id: string, title: string, room: string, hour: number) => ({
    id,
    title,
    description: 'A talk.',
    startsAt: `${date}T${hour}:00:00`,
    endsAt: `${date}T${hour}:45:00`,
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

/** 3: version 2 moved to the dates of Mini Conf 2027, another conference. */
type Version = 1 | 2 | 3;
let version: Version = 1;
let ifNoneMatch: Array<string | undefined> = [];
let server: Server;
let url = '';
const cacheDir = mkdtempSync(join(tmpdir(), 'hallway-sessionize-cache-'));

beforeAll(async () => {
  server = createServer((request, response) => {
    const etag = `"v${version}"`;
    ifNoneMatch.push(request.headers['if-none-match']);
    if (request.headers['if-none-match'] === etag) return response.writeHead(304).end();
    const body = version === 3 ? sessionsView(2, '2027-03-27') : sessionsView(version);
    response.writeHead(200, { etag, 'content-type': 'application/json' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v2/abc/view/Sessions`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(cacheDir, { recursive: true, force: true });
});

function open(timeZone?: string, withMiniConf = false) {
  const source: SourceSpec = {
    kind: 'url',
    url,
    refreshMs: 0,
    ...(timeZone === undefined ? {} : { timeZone }),
  };
  return LiveData.open({
    specs: withMiniConf ? [source, { kind: 'path', path: MINI_CONF }] : [source],
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

  it("a refresh that moves it to another conference's dates is kept out, naming both", async () => {
    // Starts clean: the copy cached by the test before belongs to the other dates.
    rmSync(cacheDir, { recursive: true, force: true });
    version = 3;
    const opened = await open('Europe/London', true);
    if (!opened.ok) throw new Error(opened.problems.join('\n'));
    version = 2;
    const outcome = await opened.live.refresh(0);
    expect(outcome.kind).toBe('kept');
    if (outcome.kind === 'kept')
      expect(outcome.reason).toMatch(
        /do not share any date.*(2026-10-03.*2027-03-27 to 2027-03-28|2027-03-27 to 2027-03-28.*2026-10-03)/,
      );
    expect(opened.live.dataset().conference.startDate).toBe('2027-03-27');
  });
});
