// A live URL source beside the mini conference file, as the refresh tests open it: the mini schedule's text, a
// loopback server for it, and LiveData over both.
import { readFileSync } from 'node:fs';
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Logger } from '../../adapters/shared/logger.ts';
import { LiveData } from '../../adapters/sources/live-data.ts';
import { MINI_CONF } from './engines.ts';

/** The mini conference's schedule as a Sched iCalendar feed serves it. */
export const MINI_SCHEDULE = readFileSync(
  fileURLToPath(new URL('../fixtures/formats/mini-sched.ics', import.meta.url)),
  'utf8',
);

/** A loopback server answering with `handler`, at the URL of a schedule feed. */
export async function serveFeed(handler: RequestListener): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/all.ics`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** LiveData over the mini conference file and the feed at `url`, refreshed only when asked. */
export async function openFileAndFeed(url: string, cacheDir: string, logger: Logger): Promise<LiveData> {
  const opened = await LiveData.open({
    specs: [
      { kind: 'path', path: MINI_CONF },
      { kind: 'url', url, refreshMs: 0 },
    ],
    cacheDir,
    logger,
    now: () => Date.parse('2027-03-26T12:00:00Z'),
    // Generous: a loaded machine's loopback must not turn a healthy source into a failed refresh.
    timeoutMs: 5_000,
  });
  if (!opened.ok) throw new Error(opened.problems.join('\n'));
  return opened.live;
}
