// A server that removes the bot is forgotten: through the real discord.js client against the loopback fake, a
// GUILD_DELETE for the test server deletes its subscriptions, bindings and context, and nothing of another
// server's. Its members' agendas stay: a Discord user's stars belong to no server.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RateLimiter } from '../../adapters/shared/rate-limiter.ts';
import { openSqliteStore, type SqliteStore } from '../../adapters/store/sqlite-store.ts';
import {
  ALL_THERE,
  NOTHING_LEFT,
  seedWorkspace,
  type WorkspacePlace,
  workspaceLeft,
} from '../helpers/workspace-data.ts';
import { CHANNEL_ID, GUILD_ID } from './fake-discord-world.ts';
import { type Harness, startHarness } from './harness.ts';

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

beforeAll(async () => {
  store = openSqliteStore(join(mkdtempSync(join(tmpdir(), 'hallway-server-removed-')), 'hallway.db'));
  harness = await startHarness({
    services: () => ({
      rateLimiter: new RateLimiter(
        { user: { burst: 0, perMinute: 0 }, channel: { burst: 0, perMinute: 0 } },
        Date.now,
      ),
      admins: { includes: () => false, size: 0 },
      installations: () => store.installations,
    }),
  });
});
afterAll(async () => {
  await harness?.close();
  await store?.close();
});

describe('a server that removes the bot', () => {
  it("loses its subscriptions, bindings and context; another server's stay", async () => {
    await seedWorkspace(store, REMOVED, { installed: false });
    await seedWorkspace(store, OTHER, { installed: false });
    expect(await workspaceLeft(store, REMOVED)).toEqual({ ...ALL_THERE, installation: false });

    harness.fake.dispatch('GUILD_DELETE', { id: GUILD_ID });
    await expect
      .poll(() => harness.logs.find((line) => line.msg === 'Discord server forgotten'))
      .toMatchObject({ server: GUILD_ID, removed: { subscriptions: 1, bindings: 2, agendaRows: 0 } });
    expect(await workspaceLeft(store, REMOVED)).toEqual(AGENDA_KEPT);
    expect(await workspaceLeft(store, OTHER)).toEqual({ ...ALL_THERE, installation: false });
  });
});
