// Rate limits on every Slack question surface, through the real Bolt: "slow down" once and privately, then quiet.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DigestStore } from '../../adapters/digest/digest-store.ts';
import { silentLogger } from '../../adapters/shared/logger.ts';
import { DEFAULT_DATASET, engineFor } from '../helpers/engines.ts';
import { type HttpSlack, startHttpSlack } from './http-harness.ts';
import { type TestServices, tempDatabase, testServices } from './services.ts';
import { directMessageEvent, mentionEvent } from './slack-requests.ts';

const engine = engineFor(DEFAULT_DATASET);
const { db } = tempDatabase();
let now = Date.parse('2026-03-24T10:00:00Z');
let harness: HttpSlack;
let built: TestServices;

beforeAll(async () => {
  built = testServices({
    store: new DigestStore(db),
    logger: silentLogger(),
    clock: () => now,
    // One question per person and three per channel, refilled one a minute: easy to trip on purpose.
    limits: { user: { burst: 1, perMinute: 1 }, channel: { burst: 3, perMinute: 1 } },
  });
  harness = await startHttpSlack({ engine: () => engine, services: built.services });
});

afterAll(async () => {
  await harness?.stop();
  db.close();
});

describe('Slack rate limits (real Bolt, HTTP mode)', () => {
  it('a mention over the limit gets one private "slow down" in the thread, then silence', async () => {
    const events = ['what is HAMi?', 'what is Perses?', 'what is a DPU?'].map((question) =>
      mentionEvent(question, { user: 'U0FAST', channel: 'C0ONE' }),
    );
    const outcomes = [];
    for (const event of events) outcomes.push(...(await harness.handled(() => harness.sendEvent(event))));
    expect(outcomes).toEqual([
      { kind: 'answered', surface: 'mention' },
      { kind: 'limited', surface: 'mention', scope: 'user', notified: true },
      { kind: 'limited', surface: 'mention', scope: 'user', notified: false },
    ]);
    expect(harness.postsIn(events[0]?.ts)).toHaveLength(1);
    expect(harness.postsIn(events[1]?.ts)).toHaveLength(0);
    expect(harness.postsIn(events[2]?.ts)).toHaveLength(0);
    const ephemeral = harness.fake.callsTo('chat.postEphemeral');
    expect(ephemeral).toHaveLength(1);
    expect(ephemeral[0]?.body).toMatchObject({ channel: 'C0ONE', user: 'U0FAST', thread_ts: events[1]?.ts });
    expect(ephemeral[0]?.body.text).toBe(
      "You're asking faster than I can keep up; give me about 60 seconds and ask again. (I'll stay quiet until then.)",
    );
    expect(built.limited).toEqual([
      { platform: 'slack', scope: 'user' },
      { platform: 'slack', scope: 'user' },
    ]);
    expect(harness.log.lines()).toContainEqual(
      expect.objectContaining({
        level: 30,
        msg: 'Slack request rate-limited',
        surface: 'mention',
        user: 'U0FAST',
        scope: 'user',
      }),
    );
  });

  it('a DM over the limit is told in the DM, once', async () => {
    const dm = (text: string) => directMessageEvent(text, { user: 'U0DMFAST', channel: 'D0DMFAST' });
    await harness.handled(() => harness.sendEvent(dm('what is HAMi?')));
    const limited = await harness.handled(async () => {
      await harness.sendEvent(dm('what is Perses?'));
      await harness.sendEvent(dm('what is a DPU?'));
    }, 2);
    expect(limited.map((outcome) => outcome.kind)).toEqual(['limited', 'limited']);
    const posts = harness.fake.callsTo('chat.postMessage').filter((call) => call.body.channel === 'D0DMFAST');
    expect(posts.map((post) => String(post.body.text))).toEqual([
      expect.stringContaining('HAMi'),
      expect.stringMatching(/^You're asking faster than I can keep up/),
    ]);
  });

  it('/hallway over the limit (questions and commands alike) gets a private "slow down", once', async () => {
    const fields = { user_id: 'U0CMDFAST', channel_id: 'C0THREE' };
    await harness.handled(() => harness.sendCommand('what is HAMi?', 'rl-1', fields));
    await harness.handled(() => harness.sendCommand('digest list', 'rl-2', fields));
    await harness.handled(() => harness.sendCommand('what is a DPU?', 'rl-3', fields));
    expect(harness.fake.callsTo('respond:rl-1')[0]?.body.text).toContain('HAMi');
    expect(harness.fake.callsTo('respond:rl-2')).toEqual([
      expect.objectContaining({
        body: expect.objectContaining({
          response_type: 'ephemeral',
          text: expect.stringContaining("You're asking faster than I can keep up"),
        }),
      }),
    ]);
    expect(harness.fake.callsTo('respond:rl-3')).toEqual([]);
    expect(harness.outcomes.at(-2)).toEqual({
      kind: 'limited',
      surface: 'subscription',
      scope: 'user',
      notified: true,
    });
  });

  it('a busy channel is limited as a whole, and the limit lifts as tokens come back', async () => {
    const ask = (user: string) => mentionEvent('what is HAMi?', { user, channel: 'C0BUSY' });
    const first = await harness.handled(async () => {
      for (const user of ['U0A', 'U0B', 'U0C', 'U0D']) await harness.sendEvent(ask(user));
    }, 4);
    expect(first.map((outcome) => outcome.kind)).toEqual(['answered', 'answered', 'answered', 'limited']);
    expect(first[3]).toMatchObject({ scope: 'channel', notified: true });
    expect(harness.fake.callsTo('chat.postEphemeral').at(-1)?.body.text).toMatch(
      /^This channel is very busy/,
    );
    now += 60_000;
    expect(await harness.handled(() => harness.sendEvent(ask('U0E')))).toEqual([
      { kind: 'answered', surface: 'mention' },
    ]);
  });
});
