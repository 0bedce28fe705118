// "Questions are never logged", even at debug level: Bolt, the Web API client and Socket Mode log request bodies
// and envelopes there, and Hallway's Bolt logger withholds them. Real Bolt over Socket Mode, a captured pino logger.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DATASET, engineFor } from '../helpers/engines.ts';
import { captureLogger } from './capture-logger.ts';
import { eventually, type FakeSlack, type FakeSocket } from './fake-slack.ts';
import { eventCallback, mentionEvent, slashCommand } from './slack-requests.ts';
import { acked, sendEnvelope } from './socket-envelopes.ts';
import { type SocketSlack, startSocketSlack } from './socket-harness.ts';

/** Words no answer or log would contain unless the question itself was logged. */
const SECRET = 'zebulon quargle';
const engine = engineFor(DEFAULT_DATASET);
const log = captureLogger('debug');
let harness: SocketSlack;
let fake: FakeSlack;

beforeAll(async () => {
  harness = await startSocketSlack({ engine: () => engine, logger: log.logger });
  fake = harness.fake;
});

afterAll(async () => {
  await harness?.stop();
});

describe('Slack logs at debug level', () => {
  it('never contain the question, from a mention or a /hallway command, while still logging at debug', async () => {
    const socket = fake.sockets[0] as FakeSocket;
    const event = mentionEvent(`who spoke about ${SECRET}?`);
    const mention = sendEnvelope(socket, 'events_api', eventCallback(event, 'EvQUIET1'));
    await eventually(() => acked(socket, mention), 'ack of the mention');
    await eventually(
      () => fake.callsTo('chat.postMessage').find((call) => call.body.thread_ts === event.ts),
      'the answer in the thread',
    );
    const command = sendEnvelope(
      socket,
      'slash_commands',
      slashCommand(`what is ${SECRET}?`, fake.responseUrl('quiet')),
    );
    await eventually(() => acked(socket, command), 'ack of the command');
    await eventually(() => fake.callsTo('respond:quiet')[0], 'the private answer');

    const lines = log.lines();
    // The libraries did log at debug (bodies withheld), so the test would see a leak if there were one.
    expect(
      lines.filter((line) => line.level === 20 && line.component === 'slack-bolt').length,
    ).toBeGreaterThan(5);
    const leaks = lines.filter((line) => JSON.stringify(line).toLowerCase().includes('quargle'));
    expect(leaks).toEqual([]);
    expect(JSON.stringify(lines)).toContain('withheld');
  });
});
