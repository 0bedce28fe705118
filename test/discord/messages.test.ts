// Mentions and DMs through the real discord.js: who is answered, how the reply is addressed, and who is ignored.
import { afterEach, describe, expect, it } from 'vitest';
import { APOLOGY } from '../../adapters/discord/interactions.ts';
import type { Engine } from '../../src/index.ts';
import type { RecordedRequest } from './fake-discord.ts';
import {
  BOT_ROLE_ID,
  BOT_USER,
  CHANNEL_ID,
  DM_CHANNEL_ID,
  NO_EMBED_PERMISSIONS,
  OTHER_BOT,
} from './fake-discord-world.ts';
import { type Harness, type HarnessOptions, kubeconEngine, startHarness } from './harness.ts';
import { MENTION, type MessageOptions, messageCreate } from './payloads.ts';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

type Sent = {
  content?: string;
  embeds?: { title?: string; description?: string; fields?: { value: string }[] }[];
  message_reference?: { message_id: string; fail_if_not_exists?: boolean };
  allowed_mentions?: unknown;
};

const sentTo = (channel: string) => (request: RecordedRequest) =>
  request.method === 'POST' && request.path === `/api/v10/channels/${channel}/messages`;

function text(body: Sent): string {
  return [
    body.content ?? '',
    ...(body.embeds ?? []).flatMap((e) => [e.title, e.description, ...(e.fields ?? []).map((f) => f.value)]),
  ].join('\n');
}

async function start(options: HarnessOptions = {}): Promise<Harness> {
  harness = await startHarness({ ...options, env: { DISCORD_MENTIONS: 'true', ...options.env } });
  return harness;
}

/** Sends `message`, then a mention that is answered; resolves with every reply sent by then. */
async function repliesAfter(h: Harness, content: string, options: MessageOptions): Promise<Sent[]> {
  const ignored = messageCreate(content, options);
  h.fake.dispatch('MESSAGE_CREATE', ignored);
  const marker = messageCreate(`${MENTION} help`, { mentions: [BOT_USER] });
  h.fake.dispatch('MESSAGE_CREATE', marker);
  await h.fake.waitForRequest(
    (r) => sentTo(CHANNEL_ID)(r) && (r.body as Sent).message_reference?.message_id === marker.id,
  );
  return h.fake.requests
    .filter((r) => r.method === 'POST' && r.path.endsWith('/messages'))
    .map((r) => r.body as Sent);
}

