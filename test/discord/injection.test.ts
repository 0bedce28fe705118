// Hostile data and questions on every Discord surface, through the real discord.js: answers as embeds and as
// content, the digest in both formats, a slash command's echo. Nothing pings, links, or formats.
import { afterEach, describe, expect, it } from 'vitest';
import { runOnce, subscribe, tempStore } from './digest-setup.ts';
import type { RecordedRequest } from './fake-discord.ts';
import { APPLICATION_ID, BOT_USER, CHANNEL_ID, NO_EMBED_PERMISSIONS } from './fake-discord-world.ts';
import { type Harness, type HarnessOptions, startHarness } from './harness.ts';
import { expectInertBody, hostileEngine, type SentBody, shownText } from './hostile-data.ts';
import { interactionCreate, MENTION, messageCreate } from './payloads.ts';

let harness: Harness | undefined;
afterEach(async () => {
  // Whatever the test did, every message Hallway sent had pings turned off.
  for (const body of sentBodies(harness?.fake.requests ?? []))
    expect(body.allowed_mentions).toEqual({ parse: [] });
  await harness?.close();
  harness = undefined;
});

const engine = hostileEngine();

/** The message bodies among the requests: channel messages, interaction replies (type 4) and edits. */
function sentBodies(requests: readonly RecordedRequest[]): SentBody[] {
  return requests.flatMap((r) => {
    const body = r.body as (SentBody & { type?: number; data?: SentBody }) | undefined;
    if (r.method === 'POST' && /\/channels\/\d+\/messages$/.test(r.path)) return [body as SentBody];
    if (r.method === 'POST' && r.path.endsWith('/callback') && body?.type === 4)
      return [body.data as SentBody];
    if (r.method === 'PATCH' || (r.method === 'POST' && r.path.includes('/webhooks/')))
      return [body as SentBody];
    return [];
  });
}

async function start(options: HarnessOptions = {}) {
  harness = await startHarness({ engine: () => engine, ...options });
  return harness;
}

const original = (token: string) => (request: RecordedRequest) =>
  request.method === 'PATCH' &&
  request.path === `/api/v10/webhooks/${APPLICATION_ID}/${token}/messages/@original`;

describe('answers built from hostile data', () => {
  it('as embeds (/who): the session title, summary and speaker arrive escaped', async () => {
    const h = await start();
    const command = interactionCreate('command', 'who', [{ name: 'topic', value: 'pwnage' }]);
    h.fake.dispatch('INTERACTION_CREATE', command);
    const body = (await h.fake.waitForRequest(original(command.token))).body as SentBody;
    expectInertBody(body);
    const shown = shownText(body);
    expect(shown).toContain(
      '\\*\\*pwned\\*\\* @\u200beveryone \\<@&500000000000000001> \\[click](https://evil.example)',
    );
    expect(shown).toContain('\\<@400000000000000001> \\[Mallory](https://evil.example) @\u200beveryone');
  });

  it('as content, where the bot lacks Embed Links (a mention)', async () => {
    const h = await start({
      env: { DISCORD_MENTIONS: 'true' },
      fake: { everyonePermissions: NO_EMBED_PERMISSIONS },
    });
    h.fake.dispatch(
      'MESSAGE_CREATE',
      messageCreate(`${MENTION} who spoke about pwnage?`, { mentions: [BOT_USER] }),
    );
    const reply = await h.fake.waitForRequest(
      (r) => r.method === 'POST' && r.path.endsWith(`/${CHANNEL_ID}/messages`),
    );
    const body = reply.body as SentBody;
    expect(body.embeds).toEqual([]);
    expectInertBody(body);
    // The summary reads as one line: its heading escaped, its quote mark no longer at a line start.
    expect(body.content).toContain('\\# Heading > quote \\`tick\\` @\u200bhere \\<#300000000000000002>');
  });
});

describe('a question that tries it, echoed by a slash command', () => {
  it('/who with mentions, a masked link and markdown in the topic shows them as typed', async () => {
    const h = await start();
    const topic = '[free nitro](https://evil.example) @everyone <@&500000000000000001> **now** ||x|| # hi';
    const command = interactionCreate('command', 'who', [{ name: 'topic', value: topic }]);
    h.fake.dispatch('INTERACTION_CREATE', command);
    const body = (await h.fake.waitForRequest(original(command.token))).body as SentBody;
    expectInertBody(body);
    // The question's words come back (which of them depends on what the data uses), never its markup.
    expect(shownText(body)).toMatch(/free nitro|evil example/);
  });
});

describe('the digest built from hostile data', () => {
  it.each([
    ['embeds', {}],
    ['content', { everyonePermissions: NO_EMBED_PERMISSIONS }],
  ] as const)(
    'as %s: every message inert, the hostile keynote, talk and track all there',
    async (_format, fake) => {
      const h = await start({ fake });
      const { store } = tempStore();
      subscribe(store, CHANNEL_ID);
      const [outcome] = await runOnce({ store, adapter: h.adapter, logger: h.logger, engine: () => engine });
      expect(outcome?.kind).toBe('posted');
      const bodies = h.fake.messagesIn(CHANNEL_ID).map((m) => m.body as SentBody);
      for (const body of bodies) expectInertBody(body);
      const all = bodies.map(shownText).join('\n');
      expect(all).toContain('\\*\\*pwned\\*\\* @\u200beveryone');
      expect(all).toContain('(the talk)');
      expect(all).toContain('@\u200bhere \\[Track](https://evil.example) \\*\\*bold\\*\\*');
    },
  );
});
