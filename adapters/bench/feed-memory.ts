// `node --import tsx adapters/bench/feed-memory.ts [MB]`: peak RSS while a refresh meets a huge feed on loopback.
// Not part of the unit suite: it allocates on purpose. Prints one JSON line.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { silentLogger } from '../shared/logger.ts';
import { LiveData } from '../sources/live-data.ts';

const MEGABYTES = Number(process.argv[2] ?? 100);
const SCHEDULE = readFileSync(
  fileURLToPath(new URL('../../test/fixtures/formats/mini-sched.ics', import.meta.url)),
  'utf8',
);
/** The fixture's own sessions stay in the huge feed, so it is a grown programme, not one that lost its sessions. */
const HEAD = SCHEDULE.replace(/END:VCALENDAR\s*$/, '');

/** A valid calendar of about `MEGABYTES`, streamed in chunks so the server itself holds little. */
function* hugeCalendar(): Generator<string> {
  yield HEAD;
  let sent = HEAD.length;
  for (let n = 0; sent < MEGABYTES * 1024 * 1024; n++) {
    // Both days of the fixture, like the real feed's.
    const day = 27 + (n % 2);
    const event = `BEGIN:VEVENT\r\nDTSTART:202703${day}T090000Z\r\nDTEND:202703${day}T093000Z\r\nSUMMARY:Session ${n} - Speaker ${n}\\, Company ${n % 500}\r\nLOCATION:Room ${n % 40}\\, Lisbon\r\nDESCRIPTION:${'A talk about things. '.repeat(8)}\r\nUID:huge-${n}\r\nEND:VEVENT\r\n`;
    sent += event.length;
    yield event;
  }
  yield 'END:VCALENDAR\r\n';
}

let huge = false;
const server = createServer((_request, response) => {
  if (!huge) return response.writeHead(200).end(SCHEDULE);
  response.writeHead(200, { 'content-type': 'text/calendar' });
  const events = hugeCalendar();
  const pump = () => {
    for (let next = events.next(); !next.done; next = events.next()) {
      if (!response.write(next.value)) return void response.once('drain', pump);
    }
    response.end();
  };
  response.on('close', () => events.return(undefined));
  pump();
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/all.ics`;
const cacheDir = mkdtempSync(join(tmpdir(), 'hallway-feed-memory-'));
const mb = (bytes: number) => Math.round(bytes / 1048576);

const opened = await LiveData.open({
  specs: [{ kind: 'url', url, refreshMs: 0 }],
  cacheDir,
  logger: silentLogger(),
  now: Date.now,
  timeoutMs: 120_000,
});
if (!opened.ok) throw new Error(opened.problems.join('\n'));
const beforeMb = mb(process.memoryUsage().rss);
huge = true;
const started = performance.now();
const outcome = await opened.live.refresh(0);
const seconds = Math.round((performance.now() - started) / 100) / 10;
const afterMb = mb(process.memoryUsage().rss);
// resourceUsage().maxRSS is the peak of the whole run, in KiB: it catches a peak inside a synchronous parse.
const peakMb = Math.round(process.resourceUsage().maxRSS / 1024);
process.stdout.write(
  `${JSON.stringify({ feedMB: MEGABYTES, outcome: outcome.kind, seconds, rssBeforeMB: beforeMb, peakRssMB: peakMb, rssAfterMB: afterMb, sessions: opened.live.dataset().sessions.length })}\n`,
);
server.close();
rmSync(cacheDir, { recursive: true, force: true });
