// Two conferences in one Hallway, through real Bolt over Socket Mode: channels bound with /hallway use get their
// own conference's answers and digests; unbound channels get the default; a question may name a conference.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatAdapter } from '../../adapters/shared/chat-adapter.ts';
import { createSlackAdapterFactory } from '../../adapters/slack/slack-adapter.ts';
import { FAKE_SLACK_APP_TOKEN, FAKE_SLACK_BOT_TOKEN } from '../helpers/fake-credentials.ts';
import {
  KUBECON_DAY_0800,
  MINI_DAY_0800,
  type TwoConferences,
  twoConferences,
} from '../helpers/two-conferences.ts';
import { captureLogger } from './capture-logger.ts';
import { BOT, eventually, type FakeSlack, type FakeSocket, startFakeSlack } from './fake-slack.ts';
import { eventCallback, mentionEvent, shareClick, slashCommand } from './slack-requests.ts';
import { acked, sendEnvelope } from './socket-envelopes.ts';

const log = captureLogger();
let now = KUBECON_DAY_0800 - 24 * 60 * 60 * 1000;
let fake: FakeSlack;
let adapter: ChatAdapter;
let hallway: TwoConferences;
let commandCount = 0;
let eventCount = 0;

/** Runs `/hallway <text>` in a channel as a user; resolves with the private reply's text. */
async function command(text: string, channel: string, user = 'U0LEAD'): Promise<string> {
  commandCount += 1;
  const id = `conf-${commandCount}`;
  const socket = fake.sockets[0] as FakeSocket;
  const envelope = sendEnvelope(socket, 'slash_commands', {
    ...slashCommand(text, fake.responseUrl(id)),
    channel_id: channel,
    user_id: user,
  });
  await eventually(() => acked(socket, envelope), 'ack of the command');
  const reply = await eventually(() => fake.callsTo(`respond:${id}`)[0], `the reply to /hallway ${text}`);
  return String(reply.body.text);
}

/** Mentions Hallway in a channel; resolves with the text of its threaded answer. */
async function mention(text: string, channel: string): Promise<string> {
  eventCount += 1;
  const event = mentionEvent(text, { channel });
  const socket = fake.sockets[0] as FakeSocket;
  sendEnvelope(socket, 'events_api', eventCallback(event, `EvConf${eventCount}`));
  const post = await eventually(
    () => fake.callsTo('chat.postMessage').find((call) => call.body.thread_ts === event.ts),
    `the answer to "${text}"`,
  );
  return String(post.body.text);
}

function assertLoaded(): never {
  throw new Error('the default conference is always loaded');
}

const postsTo = (channel: string) =>
  fake
    .callsTo('chat.postMessage')
    .filter((call) => call.body.channel === channel && call.body.thread_ts === undefined);

beforeAll(async () => {
  fake = await startFakeSlack();
  hallway = await twoConferences({
    logger: log.logger,
    clock: () => now,
    admins: 'U0LEAD',
    posters: () => [adapter.digestPoster?.()].flatMap((poster) => poster ?? []),
  });
  const plan = createSlackAdapterFactory({
    clientOptions: { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } },
    socket: { clientPingTimeout: 300 },
  }).plan({
    // The default conference's engine, as `npm start` gives it (the default never leaves memory).
    engine: () => hallway.registry.peek(hallway.registry.defaultId) ?? assertLoaded(),
    ask: hallway.ask,
    env: {
      SLACK_BOT_TOKEN: FAKE_SLACK_BOT_TOKEN,
      SLACK_APP_TOKEN: FAKE_SLACK_APP_TOKEN,
      SLACK_BOT_ID: BOT.botId,
      SLACK_BOT_USER_ID: BOT.userId,
    },
    logger: log.logger,
    services: hallway.services,
  });
  if (plan.kind !== 'start') throw new Error(`expected the Slack adapter to start: ${JSON.stringify(plan)}`);
  adapter = plan.adapter;
  await adapter.start();
});

afterAll(async () => {
  await adapter?.stop();
  await hallway?.close();
  await fake?.close();
});

