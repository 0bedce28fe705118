// The Slack adapter in Socket Mode, through the real Bolt SocketModeReceiver and a loopback WebSocket fake.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../adapters/shared/logger.ts';
import type { Outcome } from '../../adapters/slack/request-guard.ts';
import { DEFAULT_DATASET, engineFor } from '../helpers/engines.ts';
import { BOT, eventually, type FakeSlack, type FakeSocket } from './fake-slack.ts';
import { eventCallback, mentionEvent, slashCommand } from './slack-requests.ts';
import { acked, sendEnvelope } from './socket-envelopes.ts';
import { type SocketSlack, startSocketSlack } from './socket-harness.ts';

const engine = engineFor(DEFAULT_DATASET);
const outcomes: Outcome[] = [];
let fake: FakeSlack;
let harness: SocketSlack;

beforeAll(async () => {
  // No ids: the app asks the fake's auth.test who it is.
  harness = await startSocketSlack({
    engine: () => engine,
    logger: silentLogger(),
    hooks: { onOutcome: (outcome) => outcomes.push(outcome) },
  });
  fake = harness.fake;
});

afterAll(async () => {
  await harness?.stop();
});

describe('Slack over Socket Mode (real Bolt SocketModeReceiver)', () => {
  it('opens the connection with apps.connections.open after auth.test, and connects on hello', () => {
    expect(fake.callsTo('auth.test')).toHaveLength(1);
    expect(fake.callsTo('apps.connections.open')).toHaveLength(1);
    expect(fake.sockets).toHaveLength(1);
  });

  it('acknowledges an events_api envelope and answers the mention in its thread', async () => {
    const socket = fake.sockets[0] as FakeSocket;
    const event = mentionEvent('who spoke about platform engineering?');
    const id = sendEnvelope(socket, 'events_api', eventCallback(event, 'EvSOCK1'), { retry_attempt: 0 });
    await eventually(() => acked(socket, id), 'ack over the socket');
    const post = await eventually(
      () => fake.callsTo('chat.postMessage').find((call) => call.body.thread_ts === event.ts),
      'threaded reply',
    );
    expect(post.body.text).toContain('Abby Bangser (Syntasso)');
  });

  it('does not answer a redelivered envelope (retry_attempt) twice', async () => {
    const socket = fake.sockets[0] as FakeSocket;
    const event = mentionEvent('what is HAMi?');
    const first = outcomes.length;
    sendEnvelope(socket, 'events_api', eventCallback(event, 'EvSOCK2'), { retry_attempt: 0 });
    expect(await eventually(() => outcomes[first], 'answer')).toEqual({
      kind: 'answered',
      surface: 'mention',
    });
    const seen = outcomes.length;
    const retry = sendEnvelope(socket, 'events_api', eventCallback(event, 'EvSOCK2'), {
      retry_attempt: 1,
      retry_reason: 'timeout',
    });
    await eventually(() => acked(socket, retry), 'ack of the retry');
    expect(await eventually(() => outcomes[seen], 'duplicate outcome')).toEqual({
      kind: 'duplicate',
      eventId: 'EvSOCK2',
      retryNum: 1,
    });
    expect(fake.callsTo('chat.postMessage').filter((call) => call.body.thread_ts === event.ts)).toHaveLength(
      1,
    );
  });

  it('acknowledges a slash command over the socket, then answers privately via response_url', async () => {
    const socket = fake.sockets[0] as FakeSocket;
    const id = sendEnvelope(
      socket,
      'slash_commands',
      slashCommand('who is Chad Beaudin?', fake.responseUrl('sock-cmd')),
    );
    await eventually(() => acked(socket, id), 'ack of the command');
    const reply = await eventually(() => fake.callsTo('respond:sock-cmd')[0], 'ephemeral reply');
    expect(reply.body.response_type).toBe('ephemeral');
    expect(reply.body.text).toContain('Chad Beaudin (Boeing)');
  });

  it('on "disconnect" closes the socket, reconnects with a new apps.connections.open, and keeps answering', async () => {
    const first = fake.sockets[0] as FakeSocket;
    first.socket.send(JSON.stringify({ type: 'disconnect', reason: 'refresh_requested' }));
    // The client closes the old socket (the fake completes the close handshake) and opens a new connection.
    await eventually(() => (first.closed ? true : undefined), 'old socket closed');
    const second = await eventually(() => fake.sockets[1], 'second connection', 5000);
    expect(fake.callsTo('apps.connections.open')).toHaveLength(2);
    const event = mentionEvent('what did Spectro Cloud announce?');
    const id = sendEnvelope(second, 'events_api', eventCallback(event, 'EvSOCK3'), { retry_attempt: 0 });
    await eventually(() => acked(second, id), 'ack on the new socket');
    const post = await eventually(
      () => fake.callsTo('chat.postMessage').find((call) => call.body.thread_ts === event.ts),
      'reply after reconnecting',
    );
    expect(post.body.text).toContain('Spectro Cloud announced');
    expect(BOT.userId).toBe('UHALLWAY');
  });
});
