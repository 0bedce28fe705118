// The Slack digest poster through the real WebClient: split into ≤ 50-block posts, and retried or failed as it should.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DigestPoster } from '../../adapters/digest/digest-poster.ts';
import { DigestScheduler } from '../../adapters/digest/digest-scheduler.ts';
import { DigestStore } from '../../adapters/digest/digest-store.ts';
import { createEngine } from '../../src/index.ts';
import { BUSY_DAY, BUSY_DAY_0800, busyConference, busyTracks } from '../helpers/busy-conference.ts';
import { blockTexts } from './block-texts.ts';
import { captureLogger } from './capture-logger.ts';
import type { Recorded } from './fake-slack.ts';
import { type HttpSlack, startHttpSlack } from './http-harness.ts';
import { MORNING_ONLY, tempDatabase } from './services.ts';

const TRACKS = 30;
const engine = createEngine(busyConference(TRACKS));
let harness: HttpSlack;
let poster: DigestPoster;

beforeAll(async () => {
  harness = await startHttpSlack({ engine: () => engine });
  poster = harness.slack.digestPoster;
});

afterAll(async () => {
  await harness?.stop();
});

function postsTo(channel: string): Recorded[] {
  return harness.fake.callsTo('chat.postMessage').filter((call) => call.body.channel === channel);
}

/** Every text in a post's blocks. */
const textsOf = (post: Recorded | undefined): string[] => blockTexts(post?.body.blocks ?? []);

/** A scheduler at 08:00 on the busy day, over a fresh database with `channels` subscribed the day before. */
function scheduleFor(channels: readonly string[]) {
  const { db } = tempDatabase();
  const store = new DigestStore(db);
  for (const channelId of channels) {
    store.subscribe({
      platform: 'slack',
      channelId,
      createdBy: 'U0LEAD',
      createdAt: BUSY_DAY_0800 - 86_400_000,
    });
  }
  const sleeps: number[] = [];
  const log = captureLogger();
  const scheduler = new DigestScheduler({
    store,
    engine: () => engine,
    posters: () => [poster],
    schedule: MORNING_ONLY,
    clock: () => BUSY_DAY_0800,
    logger: log.logger,
    retry: {
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    },
  });
  const key = (channelId: string) => ({
    platform: 'slack' as const,
    channelId,
    date: BUSY_DAY,
    kind: 'morning' as const,
  });
  return { store, scheduler, sleeps, log, key, close: () => db.close() };
}

describe('createSlackDigestPoster', () => {
  it('posts a long day as several messages of at most 50 blocks, in order, with nothing cut', async () => {
    const sends = poster.messages('C0SPLIT', engine.digest({ date: BUSY_DAY }), {
      key: 'digest/C0SPLIT/test',
      resumed: false,
    });
    expect(sends.length).toBeGreaterThanOrEqual(3);
    const ids: string[] = [];
    for (const send of sends) ids.push(await send());
    const posts = postsTo('C0SPLIT');
    expect(posts).toHaveLength(sends.length);
    expect(new Set(ids).size).toBe(ids.length);
    for (const [index, post] of posts.entries()) {
      expect((post.body.blocks as unknown[]).length).toBeLessThanOrEqual(50);
      expect(post.body).toMatchObject({ unfurl_links: 'false', unfurl_media: 'false' });
      expect(textsOf(post)[0]).toBe(
        index === 0 ? 'Sat 27 Mar at MiniConf' : `Sat 27 Mar at MiniConf (${index + 1}/${posts.length})`,
      );
    }
    const all = posts.flatMap(textsOf);
    for (const track of busyTracks(TRACKS)) expect(all).toContain(`*${track} (4)*`);
    expect(all.filter((text) => /^…and \d+ more (results|parts)\.$/.test(text))).toEqual([]);
    // The sources close the digest, once.
    expect(all.filter((text) => text.startsWith('Sources:'))).toHaveLength(1);
    expect(textsOf(posts.at(-1)).at(-1)).toMatch(/^Sources:/);
  });
});

