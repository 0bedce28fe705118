// The Discord digest poster through the real discord.js against the fake: split to fit, sent once, no pings, and
// channels that cannot take it refused with what to do while the others get theirs.
import { afterEach, describe, expect, it } from 'vitest';
import { createDiscordAdapterFactory } from '../../adapters/discord/discord-adapter.ts';
import { embedLength } from '../../adapters/discord/render-embeds.ts';
import { silentLogger } from '../../adapters/shared/logger.ts';
import { runOnce, subscribe, THURSDAY, tempStore } from './digest-setup.ts';
import {
  CATEGORY_ID,
  CHANNEL_ID,
  FOREIGN_CHANNEL_ID,
  NO_EMBED_PERMISSIONS,
  READ_ONLY_CHANNEL_ID,
  SECOND_CHANNEL_ID,
  TOKEN,
} from './fake-discord-world.ts';
import { type Harness, kubeconEngine, startHarness } from './harness.ts';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

type Embed = {
  title?: string;
  description?: string;
  fields?: { name: string; value: string }[];
  author?: { name: string };
};
type Sent = {
  content?: string;
  embeds?: Embed[];
  allowed_mentions?: unknown;
  nonce?: string;
  enforce_nonce?: boolean;
};

const KEYNOTE_TITLES = kubeconEngine()
  .catalog.dataset.sessions.filter((s) => s.kind === 'keynote' && s.start?.startsWith(THURSDAY))
  .map((s) => s.title);

/** Every string a message shows. */
function shown(body: Sent): string {
  return [
    body.content ?? '',
    ...(body.embeds ?? []).flatMap((e) => [e.title, e.description, ...(e.fields ?? []).map((f) => f.value)]),
  ].join('\n');
}

const POST_TO = (channel: string) => `/api/v10/channels/${channel}/messages`;

