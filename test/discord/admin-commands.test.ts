// /digest and /reload through the real discord.js: who may use them, what they change, and that only the person
// who asked sees the reply.

import { afterEach, describe, expect, it } from 'vitest';
import type { DigestStore } from '../../adapters/digest/digest-store.ts';
import { NOT_SET_UP } from '../../adapters/discord/admin-commands.ts';
import { ONE_CONFERENCE } from '../../adapters/discord/conference-command.ts';
import { MORNING, tempStore } from './digest-setup.ts';
import type { RecordedRequest } from './fake-discord.ts';
import {
  ADA,
  APPLICATION_ID,
  CHANNEL_ID,
  GUILD_ID,
  NO_EMBED_PERMISSIONS,
  SECOND_CHANNEL_ID,
} from './fake-discord-world.ts';
import { type Harness, type HarnessOptions, startHarness } from './harness.ts';
import { type CommandOptions, interactionCreate, MANAGE_SERVER_PERMISSIONS } from './payloads.ts';
import { type ServicesOptions, testServices } from './services.ts';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

type Reply = { type: number; data?: { content?: string; flags?: number; allowed_mentions?: unknown } };

const GRACE = { id: '400000000000000003', username: 'grace' } as const;
const ADMIN: CommandOptions = { memberPermissions: MANAGE_SERVER_PERMISSIONS };
const REFUSAL = `Sorry, only members with Manage Server (or people in HALLWAY_ADMINS) can change where the daily digest goes. Ask one of them to run /digest subscribe in <#${CHANNEL_ID}>.`;

async function start(options: Partial<ServicesOptions> & HarnessOptions = {}) {
  const { store } = tempStore();
  harness = await startHarness({
    ...options,
    services: options.services ?? ((logger) => testServices({ store, logger, ...options }).services),
  });
  return { h: harness, store };
}

const callback = (id: string) => (request: RecordedRequest) =>
  request.method === 'POST' && request.path.startsWith(`/api/v10/interactions/${id}/`);

/** Runs a command and resolves with Discord's first response to it. */
async function run(h: Harness, name: string, subcommand: string | undefined, extra: CommandOptions = {}) {
  const command = interactionCreate('command', name, subcommand === undefined ? [] : [{ subcommand }], extra);
  h.fake.dispatch('INTERACTION_CREATE', command);
  return { command, reply: (await h.fake.waitForRequest(callback(command.id))).body as Reply };
}

const discordSubscriptions = (store: DigestStore) =>
  store.subscriptions('discord').map((s) => ({ channelId: s.channelId, by: s.createdBy, in: s.workspaceId }));

describe('/digest', () => {
  it('subscribe by a member with Manage Server: the channel gets the digest, and only they see the reply', async () => {
    const { h, store } = await start();
    const { reply } = await run(h, 'digest', 'subscribe', ADMIN);
    expect(reply).toEqual({
      type: 4,
      data: expect.objectContaining({
        content: `<#${CHANNEL_ID}> will get the daily digest. The next one goes out Thu 26 Mar, 08:00 CET.`,
        flags: 64,
        allowed_mentions: { parse: [] },
      }),
    });
    expect(discordSubscriptions(store)).toEqual([{ channelId: CHANNEL_ID, by: ADA.id, in: GUILD_ID }]);
    const again = await run(h, 'digest', 'subscribe', ADMIN);
    expect(again.reply.data?.content).toContain('already gets the daily digest');
  });

  it.each([
    [
      'nothing to post with (no Send Messages)',
      1024n.toString(),
      'Note: Hallway cannot post here yet. Give its role Send Messages in this channel, or the digest will fail.',
    ],
    [
      'no Embed Links',
      NO_EMBED_PERMISSIONS,
      'Note: without Embed Links here, the digest will be plain text.',
    ],
  ])('subscribe where Hallway has %s says so at once', async (_what, appPermissions, note) => {
    const { h, store } = await start();
    const { reply } = await run(h, 'digest', 'subscribe', { ...ADMIN, appPermissions });
    expect(reply.data?.content).toBe(
      `<#${CHANNEL_ID}> will get the daily digest. The next one goes out Thu 26 Mar, 08:00 CET.\n${note}`,
    );
    expect(discordSubscriptions(store)).toHaveLength(1);
  });

  it('subscribe by anyone else is refused politely, logged, and changes nothing', async () => {
    const { h, store } = await start();
    const { reply } = await run(h, 'digest', 'subscribe');
    expect(reply.data).toMatchObject({ content: REFUSAL, flags: 64 });
    expect(discordSubscriptions(store)).toEqual([]);
    expect(
      h.logs.find((line) => line.msg === 'digest subscription change refused: not an admin'),
    ).toMatchObject({
      level: 40,
      platform: 'discord',
      user: ADA.id,
      channel: CHANNEL_ID,
      allowed: false,
    });
  });

  it('people in HALLWAY_ADMINS may change it without Manage Server', async () => {
    const { h, store } = await start({ admins: `discord:${GRACE.id}` });
    const { reply } = await run(h, 'digest', 'subscribe', { user: GRACE });
    expect(reply.data?.content).toContain('will get the daily digest');
    expect(discordSubscriptions(store)).toEqual([{ channelId: CHANNEL_ID, by: GRACE.id, in: GUILD_ID }]);
    // Listed for Slack only, the same id is no admin here.
    await harness?.close();
    const slackOnly = await start({ admins: `slack:${GRACE.id}` });
    expect((await run(slackOnly.h, 'digest', 'subscribe', { user: GRACE })).reply.data?.content).toBe(
      REFUSAL,
    );
  });

  it('list is open to everyone: this server’s channels, the configured ones marked, a malformed one shown inert', async () => {
    const { h, store } = await start({
      schedule: {
        ...MORNING,
        defaultChannels: [
          { platform: 'discord', channelId: SECOND_CHANNEL_ID },
          { platform: 'discord', channelId: '@everyone <@&500000000000000001>' },
        ],
      },
    });
    await run(h, 'digest', 'subscribe', ADMIN);
    // Another server's subscription is not this server's business.
    store.subscribe({
      platform: 'discord',
      channelId: '300000000000000055',
      workspaceId: '299999999999999999',
      createdBy: 'x',
      createdAt: 0,
    });
    const { reply } = await run(h, 'digest', 'list', { user: GRACE });
    expect(reply.data?.content).toBe(
      [
        'The daily digest goes to:',
        `• <#${CHANNEL_ID}>`,
        `• <#${SECOND_CHANNEL_ID}> (from Hallway's configuration)`,
        "• @\u200beveryone \\<@&500000000000000001> (from Hallway's configuration)",
        'The next one goes out Thu 26 Mar, 08:00 CET.',
      ].join('\n'),
    );
    expect(reply.data?.allowed_mentions).toEqual({ parse: [] });
  });

  it('unsubscribe by an admin stops it', async () => {
    const { h, store } = await start();
    await run(h, 'digest', 'subscribe', ADMIN);
    const { reply } = await run(h, 'digest', 'unsubscribe', ADMIN);
    expect(reply.data?.content).toBe(`<#${CHANNEL_ID}> will no longer get the daily digest.`);
    expect(discordSubscriptions(store)).toEqual([]);
  });
});

