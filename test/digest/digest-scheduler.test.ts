// The scheduled digest on a real SQLite file with an injected clock: on time, late within the window, never twice
// (also across a restart and a crash mid-post), retried with backoff, and one channel's failure never blocks another.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readDigestConfig } from '../../adapters/digest/digest-config.ts';
import { createDigestRuntime } from '../../adapters/digest/digest-runtime.ts';
import type { DigestScheduler } from '../../adapters/digest/digest-scheduler.ts';
import { openSqliteStore } from '../../adapters/store/sqlite-store.ts';
import { captureLogger } from '../helpers/capture-logger.ts';
import { DEFAULT_DATASET, engineFor } from '../helpers/engines.ts';
import { digestHarness, type Harness, MORNING_ONLY, RecordingPoster } from './digest-harness.ts';

const engine = engineFor(DEFAULT_DATASET);
const SUBSCRIBED_AT = Date.parse('2026-03-20T12:00:00Z');
const running: DigestScheduler[] = [];

afterEach(async () => {
  for (const scheduler of running.splice(0)) await scheduler.stop();
});

function harness(now: string, options: Partial<Parameters<typeof digestHarness>[0]> = {}): Harness {
  const made = digestHarness({ engine, now, ...options });
  running.push(made.scheduler);
  return made;
}

function subscribe(h: Harness, channelId: string, createdAt = SUBSCRIBED_AT): void {
  h.store.subscribe({ platform: 'slack', channelId, createdBy: 'UADMIN', createdAt });
}

describe('posting on time', () => {
  it('posts the 26 March digest at 08:00 Amsterdam time to each subscribed channel, once', async () => {
    const h = harness('2026-03-26T06:59:00Z');
    subscribe(h, 'C1');
    subscribe(h, 'C2');
    expect(await h.scheduler.runDue()).toEqual([]);
    h.setNow('2026-03-26T07:00:00Z');
    const outcomes = await h.scheduler.runDue();
    expect(outcomes.map((outcome) => [outcome.kind, outcome.key.channelId])).toEqual([
      ['posted', 'C1'],
      ['posted', 'C2'],
    ]);
    expect(h.poster.to('C1')).toHaveLength(1);
    expect(h.poster.to('C1')[0]?.text).toContain('Jorge Castro (CNCF)');
    expect(h.poster.to('C1')[0]?.text).not.toContain('late');
    h.setNow('2026-03-26T07:01:00Z');
    expect((await h.scheduler.runDue()).map((outcome) => outcome.kind)).toEqual(['already', 'already']);
    expect(h.poster.sent).toHaveLength(2);
    expect(
      h.store.post({ platform: 'slack', channelId: 'C1', date: '2026-03-26', kind: 'morning' }),
    ).toMatchObject({ state: 'posted', partsPosted: 1, messageIds: ['m1'] });
  });

  it('posts only on conference days unless told otherwise', async () => {
    const h = harness('2026-03-27T07:00:00Z');
    subscribe(h, 'C1');
    expect(await h.scheduler.runDue()).toEqual([]);
    const every = harness('2026-03-27T07:00:00Z', { schedule: { ...MORNING_ONLY, days: { kind: 'every' } } });
    subscribe(every, 'C1');
    // The day after holds nothing in the data: no post saying so either.
    expect((await every.scheduler.runDue()).map((outcome) => outcome.kind)).toEqual(['empty']);
    expect(every.poster.sent).toEqual([]);
  });

  it('an evening recap is a separate post with its own key', async () => {
    const schedule = {
      ...MORNING_ONLY,
      times: [...MORNING_ONLY.times, { kind: 'evening' as const, hour: 18, minute: 30 }],
    };
    const h = harness('2026-03-26T07:00:00Z', { schedule });
    subscribe(h, 'C1');
    await h.scheduler.runDue();
    h.setNow('2026-03-26T17:30:00Z');
    const outcomes = await h.scheduler.runDue();
    // The morning post is long past its catch-up window by now; only the evening one is due.
    expect(outcomes.map((outcome) => [outcome.kind, outcome.key.kind])).toEqual([['posted', 'evening']]);
    expect(h.poster.to('C1').map((message) => message.title)).toEqual([
      'Thu 26 Mar at KubeCon EU 2026 [1/1]',
      'Thu 26 Mar in review [1/1]',
    ]);
  });

  it('channels from the environment get it without a subscription', async () => {
    const h = harness('2026-03-26T07:00:00Z', {
      schedule: { ...MORNING_ONLY, defaultChannels: [{ platform: 'slack', channelId: 'CENV' }] },
    });
    await h.scheduler.runDue();
    expect(h.poster.to('CENV')).toHaveLength(1);
  });
});

