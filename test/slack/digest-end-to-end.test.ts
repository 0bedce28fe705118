// The Slack digest end to end: subscribed over Socket Mode, posted at 08:00, never twice, never after a crash.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DigestPoster } from '../../adapters/digest/digest-poster.ts';
import { DigestScheduler } from '../../adapters/digest/digest-scheduler.ts';
import { DigestStore, type PostKey } from '../../adapters/digest/digest-store.ts';
import type { ChatAdapter } from '../../adapters/shared/chat-adapter.ts';
import { createSlackAdapterFactory } from '../../adapters/slack/slack-adapter.ts';
import { openDatabase, type SqliteDatabase } from '../../adapters/store/open-database.ts';
import { createEngine } from '../../src/index.ts';
import { BUSY_DAY, BUSY_DAY_0800, busyConference, busyTracks } from '../helpers/busy-conference.ts';
import { FAKE_SLACK_APP_TOKEN, FAKE_SLACK_BOT_TOKEN } from '../helpers/fake-credentials.ts';
import { blockTexts } from './block-texts.ts';
import { captureLogger } from './capture-logger.ts';
import {
  BOT,
  eventually,
  type FakeSlack,
  type FakeSocket,
  type Recorded,
  startFakeSlack,
} from './fake-slack.ts';
import { MORNING_ONLY, tempDatabase, testServices } from './services.ts';
import { slashCommand } from './slack-requests.ts';
import { acked, sendEnvelope } from './socket-envelopes.ts';

const TRACKS = 30;
const engine = createEngine(busyConference(TRACKS));
const log = captureLogger();
const database = tempDatabase();
let db: SqliteDatabase = database.db;
let fake: FakeSlack;
let adapter: ChatAdapter;
let now = BUSY_DAY_0800 - 60 * 60 * 1000;

const key = (channelId: string): PostKey => ({
  platform: 'slack',
  channelId,
  date: BUSY_DAY,
  kind: 'morning',
});
const postsTo = (channel: string): Recorded[] =>
  fake.callsTo('chat.postMessage').filter((call) => call.body.channel === channel);

function scheduler(store: DigestStore): DigestScheduler {
  return new DigestScheduler({
    store,
    engine: () => engine,
    posters: () =>
      [adapter.digestPoster?.()].filter((poster): poster is DigestPoster => poster !== undefined),
    schedule: MORNING_ONLY,
    clock: () => now,
    logger: log.logger,
    retry: { sleep: async () => {} },
  });
}

beforeAll(async () => {
  fake = await startFakeSlack();
  const { services } = testServices({
    store: new DigestStore(db),
    logger: log.logger,
    clock: () => now,
    admins: 'U0LEAD',
  });
  const factory = createSlackAdapterFactory({
    clientOptions: { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } },
    socket: { clientPingTimeout: 300 },
  });
  const plan = factory.plan({
    engine: () => engine,
    env: {
      SLACK_BOT_TOKEN: FAKE_SLACK_BOT_TOKEN,
      SLACK_APP_TOKEN: FAKE_SLACK_APP_TOKEN,
      SLACK_BOT_ID: BOT.botId,
      SLACK_BOT_USER_ID: BOT.userId,
    },
    logger: log.logger,
    services,
  });
  if (plan.kind !== 'start') throw new Error(`expected the Slack adapter to start: ${JSON.stringify(plan)}`);
  adapter = plan.adapter;
});

afterAll(async () => {
  await adapter?.stop();
  await fake?.close();
  db.close();
});

describe('the Slack digest, end to end (real Bolt over Socket Mode, SQLite on disk)', () => {
  it('offers a digest poster only once started', async () => {
    expect(adapter.digestPoster?.()).toBeUndefined();
    await adapter.start();
    expect(adapter.digestPoster?.()?.platform).toBe('slack');
  });

  it('an admin subscribes #digest with /hallway digest here, the evening before', async () => {
    const socket = fake.sockets[0] as FakeSocket;
    const command = {
      ...slashCommand('digest here', fake.responseUrl('e2e-sub')),
      user_id: 'U0LEAD',
      channel_id: 'C0DIGEST',
    };
    const id = sendEnvelope(socket, 'slash_commands', command);
    await eventually(() => acked(socket, id), 'ack of the command');
    const reply = await eventually(() => fake.callsTo('respond:e2e-sub')[0], 'the private reply');
    expect(reply.body.text).toMatch(/^<#C0DIGEST> will get the daily digest\./);
  });

  it('at 08:00 the subscribed channel gets the long day in several posts; a crashed claim is taken over, after looking for what it had posted', async () => {
    const store = new DigestStore(db);
    // Another channel whose 08:00 post a previous run claimed and then crashed before finishing.
    store.subscribe({ platform: 'slack', channelId: 'C0CRASH', createdBy: 'U0LEAD', createdAt: now });
    // Its lease ran out long ago: the process that held it is gone.
    expect(
      store.claim(key('C0CRASH'), BUSY_DAY_0800 - 10 * 60_000, { maxAttempts: 3, leaseMs: 60_000 }),
    ).toBeDefined();

    now = BUSY_DAY_0800 - 60_000;
    const first = scheduler(store);
    expect(await first.start()).toEqual([]);
    expect(fake.callsTo('chat.postMessage')).toEqual([]);

    now = BUSY_DAY_0800;
    const outcomes = await first.runDue();
    await first.stop();
    const byChannel = Object.fromEntries(outcomes.map((outcome) => [outcome.key.channelId, outcome]));
    expect(byChannel.C0CRASH?.kind).toBe('posted');
    expect(byChannel.C0DIGEST?.kind).toBe('posted');

    const posts = postsTo('C0DIGEST');
    expect(posts.length).toBeGreaterThanOrEqual(3);
    expect(store.post(key('C0DIGEST'))).toMatchObject({ state: 'posted', partsTotal: posts.length });
    for (const post of posts) expect((post.body.blocks as unknown[]).length).toBeLessThanOrEqual(50);
    const texts = posts.flatMap((post) => blockTexts(post.body.blocks));
    for (const track of busyTracks(TRACKS)) expect(texts).toContain(`*${track} (4)*`);
    expect(texts).toContain('*Keynotes*');

    // The dead run may have posted: the history is searched for its marked messages before anything goes out.
    const crashPosts = postsTo('C0CRASH');
    expect(crashPosts.length).toBe(posts.length);
    const looked = fake.callsTo('conversations.history').filter((call) => call.body.channel === 'C0CRASH');
    expect(looked.length).toBeGreaterThanOrEqual(1);
    expect(store.post(key('C0CRASH'))).toMatchObject({ state: 'posted', attempts: 2 });
  });

  it('after a restart on the same database file, nothing is posted again', async () => {
    const before = fake.callsTo('chat.postMessage').length;
    db.close();
    db = openDatabase(database.path);
    now = BUSY_DAY_0800 + 5 * 60_000;
    const restarted = scheduler(new DigestStore(db));
    const outcomes = await restarted.start();
    await restarted.stop();
    expect(outcomes.map((outcome) => [outcome.key.channelId, outcome.kind]).sort()).toEqual([
      ['C0CRASH', 'already'],
      ['C0DIGEST', 'already'],
    ]);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(before);
  });
});
