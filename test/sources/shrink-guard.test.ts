// A refresh that loses most of the programme (an empty or cut feed) is refused until repeated or confirmed.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRefreshes } from '../../adapters/ops/count-refreshes.ts';
import { HallwayMetrics, METRIC_NAMES } from '../../adapters/ops/metrics.ts';
import { LiveData } from '../../adapters/sources/live-data.ts';
import { captureLogger } from '../helpers/capture-logger.ts';

const FULL = readFileSync(
  fileURLToPath(new URL('../fixtures/formats/mini-sched.ics', import.meta.url)),
  'utf8',
);
const EVENTS = FULL.split('BEGIN:VEVENT\r\n');
const HEAD = EVENTS[0] ?? '';
/** The feed with only these events (a1–a3 are on Saturday 27 March, a4–a6 on Sunday), closed correctly. */
const only = (...uids: string[]) =>
  `${[HEAD, ...EVENTS.slice(1).filter((e) => uids.some((uid) => e.includes(`UID:${uid}\r\n`)))]
    .join('BEGIN:VEVENT\r\n')
    .replace(/END:VCALENDAR\r?\n?$/, '')}END:VCALENDAR\r\n`;
const VERSIONS = {
  full: FULL,
  empty: only(),
  truncated: only('a1', 'a2'),
  'no-sunday': only('a1', 'a2', 'a3'),
  'one-cancelled': only('a1', 'a2', 'a3', 'a4', 'a5'),
} as const;
type Version = keyof typeof VERSIONS;

let version: Version = 'full';
let server: Server;
let url = '';
const dirs: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    const etag = `"${version}"`;
    if (request.headers['if-none-match'] === etag) return response.writeHead(304).end();
    response.writeHead(200, { etag, 'content-type': 'text/calendar' }).end(VERSIONS[version]);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/all.ics`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Ten days before the conference: both days are still to come. */
const NOW = Date.parse('2027-03-17T12:00:00Z');

async function open(cacheDir = mkdtempSync(join(tmpdir(), 'hallway-shrink-'))) {
  dirs.push(cacheDir);
  const captured = captureLogger();
  const opened = await LiveData.open({
    specs: [{ kind: 'url', url, refreshMs: 0 }],
    cacheDir,
    logger: captured.logger,
    now: () => NOW,
    timeoutMs: 2_000,
  });
  if (!opened.ok) throw new Error(opened.problems.join('\n'));
  const metrics = new HallwayMetrics({ processMetrics: false });
  countRefreshes(opened.live, metrics);
  const cachedBody = () => {
    const body = readdirSync(cacheDir).find((name) => name.endsWith('.body'));
    return body === undefined ? undefined : readFileSync(join(cacheDir, body), 'utf8');
  };
  return { live: opened.live, captured, metrics, cacheDir, cachedBody };
}

const sessions = (live: LiveData) => live.dataset().sessions.length;
const refusals = (captured: ReturnType<typeof captureLogger>) =>
  captured.lines().filter((line) => String(line.msg).startsWith('refresh refused'));

describe('a refresh that loses most of the programme', () => {
  it('an empty calendar is refused: answers, the cached copy, the change reports and the digest stay', async () => {
    version = 'full';
    const { live, captured, metrics, cacheDir, cachedBody } = await open();
    const engine = live.current();
    version = 'empty';

    const outcome = await live.refresh(0);

    expect(outcome).toMatchObject({
      kind: 'refused',
      shrink: { reason: 'lost-most-sessions', before: 6, after: 0 },
    });
    expect(live.current()).toBe(engine);
    expect(live.current().ask('when is lunch?').answered).toBe(true);
    expect(cachedBody()).toBe(FULL);
    expect(live.changeReports()).toEqual([]);
    expect(existsSync(join(cacheDir, 'changes.jsonl'))).toBe(false);
    const digest = live.current().digest({ date: '2027-03-28' }).text;
    expect(digest).toContain('Tidewater Updates');
    expect(digest).not.toContain('Cancelled');
    expect(refusals(captured)).toEqual([
      expect.objectContaining({ level: 40, source: url.replace('http://', ''), before: 6, after: 0 }),
    ]);
    expect(await metrics.text()).toContain(
      `${METRIC_NAMES.sourceRefreshFailures}{reason="lost-most-sessions"} 1`,
    );
  });

  it.each([
    ['a feed cut short and closed correctly', 'truncated' as Version, 'lost-most-sessions'],
    ['a feed without any session of a day still to come', 'no-sunday' as Version, 'lost-a-day'],
  ])('%s is refused too', async (_what, shrunk, reason) => {
    version = 'full';
    const { live, metrics } = await open();
    version = shrunk;
    expect(await live.refresh(0)).toMatchObject({ kind: 'refused', shrink: { reason } });
    expect(sessions(live)).toBe(6);
    expect(await metrics.text()).toContain(`${METRIC_NAMES.sourceRefreshFailures}{reason="${reason}"} 1`);
  });

  it('an ordinary cancellation is taken at once', async () => {
    version = 'full';
    const { live } = await open();
    version = 'one-cancelled';
    const outcome = await live.refresh(0);
    expect(outcome.kind === 'updated' && outcome.report.cancelled.map((s) => s.title)).toEqual([
      'Sponsored Demo: Shipping Faster - Without Tears',
    ]);
  });

  it('the same shrunken version on three refreshes in a row is taken, and only then reported', async () => {
    version = 'full';
    const { live, cachedBody, captured } = await open();
    version = 'empty';
    expect((await live.refresh(0)).kind).toBe('refused');
    expect((await live.refresh(0)).kind).toBe('refused');
    expect(sessions(live)).toBe(6);
    const third = await live.refresh(0);
    expect(third.kind === 'updated' && third.report.cancelled).toHaveLength(6);
    expect(sessions(live)).toBe(0);
    expect(cachedBody()).toBe(VERSIONS.empty);
    expect(refusals(captured).map((line) => line.seen)).toEqual([1, 2]);
  });

  it('the good version in between starts the count again', async () => {
    version = 'full';
    const { live } = await open();
    for (const [next, kind] of [
      ['empty', 'refused'],
      ['empty', 'refused'],
      ['full', 'unchanged'],
      ['empty', 'refused'],
      ['empty', 'refused'],
    ] as const) {
      version = next;
      expect((await live.refresh(0)).kind).toBe(kind);
    }
    expect(sessions(live)).toBe(6);
  });

  it('an admin reload confirms a version already held back; one it sees first is only held', async () => {
    version = 'full';
    const { live } = await open();
    version = 'empty';
    const first = await live.reload();
    expect(first.report.cancelled).toEqual([]);
    expect(first.problems).toEqual([
      expect.stringMatching(/all\.ics: refused a version with 0 sessions, down from 6 .*reload again/),
    ]);
    expect(sessions(live)).toBe(6);
    const second = await live.reload();
    expect(second.problems).toEqual([]);
    expect(second.report.cancelled).toHaveLength(6);
    expect(sessions(live)).toBe(0);
  });

  it('a restart during the glitch starts from the cached copy, not from the empty feed', async () => {
    version = 'full';
    const { cacheDir } = await open();
    version = 'empty';
    const restarted = await open(cacheDir);
    expect(sessions(restarted.live)).toBe(6);
    expect(refusals(restarted.captured)).toHaveLength(1);
    expect(restarted.cachedBody()).toBe(FULL);
  });
});
