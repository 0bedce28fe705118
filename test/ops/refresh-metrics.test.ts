// Source refreshes counted in the metrics, from a real LiveData against a loopback schedule server.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRefreshes } from '../../adapters/ops/count-refreshes.ts';
import { HallwayMetrics, METRIC_NAMES } from '../../adapters/ops/metrics.ts';
import { captureLogger } from '../helpers/capture-logger.ts';
import { MINI_SCHEDULE, openFileAndFeed, serveFeed } from '../helpers/mini-feed.ts';

const SCHEDULE = MINI_SCHEDULE;
const MOVED = SCHEDULE.replace('LOCATION:Room Verde\\, Lisbon', 'LOCATION:Room Amarelo\\, Lisbon');

let version: 'first' | 'moved' | 'down' = 'first';
let feed: Awaited<ReturnType<typeof serveFeed>>;
const cacheDir = mkdtempSync(join(tmpdir(), 'hallway-ops-cache-'));

beforeAll(async () => {
  feed = await serveFeed((request, response) => {
    if (version === 'down') return response.writeHead(503).end('maintenance');
    const etag = `"${version}"`;
    if (request.headers['if-none-match'] === etag) return response.writeHead(304).end();
    response.writeHead(200, { etag }).end(version === 'first' ? SCHEDULE : MOVED);
  });
});

afterAll(async () => {
  await feed.close();
  rmSync(cacheDir, { recursive: true, force: true });
});

describe('countRefreshes', () => {
  it('counts updated, unchanged and failed refreshes; a throwing listener changes nothing', async () => {
    const captured = captureLogger();
    const live = await openFileAndFeed(feed.url, cacheDir, captured.logger);
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
