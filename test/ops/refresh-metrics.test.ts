// Source refreshes counted in the metrics, from a real LiveData against a loopback schedule server.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
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
import { MINI_CONF } from '../helpers/engines.ts';

const SCHEDULE = readFileSync(
  fileURLToPath(new URL('../fixtures/formats/mini-sched.ics', import.meta.url)),
  'utf8',
);
const MOVED = SCHEDULE.replace('LOCATION:Room Verde\\, Lisbon', 'LOCATION:Room Amarelo\\, Lisbon');

let version: 'first' | 'moved' | 'down' = 'first';
let server: Server;
let url = '';
const cacheDir = mkdtempSync(join(tmpdir(), 'hallway-ops-cache-'));

beforeAll(async () => {
  server = createServer((request, response) => {
    if (version === 'down') return response.writeHead(503).end('maintenance');
    const etag = `"${version}"`;
    if (request.headers['if-none-match'] === etag) return response.writeHead(304).end();
    response.writeHead(200, { etag }).end(version === 'first' ? SCHEDULE : MOVED);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/all.ics`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(cacheDir, { recursive: true, force: true });
});

describe('countRefreshes', () => {
  it('counts updated, unchanged and failed refreshes; a throwing listener changes nothing', async () => {
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
    const { live } = opened;
    const metrics = new HallwayMetrics({ processMetrics: false });
    countRefreshes(live, metrics);
    live.onRefresh(() => {
      throw new Error('a broken listener');
    });

    expect(await live.refresh(1)).toEqual({ kind: 'unchanged' });
    version = 'moved';
    expect((await live.refresh(1)).kind).toBe('updated');
    version = 'down';
    expect((await live.refresh(1)).kind).toBe('kept');

    const text = await metrics.text();
    expect(text).toContain(`${METRIC_NAMES.sourceRefreshes}{result="unchanged"} 1`);
    expect(text).toContain(`${METRIC_NAMES.sourceRefreshes}{result="updated"} 1`);
    expect(text).toContain(`${METRIC_NAMES.sourceRefreshes}{result="failed"} 1`);
    expect(text).toContain(`${METRIC_NAMES.sourceRefreshFailures}{reason="unreachable"} 1`);
    expect(captured.lines().filter((line) => line.msg === 'a refresh listener failed')).toHaveLength(3);
    expect(live.dataset().sessions.some((session) => session.room === 'Room Amarelo')).toBe(true);
  });
});