describe('catching up after downtime', () => {
  it('posts late on start within the window, saying so', async () => {
    const h = harness('2026-03-26T09:30:00Z');
    subscribe(h, 'C1');
    const outcomes = await h.scheduler.start();
    expect(outcomes).toEqual([expect.objectContaining({ kind: 'posted', lateByMs: 150 * 60_000 })]);
    expect(h.poster.to('C1')[0]?.text).toContain('Posted 150 minutes late');
  });

  it('does not post once the window has passed', async () => {
    const h = harness('2026-03-26T11:01:00Z');
    subscribe(h, 'C1');
    expect(await h.scheduler.start()).toEqual([]);
    expect(h.poster.sent).toEqual([]);
  });

  it('does not owe a channel the digest it subscribed after', async () => {
    const h = harness('2026-03-26T09:30:00Z');
    subscribe(h, 'C1', Date.parse('2026-03-26T08:00:00Z'));
    expect(await h.scheduler.start()).toEqual([]);
  });

  it('a restart on the same database file posts nothing twice', async () => {
    const first = harness('2026-03-26T07:00:00Z');
    subscribe(first, 'C1');
    await first.scheduler.start();
    await first.scheduler.stop();
    first.db.close();
    const poster = new RecordingPoster();
    const second = harness('2026-03-26T07:20:00Z', { path: first.path, poster });
    expect((await second.scheduler.start()).map((outcome) => outcome.kind)).toEqual(['already']);
    expect(poster.sent).toEqual([]);
    expect(first.poster.sent).toHaveLength(1);
  });

  it('a crash between "intent recorded" and "posted" is settled without a second post where the platform cannot look', async () => {
    const first = harness('2026-03-26T07:00:00Z');
    subscribe(first, 'C1');
    const key = { platform: 'slack' as const, channelId: 'C1', date: '2026-03-26', kind: 'morning' as const };
    // The process died here: the intent is recorded, the message may or may not have gone out.
    const lease = { maxAttempts: 3, leaseMs: 120_000 };
    expect(first.store.claim(key, Date.parse('2026-03-26T07:00:00Z'), lease)).toMatchObject({ attempt: 1 });
    first.db.close();
    const second = harness('2026-03-26T07:05:00Z', { path: first.path });
    expect((await second.scheduler.start()).map((outcome) => outcome.kind)).toEqual(['interrupted']);
    expect(second.poster.sent).toEqual([]);
    expect(second.store.post(key)).toMatchObject({ state: 'unknown' });
    expect(second.logs.lines()).toContainEqual(
      expect.objectContaining({
        channel: 'C1',
        msg: 'a digest was interrupted while posting; not posting it again, to avoid a duplicate',
      }),
    );
  });
});