describe('two conferences in one Hallway on Slack', () => {
  it('only an admin binds a channel; an unknown id is refused with the list', async () => {
    expect(await command('use mini-conf', 'C0MINI', 'U0ALICE')).toContain(
      'Sorry, only workspace admins (or people in HALLWAY_ADMINS) can choose which conference <#C0MINI> answers about.',
    );
    expect(await command('use fosdem-2026', 'C0MINI')).toBe(
      'I do not know a conference "fosdem-2026". This Hallway serves: kubecon-eu-2026, mini-conf.',
    );
    expect(hallway.registry.peek('mini-conf')).toBeUndefined();
    expect(await command('use mini-conf', 'C0MINI')).toBe(
      '<#C0MINI> now answers about Mini Conf 2027 (mini-conf), and gets its digest.',
    );
  });

  it("lists the conferences, the default, this channel's and the bindings", async () => {
    const text = await command('conferences', 'C0MINI', 'U0ALICE');
    expect(text).toContain('• kubecon-eu-2026: KubeCon EU 2026 (default)');
    expect(text).toContain('• mini-conf: Mini Conf 2027 (this channel)');
    expect(text).toContain('• <#C0MINI>: mini-conf');
  });

  it('each channel answers from its own conference; the bound one is opened on first use', async () => {
    const mini = await mention('what rooms are there?', 'C0MINI');
    expect(mini).toContain('Room Azul');
    expect(mini).not.toContain('Hall 12');
    expect(hallway.registry.peek('mini-conf')).toBeDefined();
    const kube = await mention('what rooms are there?', 'C0KUBE');
    expect(kube).toContain('Hall 12');
    expect(kube).not.toContain('Room Azul');
  });

  it('a question naming a conference is answered from it, wherever it is asked', async () => {
    const named = await mention('at MiniConf, what rooms are there?', 'C0KUBE');
    expect(named).toContain('Room Azul');
    expect(await command('at KubeCon EU 2026, what rooms are there?', 'C0MINI', 'U0ALICE')).toContain(
      'Hall 12',
    );
  });

  it("sharing an answer to a question that named a conference shares that conference's answer", async () => {
    await command('at KubeCon EU 2026, what rooms are there?', 'C0MINI', 'U0ALICE');
    const reply = fake.callsTo(`respond:conf-${commandCount}`)[0];
    const value = JSON.stringify(reply?.body.blocks).match(/"value":"([^"]*)"/)?.[1];
    expect(value).toBe('at KubeCon EU 2026, what rooms are there?');
    const click = {
      ...shareClick(value ?? '', fake.responseUrl('conf-share')),
      channel: { id: 'C0MINI', name: 'mini' },
    };
    sendEnvelope(fake.sockets[0] as FakeSocket, 'interactive', click);
    const shared = await eventually(() => fake.callsTo('respond:conf-share')[0], 'the shared answer');
    expect(shared.body.response_type).toBe('in_channel');
    expect(String(shared.body.text)).toContain('Hall 12');
  });

  it("an admin's reload reads the channel's own conference again", async () => {
    expect(await command('reload', 'C0MINI')).toContain('Reloaded: 5 sessions;');
    expect(await command('reload', 'C0KUBE')).toContain('Reloaded: 14 sessions;');
  });

  it("each subscribed channel gets its own conference's digest, on that conference's day, in its zone", async () => {
    expect(await command('digest here', 'C0MINI')).toContain(
      "It follows this channel's conference, MiniConf.",
    );
    expect(await command('digest here', 'C0KUBE')).toContain(
      "It follows this channel's conference, KubeCon EU 2026.",
    );

    // KubeCon's last day, 08:01 in Amsterdam: its channel gets its digest; Mini Conf has nothing that day.
    now = KUBECON_DAY_0800 + 60_000;
    const first = await hallway.openDigests();
    await first.runtime.start();
    await first.close();
    expect(postsTo('C0MINI')).toEqual([]);
    const kube = postsTo('C0KUBE')
      .map((post) => String(post.body.text))
      .join('\n');
    expect(kube).toContain('KubeCon EU 2026');
    expect(kube).not.toContain('MiniConf');

    // A year later, 08:01 in Lisbon: Mini Conf's first day; only its channel gets a digest.
    now = MINI_DAY_0800 + 60_000;
    const kubePosts = postsTo('C0KUBE').length;
    const second = await hallway.openDigests();
    await second.runtime.start();
    await second.close();
    expect(postsTo('C0KUBE')).toHaveLength(kubePosts);
    const mini = postsTo('C0MINI')
      .map((post) => String(post.body.text))
      .join('\n');
    expect(mini).toContain('Sat 27 Mar at MiniConf');
    expect(mini).not.toContain('KubeCon');
  });
});
