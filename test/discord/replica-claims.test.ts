// Replicas of one Discord bot: every gateway session receives each message and interaction, so each is claimed in
// the store and answered once. Two real discord.js clients, each on its own fake gateway, get the same event, as
// two replicas would; with the shared claims one answer goes out.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore, type SqliteStore } from '../../adapters/store/sqlite-store.ts';
import type { RecordedRequest } from './fake-discord.ts';
import { BOT_USER, CHANNEL_ID } from './fake-discord-world.ts';
import { type Harness, startHarness } from './harness.ts';
import { interactionCreate, MENTION, messageCreate } from './payloads.ts';
import { testServices } from './services.ts';

let harnesses: Harness[] = [];
let store: SqliteStore;
beforeAll(() => {
  store = openSqliteStore(join(mkdtempSync(join(tmpdir(), 'hallway-claims-')), 'hallway.db'));
});
afterEach(async () => {
  for (const harness of harnesses) await harness.close();
  harnesses = [];
});
afterAll(() => store.close());

/** Two replicas: two discord.js clients, each on its own gateway, sharing one store. */
async function replicas(): Promise<[Harness, Harness]> {
  const start = () =>
    startHarness({
      env: { DISCORD_MENTIONS: 'true' },
      services: (logger) => ({ ...testServices({ logger }).services, eventClaims: () => store.events }),
    });
  harnesses = [await start(), await start()];
  return harnesses as [Harness, Harness];
}

const sentTo = (channel: string) => (request: RecordedRequest) =>
  request.method === 'POST' && request.path === `/api/v10/channels/${channel}/messages`;
const callback = (id: string) => (request: RecordedRequest) =>
  request.method === 'POST' && request.path.startsWith(`/api/v10/interactions/${id}/`);
const across = (filter: (request: RecordedRequest) => boolean) =>
  harnesses.reduce((sum, harness) => sum + harness.fake.requests.filter(filter).length, 0);

describe('one Discord event seen by two replicas', () => {
  it('a mention both receive is answered by one', async () => {
    const [a, b] = await replicas();
    const question = messageCreate(`${MENTION} help`, { mentions: [BOT_USER] });
    a.fake.dispatch('MESSAGE_CREATE', question);
    b.fake.dispatch('MESSAGE_CREATE', question);
    await expect.poll(() => across(sentTo(CHANNEL_ID))).toBe(1);
    // The other replica has handled it too by the time it answers a later message, which only it receives.
    const later = messageCreate(`${MENTION} help`, { mentions: [BOT_USER] });
    const waiting = a.fake.requests.filter(sentTo(CHANNEL_ID)).length === 1 ? b : a;
    waiting.fake.dispatch('MESSAGE_CREATE', later);
    await expect.poll(() => across(sentTo(CHANNEL_ID))).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(across(sentTo(CHANNEL_ID))).toBe(2);
  });

  it('a slash command both receive gets one response', async () => {
    const [a, b] = await replicas();
    const command = interactionCreate('command', 'help', []);
    a.fake.dispatch('INTERACTION_CREATE', command);
    b.fake.dispatch('INTERACTION_CREATE', command);
    await expect.poll(() => across(callback(command.id))).toBe(1);
    const later = interactionCreate('command', 'help', []);
    const waiting = a.fake.requests.filter(callback(command.id)).length === 1 ? b : a;
    waiting.fake.dispatch('INTERACTION_CREATE', later);
    await expect.poll(() => across(callback(later.id))).toBe(1);
    expect(across(callback(command.id))).toBe(1);
  });

  it('a click on an agenda button both receive gets one response', async () => {
    const [a, b] = await replicas();
    const base = interactionCreate('command', 'ask', []);
    const click = {
      ...base,
      type: 3,
      data: { custom_id: 'hallway_agenda:star:tiles', component_type: 2 },
      message: { ...messageCreate(''), id: `m-${base.id}`, author: BOT_USER },
    };
    a.fake.dispatch('INTERACTION_CREATE', click);
    b.fake.dispatch('INTERACTION_CREATE', click);
    await expect.poll(() => across(callback(click.id))).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(across(callback(click.id))).toBe(1);
  });
});
