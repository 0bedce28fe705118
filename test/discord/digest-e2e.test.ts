// The daily digest end to end on Discord: DigestScheduler and DigestStore on a real SQLite file, the poster on a
// connected discord.js client, the clock at 08:00. A busy day is split over messages within Discord's limits; a
// restart on the same file posts nothing again; a post interrupted by a crash is never posted, and is logged.
import { afterEach, describe, expect, it } from 'vitest';
import { DigestStore } from '../../adapters/digest/digest-store.ts';
import { embedLength } from '../../adapters/discord/render-embeds.ts';
import { openDatabase } from '../../adapters/store/open-database.ts';
import type { Engine } from '../../src/index.ts';
import { kubeconWith } from './datasets.ts';
import { runOnce, subscribe, THURSDAY, THURSDAY_8AM, tempStore } from './digest-setup.ts';
import { CHANNEL_ID, SECOND_CHANNEL_ID } from './fake-discord-world.ts';
import { type Harness, startHarness } from './harness.ts';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const TRACKS = [
  'AI + ML',
  'Platform Engineering',
  'Security',
  'Observability',
  'Networking',
  'Storage',
  'Runtime',
  'Operations + Performance',
  'Application Development',
  'Connectivity',
  'Emerging + Advanced',
  'Community',
];

/** KubeCon's data with five talks in each of twelve tracks on Thursday afternoon: a day too big for one message. */
function busyThursday(): Engine {
  const talks = TRACKS.flatMap((track, t) =>
    Array.from({ length: 5 }, (_, i) => ({
      id: `busy-${t}-${i}`,
      title: `${track}: lessons from running it at scale, part ${i + 1} of a long-titled series`,
      kind: 'talk' as const,
      start: `2026-03-26T${13 + i}:${String(t * 2).padStart(2, '0')}:00+01:00`,
      end: `2026-03-26T${13 + i}:${String(t * 2 + 30).padStart(2, '0')}:00+01:00`,
      room: `Room ${t + 1}`,
      track,
    })),
  );
  return kubeconWith({ sessions: talks }, THURSDAY_8AM);
}

type Embed = { title?: string; description?: string; fields?: { name: string; value: string }[] };

describe('the daily digest on Discord, end to end', () => {
  it('posts a busy day at 08:00 once, split within limits; a restart and an interrupted post send nothing more', async () => {
    const engine = busyThursday();
    harness = await startHarness({ engine: () => engine });
    const h = harness;
    const { store, path } = tempStore();
    subscribe(store, CHANNEL_ID, SECOND_CHANNEL_ID);
    // A previous run crashed while posting to the second channel: its claim was recorded, its result never was.
    const claim = store.claim(
      { platform: 'discord', channelId: SECOND_CHANNEL_ID, date: THURSDAY, kind: 'morning' },
      THURSDAY_8AM - 10 * 60_000,
      // Its lease ran out long before this run: the process that held it is gone.
      { maxAttempts: 3, leaseMs: 60_000 },
    );
    expect(claim).toBeDefined();

    const outcomes = await runOnce({ store, adapter: h.adapter, logger: h.logger, engine: () => engine });

    expect(outcomes.map((o) => [o.kind, o.key.channelId])).toEqual([
      ['posted', CHANNEL_ID],
      ['interrupted', SECOND_CHANNEL_ID],
    ]);
    const messages = h.fake.messagesIn(CHANNEL_ID).map((m) => m.body as { embeds: Embed[] });
    expect(messages.length).toBeGreaterThanOrEqual(3);
    for (const { embeds } of messages) {
      expect(embeds.length).toBeLessThanOrEqual(10);
      expect(embeds.reduce((sum, embed) => sum + embedLength(embed as never), 0)).toBeLessThanOrEqual(6000);
    }
    const shown = messages
      .flatMap(({ embeds }) =>
        embeds.flatMap((e) => [e.title, e.description, ...(e.fields ?? []).map((f) => f.value)]),
      )
      .join('\n');
    // Every track's heading and first talks are there, and what is left out is only the digest's own count.
    for (const track of TRACKS) {
      expect(shown).toContain(`**${track} (5)**`);
      expect(shown).toContain(`${track}: lessons from running it at scale, part 3`);
    }
    expect(shown.match(/…and 2 more sessions\./g)).toHaveLength(TRACKS.length);
    expect(shown).not.toMatch(/…and \d+ more\.(\n|$)/);
    // The crashed post is never posted, and says so.
    expect(h.fake.messagesIn(SECOND_CHANNEL_ID)).toEqual([]);
    expect(
      h.logs.find((line) => line.msg.startsWith('a digest was interrupted while posting')),
    ).toMatchObject({
      level: 40,
      platform: 'discord',
      channel: SECOND_CHANNEL_ID,
      date: THURSDAY,
    });

    // A restart: a new store and scheduler on the same file, at the same moment, posts nothing again.
    const reopened = new DigestStore(openDatabase(path));
    const again = await runOnce({
      store: reopened,
      adapter: h.adapter,
      logger: h.logger,
      engine: () => engine,
    });
    expect(again.map((o) => o.kind)).toEqual(['already', 'already']);
    expect(h.fake.messagesIn(CHANNEL_ID)).toHaveLength(messages.length);
    expect(h.fake.messagesIn(SECOND_CHANNEL_ID)).toEqual([]);
    expect(reopened.posts().map((p) => [p.channelId, p.state, p.partsPosted])).toEqual([
      [SECOND_CHANNEL_ID, 'unknown', 0],
      [CHANNEL_ID, 'posted', messages.length],
    ]);
  });
});