describe('mentions in a server channel (DISCORD_MENTIONS=true)', () => {
  it('are answered with a reply to the message that pings nobody', async () => {
    const h = await start();
    const question = messageCreate(`${MENTION} where is the Agones keynote?`, { mentions: [BOT_USER] });
    h.fake.dispatch('MESSAGE_CREATE', question);
    const reply = await h.fake.waitForRequest(sentTo(CHANNEL_ID));
    const body = reply.body as Sent;
    expect(body.message_reference).toEqual({ message_id: question.id, fail_if_not_exists: false });
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(body.embeds?.length).toBeGreaterThan(0);
    expect(text(body)).toContain('Hall 12');
    expect(reply.status).toBe(200);
  });

  it('read a follow-up in the same channel against the previous answer', async () => {
    const h = await start();
    const first = messageCreate(`${MENTION} who gave the Agones keynote?`, { mentions: [BOT_USER] });
    h.fake.dispatch('MESSAGE_CREATE', first);
    await h.fake.waitForRequest(sentTo(CHANNEL_ID));
    const followUp = messageCreate(`${MENTION} when is it?`, { mentions: [BOT_USER] });
    h.fake.dispatch('MESSAGE_CREATE', followUp);
    const reply = await h.fake.waitForRequest(
      (r) => sentTo(CHANNEL_ID)(r) && (r.body as Sent).message_reference?.message_id === followUp.id,
    );
    expect(text(reply.body as Sent)).toContain('09:29');
  });

  it('through the bot’s own role are answered too, the role mention removed from the question', async () => {
    const h = await start();
    const question = messageCreate(`<@&${BOT_ROLE_ID}> who is Chad Beaudin?`, {
      mentionRoles: [BOT_ROLE_ID],
    });
    h.fake.dispatch('MESSAGE_CREATE', question);
    const reply = await h.fake.waitForRequest(sentTo(CHANNEL_ID));
    expect(text(reply.body as Sent)).toContain('Chad Beaudin (Boeing)');
  });

  it('with no question get the help text', async () => {
    const h = await start();
    h.fake.dispatch('MESSAGE_CREATE', messageCreate(MENTION, { mentions: [BOT_USER] }));
    const reply = await h.fake.waitForRequest(sentTo(CHANNEL_ID));
    expect((reply.body as Sent).embeds?.[0]?.title).toBe('What Hallway can answer');
  });

  it('@everyone and @here are not a mention of the bot', async () => {
    const h = await start();
    const replies = await repliesAfter(h, '@everyone who spoke about GPU sharing?', {
      mentionEveryone: true,
    });
    expect(replies).toHaveLength(1);
    const more = await repliesAfter(h, '@here what is HAMi?', { mentionEveryone: true });
    expect(more).toHaveLength(2);
  });

  it('messages from bots, and messages that do not mention Hallway, are ignored', async () => {
    const h = await start();
    expect(
      await repliesAfter(h, `${MENTION} help`, { author: OTHER_BOT, mentions: [BOT_USER] }),
    ).toHaveLength(1);
    expect(await repliesAfter(h, 'who spoke about GPU sharing?', {})).toHaveLength(2);
  });

  it('echo no ping and forge no link from the question', async () => {
    const h = await start();
    h.fake.dispatch(
      'MESSAGE_CREATE',
      messageCreate(
        `${MENTION} who spoke about [free](https://evil.example) @everyone <@400000000000000002>?`,
        {
          mentions: [BOT_USER],
        },
      ),
    );
    const body = (await h.fake.waitForRequest(sentTo(CHANNEL_ID))).body as Sent;
    const shown = text(body);
    // The engine echoes the question's words, never its markup: no masked link, no live mention.
    expect(shown).toContain('free');
    expect(shown).not.toMatch(/(?<!\\)\[free\]\(/);
    expect(shown).not.toMatch(/(?<!\u200b)@everyone/);
    expect(shown).not.toMatch(/(?<!\\)<@\d/);
    expect(body.allowed_mentions).toEqual({ parse: [] });
  });

  it('in a channel without Embed Links get markdown content, a long answer cut under 2,000 characters', async () => {
    const h = await start({ fake: { everyonePermissions: NO_EMBED_PERMISSIONS } });
    const question = 'list keynotes';
    expect(kubeconEngine().ask(question).text.length).toBeGreaterThan(2000);
    h.fake.dispatch('MESSAGE_CREATE', messageCreate(`${MENTION} ${question}`, { mentions: [BOT_USER] }));
    const reply = await h.fake.waitForRequest(sentTo(CHANNEL_ID));
    expect(reply.status).toBe(200);
    const body = reply.body as Sent;
    expect(body.embeds).toEqual([]);
    expect(body.content?.length).toBeLessThanOrEqual(2000);
    expect(body.content).toMatch(/^\*\*Keynotes\*\*/);
    expect(body.content).toMatch(/…and \d+ more\./);
    expect(body.content).toContain('Sources: ');
  });

  it('are ignored with DISCORD_MENTIONS=false', async () => {
    const h = await start({ env: { DISCORD_MENTIONS: 'false' } });
    h.fake.dispatch('MESSAGE_CREATE', messageCreate(`${MENTION} help`, { mentions: [BOT_USER] }));
    // A DM is still answered; by then the mention, sent first, would have been too.
    h.fake.dispatch('MESSAGE_CREATE', messageCreate('help', { dm: true }));
    await h.fake.waitForRequest(sentTo(DM_CHANNEL_ID));
    expect(h.fake.requests.some(sentTo(CHANNEL_ID))).toBe(false);
  });

  it('that fail get an apology, logged with the message’s context', async () => {
    const broken = (): Engine => ({
      ...kubeconEngine(),
      ask: () => {
        throw new Error('boom');
      },
    });
    const h = await start({ engine: broken });
    const question = messageCreate(`${MENTION} help`, { mentions: [BOT_USER] });
    h.fake.dispatch('MESSAGE_CREATE', question);
    const reply = await h.fake.waitForRequest(sentTo(CHANNEL_ID));
    expect(reply.body).toMatchObject({ content: APOLOGY, message_reference: { message_id: question.id } });
    expect(h.logs.find((line) => line.msg === 'Discord: could not answer a message')).toMatchObject({
      level: 50,
      message: question.id,
      via: 'mention',
    });
  });
});

describe('direct messages', () => {
  it.each(['true', 'false'])(
    'are answered (DISCORD_MENTIONS=%s), thanks to Partials.Channel',
    async (mentions) => {
      const h = await start({ env: { DISCORD_MENTIONS: mentions } });
      const question = messageCreate('what is HAMi?', { dm: true });
      h.fake.dispatch('MESSAGE_CREATE', question);
      const reply = await h.fake.waitForRequest(sentTo(DM_CHANNEL_ID));
      const body = reply.body as Sent;
      expect(body.message_reference?.message_id).toBe(question.id);
      expect(body.allowed_mentions).toEqual({ parse: [] });
      expect(text(body)).toContain('HAMi is a sandbox CNCF project');
    },
  );
});
