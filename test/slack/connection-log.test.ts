// Socket Mode outages in the log, through the real Bolt SocketModeReceiver: the drop, the reconnect, how long it took.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlackApp } from '../../adapters/slack/create-slack-app.ts';
import { DEFAULT_DATASET, engineFor } from '../helpers/engines.ts';
import { captureLogger } from './capture-logger.ts';
import { BOT, eventually, type FakeSlack, type FakeSocket } from './fake-slack.ts';
import { eventCallback, mentionEvent } from './slack-requests.ts';
import { acked, sendEnvelope } from './socket-envelopes.ts';
import { type SocketSlack, startSocketSlack } from './socket-harness.ts';

const engine = engineFor(DEFAULT_DATASET);
/** The client waits one ping timeout per failed attempt before reconnecting. */
const PING_TIMEOUT_MS = 300;
const log = captureLogger();
/** What the adapter told `npm start` about its connection, for /healthz. */
const connection: boolean[] = [];
let fake: FakeSlack;
let slack: SlackApp;
let harness: SocketSlack;

beforeAll(async () => {
  harness = await startSocketSlack({
    ids: { botId: BOT.botId, botUserId: BOT.userId },
    engine: () => engine,
    logger: log.logger,
    socket: { clientPingTimeout: PING_TIMEOUT_MS },
    onConnectionChange: (connected) => connection.push(connected),
  });
  ({ fake, slack } = harness);
});

afterAll(async () => {
  await harness?.stop();
});

const messages = (text: string) => log.lines().filter((line) => line.msg === text);

describe('Socket Mode connection log', () => {
  it('logs a dropped connection at warn, reconnects, and logs its return with the outage length', async () => {
    const first = fake.sockets[0] as FakeSocket;
    // The server side goes away without a close handshake, as a network failure would.
    first.socket.terminate();
    const second = await eventually(() => fake.sockets[1], 'a new connection', 5000);
    const back = await eventually(
      () => messages('Slack connection back (Socket Mode)')[0],
      'the "back" line',
    );
    const [lost] = messages('Slack connection lost (Socket Mode); reconnecting');
    expect(lost).toMatchObject({ level: 40 });
    expect(back).toMatchObject({ level: 30, attempts: 1 });
    expect(back.outageMs).toBeGreaterThanOrEqual(PING_TIMEOUT_MS - 50);
    expect(back.outageMs).toBeLessThan(15_000);
    expect(fake.callsTo('apps.connections.open')).toHaveLength(2);
    expect(connection.slice(0, 2)).toEqual([false, true]);
    // And it answers on the new socket.
    const event = mentionEvent('what is HAMi?');
    const id = sendEnvelope(second, 'events_api', eventCallback(event, 'EvLOG1'), { retry_attempt: 0 });
    await eventually(() => acked(second, id), 'ack on the new socket');
    await eventually(
      () => fake.callsTo('chat.postMessage').find((call) => call.body.thread_ts === event.ts),
      'an answer after reconnecting',
    );
  });

  it('a reconnect Slack asks for is routine: logged at info with its reason, not as an outage', async () => {
    const warningsBefore = messages('Slack connection lost (Socket Mode); reconnecting').length;
    const current = fake.sockets.at(-1) as FakeSocket;
    current.socket.send(JSON.stringify({ type: 'disconnect', reason: 'refresh_requested' }));
    await eventually(() => fake.sockets[fake.sockets.indexOf(current) + 1], 'the next connection', 5000);
    const back = await eventually(
      () =>
        messages('Slack connection back (Socket Mode)').find((line) => line.reason === 'refresh_requested'),
      'the "back" line for the refresh',
    );
    expect(back).toMatchObject({ level: 30 });
    expect(messages('Slack asked Hallway to reconnect (Socket Mode); reconnecting')).toEqual([
      expect.objectContaining({ level: 30, reason: 'refresh_requested' }),
    ]);
    expect(messages('Slack connection lost (Socket Mode); reconnecting')).toHaveLength(warningsBefore);
  });

  it('stopping on purpose is not logged as an outage', async () => {
    const before = log.lines().length;
    await slack.stop();
    const after = log.lines().slice(before);
    expect(after.filter((line) => String(line.msg).startsWith('Slack connection'))).toEqual([]);
    expect(after.filter((line) => String(line.msg).startsWith('Slack asked Hallway'))).toEqual([]);
  });
});