describe('failures', () => {
  it('retries a platform error with backoff, honouring Retry-After, and posts once', async () => {
    const h = harness('2026-03-26T07:00:00Z');
    subscribe(h, 'C1');
    h.poster.failures.set('C1', [
      { retry: true, reason: 'HTTP 503' },
      { retry: true, reason: 'rate limited', afterMs: 30_000 },
      { retry: true, reason: 'HTTP 502' },
    ]);
    const [outcome] = await h.scheduler.runDue();
    expect(outcome?.kind).toBe('posted');
    expect(h.sleeps).toEqual([2_000, 30_000, 8_000]);
    expect(h.poster.to('C1')).toHaveLength(1);
    expect(h.logs.lines().filter((line) => line.msg === 'digest post failed; retrying')).toHaveLength(3);
  });

  it("one channel's permanent failure is recorded and never blocks the others", async () => {
    const h = harness('2026-03-26T07:00:00Z');
    for (const channel of ['C1', 'C2', 'C3']) subscribe(h, channel);
    h.poster.failures.set('C2', [{ retry: false, reason: 'not_in_channel: invite Hallway to the channel' }]);
    const outcomes = await h.scheduler.runDue();
    expect(outcomes.map((outcome) => [outcome.key.channelId, outcome.kind])).toEqual([
      ['C1', 'posted'],
      ['C2', 'failed'],
      ['C3', 'posted'],
    ]);
    expect(
      h.store.post({ platform: 'slack', channelId: 'C2', date: '2026-03-26', kind: 'morning' }),
    ).toMatchObject({
      state: 'failed',
      error: 'not_in_channel: invite Hallway to the channel (after 1 attempt)',
    });
    expect(h.logs.lines()).toContainEqual(expect.objectContaining({ level: 50, msg: 'digest post failed' }));
  });

  it('a failure that reached nobody is tried again on the next run, up to three times in all', async () => {
    const h = harness('2026-03-26T07:00:00Z');
    subscribe(h, 'C1');
    const refusal = { retry: false, reason: 'channel_not_found' };
    h.poster.failures.set('C1', [refusal, refusal, refusal]);
    const kinds: string[] = [];
    for (let run = 0; run < 4; run += 1) kinds.push(...(await h.scheduler.runDue()).map((o) => o.kind));
    expect(kinds).toEqual(['failed', 'failed', 'failed', 'already']);
    expect(h.poster.sent).toEqual([]);
  });

  it('a digest cut off after its first message is not posted again', async () => {
    const h = harness('2026-03-26T07:00:00Z');
    subscribe(h, 'C1');
    h.poster.parts = 2;
    // The first message goes out; the second fails for good.
    const original = h.poster.messages.bind(h.poster);
    h.poster.messages = (channelId, answer) => {
      const [first, second] = original(channelId, answer);
      return [
        first as () => Promise<string>,
        async () => {
          await second?.();
          throw Object.assign(new Error('gone'), { scripted: { retry: false, reason: 'is_archived' } });
        },
      ];
    };
    expect((await h.scheduler.runDue()).map((outcome) => outcome.kind)).toEqual(['failed']);
    expect((await h.scheduler.runDue()).map((outcome) => outcome.kind)).toEqual(['already']);
    expect(
      h.store.post({ platform: 'slack', channelId: 'C1', date: '2026-03-26', kind: 'morning' }),
    ).toMatchObject({ state: 'failed', partsTotal: 2, partsPosted: 1 });
  });
});

describe('the next post', () => {
  it('is the next post time on a day that gets one, and none once the conference is over', () => {
    const h = harness('2026-03-25T07:30:00Z');
    expect(h.scheduler.nextPost()).toEqual({
      date: '2026-03-26',
      kind: 'morning',
      at: Date.parse('2026-03-26T07:00:00Z'),
    });
    h.setNow('2026-03-20T12:00:00Z');
    expect(h.scheduler.nextPost()?.date).toBe('2026-03-23');
    h.setNow('2026-03-26T07:00:01Z');
    expect(h.scheduler.nextPost()).toBeUndefined();
  });
});

describe('the digest runtime', () => {
  it('runs over the store, answering subscription commands with the next post time', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hallway-runtime-'));
    const config = readDigestConfig({ HALLWAY_DB_PATH: join(dir, 'var', 'hallway.db') });
    if (!config.ok) throw new Error(config.problems.join());
    const store = openSqliteStore(config.value.databasePath);
    const runtime = createDigestRuntime({
      config: config.value,
      store,
      engine: () => engine,
      posters: () => [],
      clock: () => Date.parse('2026-03-25T12:00:00Z'),
      logger: captureLogger().logger,
    });
    const reply = await runtime.subscriptions('subscribe', {
      platform: 'discord',
      channelId: '3001',
      userId: '4001',
      isAdmin: true,
      admins: 'members with Manage Server',
      mentionChannel: (id) => `<#${id}>`,
      commandFor: (command) => `/digest ${command}`,
    });
    expect(reply.text).toBe(
      '<#3001> will get the daily digest. The next one goes out Thu 26 Mar, 08:00 CET.',
    );
    await runtime.start();
    await runtime.stop();
    await store.close();
    expect(existsSync(join(dir, 'var', 'hallway.db'))).toBe(true);
  });
});
