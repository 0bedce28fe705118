// Live sources against a loopback HTTP server whose schedule changes between requests.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LiveData } from '../../adapters/sources/live-data.ts';
import type { SourceSpec } from '../../adapters/sources/source-spec.ts';
import { captureLogger } from '../helpers/capture-logger.ts';
import { MINI_CONF } from '../helpers/engines.ts';

const VERSION_1 = readFileSync(
  fileURLToPath(new URL('../fixtures/formats/mini-sched.ics', import.meta.url)),
  'utf8',
);
// Version 2: the tiles talk moves to another room and hour, the sponsored demo is cancelled, a new talk appears.
const VERSION_2 = VERSION_1.replace(
  'DTSTART:20270327T140000Z\r\nDTEND:20270327T143000Z',
  'DTSTART:20270327T160000Z\r\nDTEND:20270327T163000Z',
)
  .replace('LOCATION:Room Verde\\, Lisbon', 'LOCATION:Room Amarelo\\, Lisbon')
  .replace(/BEGIN:VEVENT\r\n(?:(?!END:VEVENT).*\r\n)*UID:a6\r\n(?:(?!END:VEVENT).*\r\n)*END:VEVENT\r\n/, '')
  .replace(
    'END:VCALENDAR',
    'BEGIN:VEVENT\r\nDTSTART:20270328T150000Z\r\nDTEND:20270328T153000Z\r\nSUMMARY:Late Addition: Ferry Scheduling - Nuno Vaz\\, Harbour Labs\r\nLOCATION:Room Azul\\, Lisbon\\, Portugal\r\nUID:a7\r\nEND:VEVENT\r\nEND:VCALENDAR',
  );

type Mode = 'v1' | 'v2' | 'error' | 'garbage' | 'slow';
let mode: Mode = 'v1';
let requests: Array<{ ifNoneMatch?: string }> = [];
let server: Server;
let url = '';
const cacheDir = mkdtempSync(join(tmpdir(), 'hallway-cache-'));

beforeAll(async () => {
  server = createServer((request, response) => {
    const ifNoneMatch = request.headers['if-none-match'];
    requests.push(ifNoneMatch === undefined ? {} : { ifNoneMatch: String(ifNoneMatch) });
    if (mode === 'error') return response.writeHead(500).end('boom');
    if (mode === 'garbage') return response.writeHead(200, { etag: '"g"' }).end('<html>maintenance</html>');
    // Slower than any timeout the test sets; unref'd so that it never holds the run open.
    if (mode === 'slow') return void setTimeout(() => response.writeHead(200).end(VERSION_2), 60_000).unref();
    const etag = `"${mode}"`;
    if (ifNoneMatch === etag) return response.writeHead(304).end();
    response
      .writeHead(200, { etag, 'content-type': 'text/calendar' })
      .end(mode === 'v1' ? VERSION_1 : VERSION_2);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/all.ics`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(cacheDir, { recursive: true, force: true });
});

function specs(): SourceSpec[] {
  return [
    { kind: 'path', path: MINI_CONF },
    { kind: 'url', url, refreshMs: 0 },
  ];
}

async function open(captured = captureLogger()) {
  const opened = await LiveData.open({
    specs: specs(),
    cacheDir,
    logger: captured.logger,
    now: () => Date.parse('2027-03-26T12:00:00Z'),
    // Generous, so that a loaded machine's loopback answers in time; the slow source never answers at all.
    timeoutMs: 2_000,
  });
  if (!opened.ok) throw new Error(opened.problems.join('\n'));
  return { live: opened.live, captured };
}

const titles = (live: LiveData) => live.dataset().sessions.map((s) => s.title);

describe('live sources', () => {
  let live: LiveData;
  let captured: ReturnType<typeof captureLogger>;

  it('loads the URL once at start and merges it with the curated data', async () => {
    mode = 'v1';
    ({ live, captured } = await open());
    expect(titles(live)).toContain('Sponsored Demo: Shipping Faster - Without Tears');
    expect(live.current().ask('who is Ana Costa?').answered).toBe(true);
  });

  it('an unchanged source is asked with its ETag and answers 304: nothing to rebuild', async () => {
    requests = [];
    const engine = live.current();
    expect(await live.refresh(1)).toEqual({ kind: 'unchanged' });
    expect(requests).toEqual([{ ifNoneMatch: '"v1"' }]);
    expect(live.current()).toBe(engine);
  });

  it('a changed source swaps in a new engine and reports added, cancelled and moved sessions', async () => {
    mode = 'v2';
    const before = live.current();
    const outcome = await live.refresh(1);
    expect(outcome.kind).toBe('updated');
    if (outcome.kind !== 'updated') return;
    expect(outcome.report.added.map((s) => s.title)).toEqual(['Late Addition: Ferry Scheduling']);
    expect(outcome.report.cancelled.map((s) => s.title)).toEqual([
      'Sponsored Demo: Shipping Faster - Without Tears',
    ]);
    expect(outcome.report.moved.map((m) => [m.title, m.before.room, m.after.room, m.after.start])).toEqual([
      ['Tiles, Glaze & Golden Images', 'Room Verde', 'Room Amarelo', '2027-03-27T16:00:00+00:00'],
    ]);
    expect(live.current()).not.toBe(before);
    expect(live.current().ask('who is Nuno Vaz?').text).toContain('Late Addition: Ferry Scheduling');
    expect(live.changeReports()).toHaveLength(1);
    expect(readFileSync(join(cacheDir, 'changes.jsonl'), 'utf8')).toContain('Late Addition');
  });

  it.each([
    ['a 500', 'error' as Mode, /HTTP 500/],
    ['a garbage body', 'garbage' as Mode, /unknown format/],
    ['a response slower than the timeout', 'slow' as Mode, /no answer within 2000 ms/],
  ])('%s keeps the last good data and logs why', async (_what, failure, reason) => {
    mode = failure;
    const engine = live.current();
    const outcome = await live.refresh(1);
    expect(outcome.kind).toBe('kept');
    if (outcome.kind === 'kept') expect(outcome.reason).toMatch(reason);
    expect(live.current()).toBe(engine);
    expect(titles(live)).toContain('Late Addition: Ferry Scheduling');
    expect(captured.lines().some((line) => line.level === 40 && reason.test(String(line.reason)))).toBe(true);
  });

  it('a restart remembers the schedule changes, so the next digest still lists them', async () => {
    const restarted = await open();
    expect(restarted.live.changeReports()).toHaveLength(1);
    const { text } = restarted.live.current().digest({ date: '2027-03-27' });
    expect(text).toMatch(/Moved: “Tiles, Glaze & Golden Images”, now .*16:00.*Room Amarelo/);
    expect(text).toContain('Cancelled: “Sponsored Demo: Shipping Faster - Without Tears”');
  });

  it('an admin reload reads every source again, and one that fails keeps its last good copy', async () => {
    mode = 'error';
    const { live: reloaded } = await open();
    const outcome = await reloaded.reload();
    expect(outcome.problems).toEqual([expect.stringMatching(/all\.ics: .*HTTP 500/)]);
    expect(titles(reloaded)).toContain('Late Addition: Ferry Scheduling');
    expect(reloaded.current().ask('who is Nuno Vaz?').answered).toBe(true);
  });

  it('a restart without the network starts from the cached copy', async () => {
    mode = 'error';
    const restarted = await open();
    expect(titles(restarted.live)).toContain('Late Addition: Ferry Scheduling');
    expect(
      restarted.captured.lines().some((line) => line.msg === 'source unreachable; using the cached copy'),
    ).toBe(true);
  });
});