describe('the Discord digest poster', () => {
  it('is there once the adapter is connected, and gone before and after', async () => {
    const plan = createDiscordAdapterFactory().plan({
      engine: kubeconEngine,
      env: { DISCORD_TOKEN: TOKEN },
      logger: silentLogger(),
    });
    if (plan.kind !== 'start') throw new Error('expected start');
    expect(plan.adapter.digestPoster?.()).toBeUndefined();
    harness = await startHarness();
    expect(harness.adapter.digestPoster?.()?.platform).toBe('discord');
    await harness.adapter.stop();
    expect(harness.adapter.digestPoster?.()).toBeUndefined();
  });

  it('posts Thursday’s digest as embeds split over messages within Discord’s limits, nothing cut, no pings', async () => {
    harness = await startHarness();
    const { store } = tempStore();
    subscribe(store, CHANNEL_ID);
    const [outcome] = await runOnce({ store, adapter: harness.adapter, logger: harness.logger });
    expect(outcome).toMatchObject({ kind: 'posted', key: { channelId: CHANNEL_ID, date: THURSDAY } });
    const stored = harness.fake.messagesIn(CHANNEL_ID);
    // Ten keynotes and an announcement are more than ten embeds: two messages, in order.
    expect(stored.length).toBe(2);
    expect(outcome?.kind === 'posted' ? outcome.messageIds : []).toEqual(stored.map((m) => m.id));
    const bodies = stored.map((m) => m.body as Sent);
    for (const body of bodies) {
      expect(body.allowed_mentions).toEqual({ parse: [] });
      expect(body.enforce_nonce).toBe(true);
      expect(body.nonce).toMatch(/^[\w-]{1,25}$/);
      expect(body.embeds?.length).toBeLessThanOrEqual(10);
      expect((body.embeds ?? []).reduce((sum, e) => sum + embedLength(e as never), 0)).toBeLessThanOrEqual(
        6000,
      );
      // The renderer's own cut marker ("…and N more." with no noun) never appears: the split left nothing out.
      expect(shown(body)).not.toMatch(/…and \d+ more\.(\n|$)/);
    }
    expect(bodies[0]?.embeds?.[0]?.title).toBe('Thu 26 Mar at KubeCon EU 2026');
    // The second message says which part it is, above its first card.
    expect(bodies[1]?.embeds?.[0]?.author?.name).toBe('Thu 26 Mar at KubeCon EU 2026 (2/2)');
    const all = bodies.map(shown).join('\n');
    for (const title of KEYNOTE_TITLES) expect(all).toContain(title.replaceAll('*', '\\*'));
    expect(all).toContain('Universal Mesh');
    expect(
      store.post({ platform: 'discord', channelId: CHANNEL_ID, date: THURSDAY, kind: 'morning' }),
    ).toMatchObject({
      state: 'posted',
      partsTotal: 2,
      partsPosted: 2,
    });
  });

  it('where the bot lacks Embed Links, posts markdown content split under 2,000 characters, nothing cut', async () => {
    harness = await startHarness({ fake: { everyonePermissions: NO_EMBED_PERMISSIONS } });
    const { store } = tempStore();
    subscribe(store, CHANNEL_ID);
    const [outcome] = await runOnce({ store, adapter: harness.adapter, logger: harness.logger });
    expect(outcome?.kind).toBe('posted');
    const bodies = harness.fake.messagesIn(CHANNEL_ID).map((m) => m.body as Sent);
    expect(bodies.length).toBeGreaterThan(1);
    for (const body of bodies) {
      expect(body.embeds).toEqual([]);
      expect(body.content?.length).toBeLessThanOrEqual(2000);
      expect(body.content).not.toMatch(/…and \d+ more\.(\n|$)/);
      expect(body.allowed_mentions).toEqual({ parse: [] });
    }
    const all = bodies.map((b) => b.content).join('\n');
    for (const title of KEYNOTE_TITLES) expect(all).toContain(`**${title.replaceAll('*', '\\*')}**`);
    expect(bodies.at(-1)?.content).toMatch(/Sources: /);
  });

  it('channels that cannot take the digest are refused with what to do, and the others still get theirs', async () => {
    harness = await startHarness();
    const { store } = tempStore();
    const GONE = '300000000000000077';
    subscribe(
      store,
      READ_ONLY_CHANNEL_ID,
      CATEGORY_ID,
      FOREIGN_CHANNEL_ID,
      GONE,
      CHANNEL_ID,
      SECOND_CHANNEL_ID,
    );
    const sleeps: number[] = [];
    const outcomes = await runOnce({ store, adapter: harness.adapter, logger: harness.logger, sleeps });
    const byChannel = Object.fromEntries(outcomes.map((o) => [o.key.channelId, o]));
    expect(byChannel[CHANNEL_ID]?.kind).toBe('posted');
    expect(byChannel[SECOND_CHANNEL_ID]?.kind).toBe('posted');
    const reason = (channel: string) =>
      store.post({ platform: 'discord', channelId: channel, date: THURSDAY, kind: 'morning' });
    expect(reason(READ_ONLY_CHANNEL_ID)).toMatchObject({
      state: 'failed',
      error: expect.stringContaining('give its role Send Messages there'),
    });
    expect(reason(CATEGORY_ID)?.error).toContain('not a server text channel');
    expect(reason(FOREIGN_CHANNEL_ID)?.error).toContain(
      '50001 Missing Access): invite Hallway to the channel',
    );
    expect(reason(GONE)?.error).toContain('10003 Unknown Channel');
    for (const channel of [READ_ONLY_CHANNEL_ID, CATEGORY_ID, FOREIGN_CHANNEL_ID, GONE]) {
      expect(reason(channel)?.error).toMatch(/\(after 1 attempt\)$/);
      // Refused before sending: nothing was posted there, and nothing was waited for.
      expect(harness.fake.requests.some((r) => r.method === 'POST' && r.path === POST_TO(channel))).toBe(
        false,
      );
    }
    expect(sleeps).toEqual([]);
    const failed = harness.logs.filter((line) => line.msg === 'digest post failed');
    expect(failed.map((line) => line.channelId).sort()).toEqual(
      [READ_ONLY_CHANNEL_ID, CATEGORY_ID, FOREIGN_CHANNEL_ID, GONE].sort(),
    );
  });
});
