// A server that removes the bot is forgotten: through the real discord.js client against the loopback fake, a
// GUILD_DELETE for the test server deletes its subscriptions, bindings and the context of conversations held in
// it, and nothing of another server's. Its members' agendas stay: a Discord user's stars belong to no server.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConversationMemory } from '../../adapters/shared/conversation-memory.ts';
import { RateLimiter } from '../../adapters/shared/rate-limiter.ts';
import { openSqliteStore, type SqliteStore } from '../../adapters/store/sqlite-store.ts';
import {
  ALL_THERE,
  NOTHING_LEFT,
  seedWorkspace,
  type WorkspacePlace,
  workspaceLeft,
} from '../helpers/workspace-data.ts';
import { BOT_USER, CHANNEL_ID, GUILD_ID } from './fake-discord-world.ts';
import { type Harness, startHarness } from './harness.ts';
import { MENTION, messageCreate } from './payloads.ts';

const REMOVED: WorkspacePlace = {
  platform: 'discord',
  workspaceId: GUILD_ID,
  userId: '400000000000000001',
  channelId: CHANNEL_ID,
};
const OTHER: WorkspacePlace = {
  platform: 'discord',
  workspaceId: '200000000000000009',
  userId: '400000000000000009',
  channelId: '300000000000000099',
};
/** What a Discord server leaves behind once forgotten: its members' agendas. */
const AGENDA_KEPT = { ...NOTHING_LEFT, stars: 1, customLead: true, deliveries: 1 };

let store: SqliteStore;
let harness: Harness;
let conversations: ConversationMemory;

beforeAll(async () => {
  store = openSqliteStore(join(mkdtempSync(join(tmpdir(), 'hallway-server-removed-')), 'hallway.db'));
  conversations = new ConversationMemory({ store: () => store.context });
  harness = await startHarness({
    env: { DISCORD_MENTIONS: 'true' },
    services: () => ({
      rateLimiter: new RateLimiter(
        { user: { burst: 0, perMinute: 0 }, channel: { burst: 0, perMinute: 0 } },
        Date.now,
      ),
      admins: { includes: () => false, size: 0 },
      installations: () => store.installations,
      conversations,
    }),
  });
});
afterAll(async () => {
  await harness?.close();
  await store?.close();
});

describe('a server that removes the bot', () => {
  it("loses its subscriptions, bindings and conversations' context; another server's stay", async () => {
    await seedWorkspace(store, REMOVED, { installed: false });
    await seedWorkspace(store, OTHER, { installed: false });
    expect(await workspaceLeft(store, REMOVED)).toEqual({ ...ALL_THERE, installation: false });
    // And a real conversation in the server: its key starts with the server, as the forgetting deletes by that.
    const asked = messageCreate(`${MENTION} who is giving the opening keynote?`, { mentions: [BOT_USER] });
    harness.fake.dispatch('MESSAGE_CREATE', asked);
    const conversation = `discord:${GUILD_ID}:${CHANNEL_ID}:${asked.author.id}`;
    // Generous waits: the reply crosses the fake's gateway and the store on a machine that may be loaded.
    await expect
      .poll(async () => (await store.context.get(conversation, Date.now())) !== undefined, {
        timeout: 10_000,
      })
      .toBe(true);

    harness.fake.dispatch('GUILD_DELETE', { id: GUILD_ID });
    await expect
      .poll(() => harness.logs.find((line) => line.msg === 'Discord server forgotten'), { timeout: 10_000 })
      .toMatchObject({ server: GUILD_ID, removed: { subscriptions: 1, bindings: 2, agendaRows: 0 } });
    expect(await workspaceLeft(store, REMOVED)).toEqual(AGENDA_KEPT);
    expect(await store.context.get(conversation, Date.now())).toBeUndefined();
    expect(await workspaceLeft(store, OTHER)).toEqual({ ...ALL_THERE, installation: false });
  });
});
