// Feeds cannot drive memory up: a size cap while streaming, one refresh at a time, no refetch of a known bad copy.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { LiveData } from '../../adapters/sources/live-data.ts';
import { captureLogger } from '../helpers/capture-logger.ts';

const SCHEDULE = readFileSync(
  fileURLToPath(new URL('../fixtures/formats/mini-sched.ics', import.meta.url)),
  'utf8',
);
const CAP = 64 * 1024;
const HUGE = 4 * 1024 * 1024;

type Mode = 'good' | 'streamed-huge' | 'declared-huge' | 'slow' | 'garbage';
let mode: Mode = 'good';
let server: Server;
let url = '';
/** What the server saw: requests, bodies sent in full, and the most requests it held at once. */
const seen = { requests: 0, fullBodies: 0, aborted: 0, open: 0, mostOpen: 0, ifNoneMatch: [] as string[] };
const cacheDir = mkdtempSync(join(tmpdir(), 'hallway-limits-'));

function streamHuge(response: ServerResponse, declare: boolean): void {
  response.writeHead(200, declare ? { 'content-length': String(HUGE) } : {});
  const chunk = Buffer.alloc(16 * 1024, 'x');
  let sent = 0;
  const pump = () => {
    while (sent < HUGE) {
      sent += chunk.length;
      if (!response.write(chunk)) return void response.once('drain', pump);
    }
    response.end();
  };
  response.on('close', () => {
    if (!response.writableFinished) seen.aborted += 1;
  });
  pump();
}

beforeAll(async () => {
  server = createServer((request, response) => {
    seen.requests += 1;
    seen.open += 1;
    seen.mostOpen = Math.max(seen.mostOpen, seen.open);
    response.on('close', () => {
      seen.open -= 1;
    });
    const ifNoneMatch = request.headers['if-none-match'];
    if (ifNoneMatch !== undefined) seen.ifNoneMatch.push(String(ifNoneMatch));
    if (mode === 'streamed-huge' || mode === 'declared-huge')
      return streamHuge(response, mode === 'declared-huge');
    if (mode === 'garbage') {
      if (ifNoneMatch === '"bad"') return response.writeHead(304).end();
      seen.fullBodies += 1;
      return response.writeHead(200, { etag: '"bad"' }).end('<html>maintenance</html>');
    }
    const send = () => {
      seen.fullBodies += 1;
      response.writeHead(200).end(SCHEDULE.replace('Room Verde', `Room ${seen.requests}`));
    };
    if (mode === 'slow') setTimeout(send, 150);
    else send();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/all.ics`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(cacheDir, { recursive: true, force: true });
});

async function open() {
  mode = 'good';
  const captured = captureLogger();
  const opened = await LiveData.open({
    specs: [{ kind: 'url', url, refreshMs: 0 }],
    cacheDir,
    logger: captured.logger,
    now: () => Date.parse('2027-03-17T12:00:00Z'),
    timeoutMs: 5_000,
    maxFeedBytes: CAP,
  });
  if (!opened.ok) throw new Error(opened.problems.join('\n'));
  return { live: opened.live, captured };
}

describe('feed limits', () => {
  it.each([
    ['streamed without a length', 'streamed-huge' as Mode],
    ['declaring its length', 'declared-huge' as Mode],
  ])('a body over the cap, %s, is abandoned and the last good copy kept', async (_what, huge) => {
    const { live, captured } = await open();
    const engine = live.current();
    const aborted = seen.aborted;
    mode = huge;
    const outcome = await live.refresh(0);
    expect(outcome).toMatchObject({ kind: 'kept', cause: 'too-large' });
    // The server hears of the abandoned download a moment later.
    await vi.waitFor(() => expect(seen.aborted).toBe(aborted + 1), { timeout: 10_000 });
    expect(live.current()).toBe(engine);
    expect(live.current().ask('when is lunch?').answered).toBe(true);
    const warning = captured
      .lines()
      .find((line) => line.msg === 'source refresh failed; keeping the last good data');
    expect(String(warning?.reason)).toContain('larger than the 65536 bytes limit');
  });

  it('refreshes run one at a time, and a second trigger joins the one queued', async () => {
    const { live } = await open();
    mode = 'slow';
    const before = { requests: seen.requests, mostOpen: seen.mostOpen };
    seen.mostOpen = 0;
    const first = live.refresh(0);
    const again = live.refresh(0);
    const reload = live.reload();
    expect(again).toBe(first);
    const [outcome] = await Promise.all([first, again, reload]);
    expect(outcome.kind).toBe('updated');
    expect(seen.requests - before.requests).toBe(2);
    expect(seen.mostOpen).toBe(1);
  });

  it('an invalid copy is remembered by its ETag: asked again, it is neither downloaded nor parsed twice', async () => {
    const { live, captured } = await open();
    mode = 'garbage';
    const fullBodies = seen.fullBodies;
    expect(await live.refresh(0)).toMatchObject({ kind: 'kept', cause: 'invalid' });
    expect(await live.refresh(0)).toMatchObject({ kind: 'kept', cause: 'invalid' });
    expect(seen.fullBodies - fullBodies).toBe(1);
    expect(seen.ifNoneMatch.at(-1)).toBe('"bad"');
    expect(
      captured
        .lines()
        .filter((line) => line.msg === 'refreshed source is invalid; keeping the last good data'),
    ).toHaveLength(1);
    mode = 'good';
    expect((await live.refresh(0)).kind).toBe('updated');
  });

  it('a cache that cannot be written costs the saved copy, not the refresh', async () => {
    const { live, captured } = await open();
    rmSync(cacheDir, { recursive: true, force: true });
    writeFileSync(cacheDir, 'a file where the cache folder was');
    mode = 'good';
    expect((await live.refresh(0)).kind).toBe('updated');
    expect(captured.lines().some((line) => line.msg === 'could not save the cached copy')).toBe(true);
    rmSync(cacheDir);
  });
});