describe('/reload', () => {
  const original = (token: string) => (request: RecordedRequest) =>
    request.method === 'PATCH' &&
    request.path === `/api/v10/webhooks/${APPLICATION_ID}/${token}/messages/@original`;

  it('by an admin: acknowledged privately at once, then the result, a failing source’s words escaped', async () => {
    const { h } = await start({
      reloadProblems: ['https://evil.example/**x**: [click](https://evil.example) @everyone'],
    });
    const { reply, command } = await run(h, 'reload', undefined, ADMIN);
    expect(reply).toEqual({ type: 5, data: { flags: 64 } });
    const edit = (await h.fake.waitForRequest(original(command.token))).body as {
      content: string;
      allowed_mentions: unknown;
    };
    expect(edit.content).toBe(
      'Reloaded: 42 sessions; since before: 1 added, 0 cancelled, 0 moved.\nKept the last good copy where a source failed:\n• https://evil.example/\\*\\*x\\*\\*: \\[click](https://evil.example) @\u200beveryone',
    );
    expect(edit.allowed_mentions).toEqual({ parse: [] });
    expect(h.logs.find((line) => line.msg === 'data reload requested by an admin')).toMatchObject({
      user: ADA.id,
    });
  });

  it('by anyone else is refused politely, and nothing is reloaded', async () => {
    const { store } = tempStore();
    let reloads: number[] = [];
    harness = await startHarness({
      services: (logger) => {
        const built = testServices({ store, logger });
        reloads = built.reloads;
        return built.services;
      },
    });
    const { command } = await run(harness, 'reload', undefined);
    const edit = (await harness.fake.waitForRequest(original(command.token))).body as { content: string };
    expect(edit.content).toBe(
      "Sorry, only members with Manage Server (or people in HALLWAY\\_ADMINS) can reload Hallway's data.",
    );
    expect(reloads).toEqual([]);
  });
});

describe('when a feature is not set up, or the command is used in a DM', () => {
  it.each([
    ['without services at all', undefined],
    ['without a database or a reload', { withReload: false }],
  ] as const)('%s, /digest, /reload and /conference say so, privately', async (_what, without) => {
    harness = await startHarness(
      without === undefined ? {} : { services: (logger) => testServices({ logger, ...without }).services },
    );
    expect((await run(harness, 'digest', 'subscribe', ADMIN)).reply.data).toMatchObject({
      content: NOT_SET_UP.digest,
      flags: 64,
    });
    expect((await run(harness, 'reload', undefined, ADMIN)).reply.data).toMatchObject({
      content: NOT_SET_UP.reload,
      flags: 64,
    }); // One conference: nothing to choose.
    expect((await run(harness, 'conference', 'list', ADMIN)).reply.data).toMatchObject({
      content: ONE_CONFERENCE,
      flags: 64,
    });
  });

  it('/digest in a DM (a registration from before it was servers-only) says where it works', async () => {
    const { h } = await start();
    const { reply } = await run(h, 'digest', 'list', { dm: true });
    expect(reply.data).toMatchObject({
      content: 'This command works in a server channel, not in DMs.',
      flags: 64,
    });
  });
});