describe('posting the digest with retries (DigestScheduler + SQLite + the real WebClient)', () => {
  it('a 503 is retried after a backoff, and the digest goes out once', async () => {
    const run = scheduleFor(['C0RETRY']);
    harness.fake.script('chat.postMessage', { status: 503, channel: 'C0RETRY' });
    const [outcome] = await run.scheduler.runDue();
    expect(outcome?.kind).toBe('posted');
    const row = run.store.post(run.key('C0RETRY'));
    expect(row).toMatchObject({ state: 'posted', partsPosted: row?.partsTotal });
    // One extra request (the 503), then each part once.
    expect(postsTo('C0RETRY')).toHaveLength((row?.partsTotal ?? 0) + 1);
    expect(run.sleeps).toEqual([2000]);
    run.close();
  });

  it('a reply lost after Slack posted each part: every part is found in the history, none posted twice', async () => {
    const run = scheduleFor(['C0LOST']);
    const parts = poster.messages('C0LOST', engine.digest({ date: BUSY_DAY }), {
      key: 'dry-run',
      resumed: false,
    }).length;
    // Every part is posted by Slack, and then its reply never arrives (the connection drops).
    harness.fake.script(
      'chat.postMessage',
      ...Array.from({ length: parts }, () => ({ lost: true, channel: 'C0LOST' })),
    );
    const [outcome] = await run.scheduler.runDue();
    expect(outcome?.kind).toBe('posted');
    const posted = harness.fake.messagesIn('C0LOST');
    expect(posted).toHaveLength(parts);
    expect(posted.map((message) => message.metadata)).toEqual(
      posted.map((_, index) => ({
        event_type: 'hallway_post',
        event_payload: { key: `digest/C0LOST/${BUSY_DAY}/morning#${index + 1}/${parts}` },
      })),
    );
    expect(run.store.post(run.key('C0LOST'))).toMatchObject({
      state: 'posted',
      partsTotal: parts,
      partsPosted: parts,
      messageIds: posted.map((message) => message.ts),
    });
    // One lookup per lost reply, asking for the metadata.
    const lookups = harness.fake.callsTo('conversations.history');
    expect(lookups.filter((call) => call.body.channel === 'C0LOST')).toHaveLength(parts);
    expect(lookups[0]?.body.include_all_metadata).toBe('true');
    run.close();
  });

  it('a lost reply whose history cannot be read is not posted again; the post fails naming the scope', async () => {
    const run = scheduleFor(['C0BLIND']);
    harness.fake.script('chat.postMessage', { lost: true, channel: 'C0BLIND' });
    harness.fake.script('conversations.history', {
      error: 'missing_scope',
      fields: { needed: 'channels:history' },
      channel: 'C0BLIND',
    });
    const [outcome] = await run.scheduler.runDue();
    expect(outcome?.kind).toBe('failed');
    expect(harness.fake.messagesIn('C0BLIND')).toHaveLength(1);
    expect(postsTo('C0BLIND')).toHaveLength(1);
    expect(run.store.post(run.key('C0BLIND'))?.error).toContain('channels:history');

    // The next run claims it again (nothing was recorded as posted): it looks before posting, and finds part 1.
    const [again] = await run.scheduler.runDue();
    expect(again?.kind).toBe('posted');
    const row = run.store.post(run.key('C0BLIND'));
    const posted = harness.fake.messagesIn('C0BLIND');
    expect(posted).toHaveLength(row?.partsTotal ?? 0);
    expect(row).toMatchObject({ state: 'posted', messageIds: posted.map((message) => message.ts) });
    run.close();
  });

  it('a 429 waits as long as its Retry-After, then the digest goes out once', async () => {
    const run = scheduleFor(['C0SLOW']);
    harness.fake.script('chat.postMessage', {
      status: 429,
      headers: { 'retry-after': '5' },
      error: 'ratelimited',
      channel: 'C0SLOW',
    });
    const [outcome] = await run.scheduler.runDue();
    expect(outcome?.kind).toBe('posted');
    expect(run.sleeps).toEqual([5000]);
    expect(run.log.lines()).toContainEqual(
      expect.objectContaining({ msg: 'digest post failed; retrying', delayMs: 5000, channelId: 'C0SLOW' }),
    );
    run.close();
  });

  it('a channel Hallway is not in fails at once, saying to invite it; the other channels get theirs', async () => {
    const run = scheduleFor(['C0FIRST', 'C0GONE', 'C0LAST']);
    harness.fake.script('chat.postMessage', { error: 'not_in_channel', channel: 'C0GONE' });
    const outcomes = await run.scheduler.runDue();
    expect(Object.fromEntries(outcomes.map((outcome) => [outcome.key.channelId, outcome.kind]))).toEqual({
      C0FIRST: 'posted',
      C0GONE: 'failed',
      C0LAST: 'posted',
    });
    const failed = run.store.post(run.key('C0GONE'));
    expect(failed?.state).toBe('failed');
    expect(failed?.error).toContain('invite Hallway to the channel (/invite @Hallway)');
    expect(postsTo('C0GONE')).toHaveLength(1);
    expect(run.sleeps).toEqual([]);
    expect(run.log.lines()).toContainEqual(
      expect.objectContaining({
        level: 50,
        msg: 'digest post failed',
        channelId: 'C0GONE',
        reason: expect.stringContaining('not_in_channel'),
      }),
    );
    run.close();
  });
});
