// A live refresh that moves a starred session: everyone who starred it gets one DM saying what changed (through
// the same LiveData listener `npm start` wires), and nobody else does; the reminder moves with the session.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgendaMessenger } from '../../adapters/agenda/agenda-messenger.ts';
import { createAgendaRuntime } from '../../adapters/agenda/agenda-runtime.ts';
import { LiveData } from '../../adapters/sources/live-data.ts';
import { openSqliteStore } from '../../adapters/store/sqlite-store.ts';
import { captureLogger } from '../helpers/capture-logger.ts';
import { MINI_CONF } from '../helpers/engines.ts';
import { eventually } from '../slack/fake-slack.ts';

const SCHEDULE = readFileSync(
  fileURLToPath(new URL('../fixtures/formats/mini-sched.ics', import.meta.url)),
  'utf8',
);
// The tiles talk moves two hours later.
const MOVED = SCHEDULE.replace(
  'DTSTART:20270327T140000Z\r\nDTEND:20270327T143000Z',
  'DTSTART:20270327T160000Z\r\nDTEND:20270327T163000Z',
);
const NOW = Date.parse('2027-03-26T12:00:00Z');
let body = SCHEDULE;
let server: Server;
let url = '';
const dir = mkdtempSync(join(tmpdir(), 'hallway-agenda-refresh-'));

beforeAll(async () => {
  server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/calendar' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/all.ics`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

describe('change notices after a live refresh', () => {
  it('DMs those who starred the moved session, once, and nobody else', async () => {
    const logger = captureLogger().logger;
    const opened = await LiveData.open({
      specs: [
        { kind: 'path', path: MINI_CONF },
        { kind: 'url', url, refreshMs: 0 },
      ],
      cacheDir: join(dir, 'cache'),
      logger,
      now: () => NOW,
      timeoutMs: 2_000,
    });
    if (!opened.ok) throw new Error(opened.problems.join('\n'));
    const { live } = opened;
    const sent: Array<{ userId: string; text: string }> = [];
    const messenger: AgendaMessenger = {
      platform: 'slack',
      async send({ userId }, answer) {
        sent.push({ userId, text: answer.text });
      },
    };
    const store = openSqliteStore(join(dir, 'hallway.db'));
    const agenda = createAgendaRuntime({
      store,
      engine: () => live.current(),
      messengers: () => [messenger],
      clock: () => NOW,
      logger,
    });
    live.onChange((report) => agenda.onChange(report));
    const idOf = (title: string) =>
      [...live.current().catalog.sessions.values()].find((session) => session.title.startsWith(title))?.id ??
      '';
    const tiles = idOf('Tiles, Glaze');
    await agenda.service.star({ platform: 'slack', userId: 'U0ANA' }, tiles);
    await agenda.service.star({ platform: 'slack', userId: 'U0BEN' }, idOf('Packing Sardines'));
    body = MOVED;
    expect((await live.refresh(1)).kind).toBe('updated');
    await eventually(() => (sent.length > 0 ? true : undefined), 'the change notice');
    await agenda.stop();
    await store.close();
    expect(sent.map((message) => message.userId)).toEqual(['U0ANA']);
    expect(sent[0]?.text).toContain('now Sat 27 Mar, 16:00–16:30 WET (was Sat 27 Mar, 14:00–14:30 WET)');
    live.stop();
  });
});
