// Rate limits on every Discord question surface, through the real discord.js: the first refusal of a streak gets
// a friendly "slow down" (only the asker sees it where Discord allows), later ones nothing, and each is counted.
import { afterEach, describe, expect, it } from 'vitest';
import type { RateLimitConfig } from '../../adapters/shared/rate-limiter.ts';
import type { RecordedRequest } from './fake-discord.ts';
import { BOT_USER, CHANNEL_ID, DM_CHANNEL_ID } from './fake-discord-world.ts';
import { type Harness, startHarness } from './harness.ts';
import { interactionCreate, MENTION, messageCreate } from './payloads.ts';
import { testServices } from './services.ts';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const GRACE = { id: '400000000000000003', username: 'grace' } as const;
const LIMITS = (user: number, channel = 0): RateLimitConfig => ({
  user: { burst: user, perMinute: 1 },
  channel: { burst: channel, perMinute: 1 },
});

async function start(limits: RateLimitConfig, env: Record<string, string> = {}) {
  let rateLimited: Array<[string, string]> = [];
  harness = await startHarness({
    env,
    services: (logger) => {
      const built = testServices({ logger, limits });
      rateLimited = built.rateLimited;
      return built.services;
    },
  });
  return { h: harness, rateLimited: () => rateLimited };
}

const callback = (id: string) => (request: RecordedRequest) =>
  request.method === 'POST' && request.path.startsWith(`/api/v10/interactions/${id}/`);
const sentTo = (channel: string) => (request: RecordedRequest) =>
  request.method === 'POST' && request.path === `/api/v10/channels/${channel}/messages`;

describe('slash commands', () => {
  it('past the per-user burst: an ephemeral "slow down" once, then no answer at all, each counted', async () => {
    const { h, rateLimited } = await start(LIMITS(2));
    const ask = () => {
      const command = interactionCreate('command', 'ask', [{ name: 'question', value: 'what is HAMi?' }]);
      h.fake.dispatch('INTERACTION_CREATE', command);
      return command;
    };
    const [first, second, third, fourth] = [ask(), ask(), ask(), ask()];
    for (const answered of [first, second])
      expect(
        ((await h.fake.waitForRequest(callback(answered?.id ?? ''))).body as { type: number }).type,
      ).toBe(5);
    const slowDown = await h.fake.waitForRequest(callback(third?.id ?? ''));
    expect(slowDown.body).toEqual({
      type: 4,
      data: expect.objectContaining({
        content:
          "You're asking faster than I can keep up; give me about 60 seconds and ask again. (I'll stay quiet until then.)",
        flags: 64,
      }),
    });
    // Someone else is still answered; by then the fourth was handled, and dropped.
    const other = interactionCreate('command', 'help', [], { user: GRACE });
    h.fake.dispatch('INTERACTION_CREATE', other);
    await h.fake.waitForRequest(callback(other.id));
    expect(h.fake.requests.some(callback(fourth?.id ?? ''))).toBe(false);
    expect(rateLimited()).toEqual([
      ['discord', 'user'],
      ['discord', 'user'],
    ]);
    expect(
      h.logs
        .filter((line) => line.msg.startsWith('Discord: rate limited'))
        .map((line) => [line.level, line.msg]),
    ).toEqual([
      [30, 'Discord: rate limited; saying slow down'],
      [30, 'Discord: rate limited; dropped quietly'],
    ]);
  });

  it('a busy channel: the next person hears that the channel is busy', async () => {
    const { h, rateLimited } = await start(LIMITS(5, 1));
    h.fake.dispatch('INTERACTION_CREATE', interactionCreate('command', 'help', []));
    const other = interactionCreate('command', 'help', [], { user: GRACE });
    h.fake.dispatch('INTERACTION_CREATE', other);
    const reply = (await h.fake.waitForRequest(callback(other.id))).body as {
      data: { content: string; flags: number };
    };
    expect(reply.data.content).toMatch(/^This channel is very busy; give me about 60 seconds/);
    expect(reply.data.flags).toBe(64);
    expect(rateLimited()).toEqual([['discord', 'channel']]);
  });

  it('autocomplete does not use up anyone’s questions', async () => {
    const { h } = await start(LIMITS(1));
    for (const typed of ['s', 'sp', 'spe', 'spec']) {
      const typing = interactionCreate('autocomplete', 'vendor', [
        { name: 'name', value: typed, focused: true },
      ]);
      h.fake.dispatch('INTERACTION_CREATE', typing);
      expect(((await h.fake.waitForRequest(callback(typing.id))).body as { type: number }).type).toBe(8);
    }
    const command = interactionCreate('command', 'vendor', [{ name: 'name', value: 'Spectro Cloud' }]);
    h.fake.dispatch('INTERACTION_CREATE', command);
    expect(((await h.fake.waitForRequest(callback(command.id))).body as { type: number }).type).toBe(5);
  });
});

describe('mentions and DMs', () => {
  it.each([
    ['a mention in a channel', CHANNEL_ID, { mentions: [BOT_USER] }, MENTION],
    ['a DM', DM_CHANNEL_ID, { dm: true }, ''],
  ] as const)(
    '%s: past the burst, one reply says slow down, then silence',
    async (_what, channel, options, prefix) => {
      const { h, rateLimited } = await start(LIMITS(1), { DISCORD_MENTIONS: 'true' });
      const questions = [1, 2, 3].map(() => messageCreate(`${prefix} what is HAMi?`.trim(), options));
      for (const question of questions) h.fake.dispatch('MESSAGE_CREATE', question);
      await expect.poll(() => h.fake.requests.filter(sentTo(channel)).length).toBe(2);
      // A question from someone else is answered; by then the third was handled, and dropped.
      h.fake.dispatch(
        'MESSAGE_CREATE',
        messageCreate(`${prefix} help`.trim(), { ...options, author: GRACE }),
      );
      await expect.poll(() => h.fake.requests.filter(sentTo(channel)).length).toBe(3);
      const replies = h.fake.requests
        .filter(sentTo(channel))
        .map((r) => r.body as { content?: string; message_reference?: { message_id: string } });
      expect(replies[0]?.message_reference?.message_id).toBe(questions[0]?.id);
      expect(replies[1]).toMatchObject({
        content: expect.stringMatching(/^You're asking faster than I can keep up/),
        message_reference: { message_id: questions[1]?.id },
        allowed_mentions: { parse: [] },
      });
      expect(replies.some((r) => r.message_reference?.message_id === questions[2]?.id)).toBe(false);
      expect(rateLimited()).toEqual([
        ['discord', 'user'],
        ['discord', 'user'],
      ]);
    },
  );

  it('messages not for Hallway do not use up anyone’s questions', async () => {
    const { h } = await start(LIMITS(1), { DISCORD_MENTIONS: 'true' });
    for (let i = 0; i < 3; i++) h.fake.dispatch('MESSAGE_CREATE', messageCreate('just chatting'));
    const question = messageCreate(`${MENTION} what is HAMi?`, { mentions: [BOT_USER] });
    h.fake.dispatch('MESSAGE_CREATE', question);
    const reply = await h.fake.waitForRequest(sentTo(CHANNEL_ID));
    expect(JSON.stringify(reply.body)).toContain('HAMi is a sandbox CNCF project');
  });
});
