// A private feed's key (?key=…) or credentials (user:pass@) never reach answers, logs, reports, metrics or the cache.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRefreshes } from '../../adapters/ops/count-refreshes.ts';
import { HallwayMetrics } from '../../adapters/ops/metrics.ts';
import { LiveData } from '../../adapters/sources/live-data.ts';
import { specLabel } from '../../adapters/sources/source-spec.ts';
import { redactUrl } from '../../src/index.ts';
import { captureLogger } from '../helpers/capture-logger.ts';

const SCHEDULE = readFileSync(
  fileURLToPath(new URL('../fixtures/formats/mini-sched.ics', import.meta.url)),
  'utf8',
);
const KEY = 'k3y-0f-the-private-feed';
const PASSWORD = 'pa55-of-the-feed';
const BASIC = `Basic ${Buffer.from(`hallway:${PASSWORD}`).toString('base64')}`;

let mode: 'ok' | 'moved' | 'down' | 'garbage' = 'ok';
let server: Server;
let origin = '';
const cacheDir = mkdtempSync(join(tmpdir(), 'hallway-redact-'));

beforeAll(async () => {
  server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://x');
    const allowed =
      (url.pathname === '/feed/all.ics' && url.searchParams.get('key') === KEY) ||
      (url.pathname === '/private/all.ics' && request.headers.authorization === BASIC);
    if (!allowed) return response.writeHead(403).end('forbidden');
    if (mode === 'down') return response.writeHead(500).end('boom');
    if (mode === 'garbage') return response.writeHead(200).end('<html>maintenance</html>');
    const text = mode === 'ok' ? SCHEDULE : SCHEDULE.replace('Room Verde', 'Room Amarelo');
    response.writeHead(200, { 'content-type': 'text/calendar' }).end(text);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(cacheDir, { recursive: true, force: true });
});

describe('private source URLs', () => {
  it('the redaction keeps host and path only', () => {
    expect(redactUrl(`https://u:p@sched.example.com/all.ics?key=${KEY}#x`)).toBe('sched.example.com/all.ics');
    expect(redactUrl('/srv/data/all.ics')).toBe('/srv/data/all.ics');
    expect(specLabel({ kind: 'url', url: `http://${origin}/feed/all.ics?key=${KEY}`, refreshMs: 0 })).toBe(
      `${origin}/feed/all.ics`,
    );
  });

  it.each([
    ['a ?key= feed', () => `http://${origin}/feed/all.ics?key=${KEY}`, '/feed/all.ics'],
    ['a user:pass@ feed', () => `http://hallway:${PASSWORD}@${origin}/private/all.ics`, '/private/all.ics'],
  ])('%s loads, and its secret appears in no answer, log, report or metric', async (_what, url, path) => {
    mode = 'ok';
    const captured = captureLogger();
    const opened = await LiveData.open({
      specs: [{ kind: 'url', url: url(), refreshMs: 0 }],
      cacheDir,
      logger: captured.logger,
      now: () => Date.parse('2027-03-20T12:00:00Z'),
      timeoutMs: 2_000,
    });
    if (!opened.ok) throw new Error(opened.problems.join('\n'));
    const { live } = opened;
    const metrics = new HallwayMetrics({ processMetrics: false });
    countRefreshes(live, metrics);

    const answer = live.current().ask('when is lunch?');
    expect(answer.text).toMatch(/Sources: .*all\.ics/);
    mode = 'moved';
    expect((await live.refresh(0)).kind).toBe('updated');
    mode = 'garbage';
    expect((await live.refresh(0)).kind).toBe('kept');
    mode = 'down';
    expect((await live.refresh(0)).kind).toBe('kept');
    const reload = await live.reload();

    const logs = JSON.stringify(captured.lines());
    expect(logs).toContain(`${origin}${path}`);
    const everything = [
      answer.text,
      JSON.stringify(answer),
      logs,
      JSON.stringify(live.changeReports()),
      readFileSync(join(cacheDir, 'changes.jsonl'), 'utf8'),
      reload.problems.join('\n'),
      ...readdirSync(cacheDir).map((name) => readFileSync(join(cacheDir, name), 'utf8')),
      await metrics.text(),
    ].join('\n');
    expect(everything).not.toContain(KEY);
    expect(everything).not.toContain(PASSWORD);
    expect(reload.problems).toEqual([`${origin}${path}: HTTP 500 Internal Server Error`]);
  });
});
