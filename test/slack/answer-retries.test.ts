// Answers survive Slack's 5xx and 429s: the real WebClient retries with backoff and honours Retry-After.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DATASET, engineFor } from '../helpers/engines.ts';
import { type HttpSlack, startHttpSlack } from './http-harness.ts';
import { directMessageEvent, mentionEvent } from './slack-requests.ts';

const engine = engineFor(DEFAULT_DATASET);
let harness: HttpSlack;

beforeAll(async () => {
  // The production policy's shape (a few retries with growing waits), with waits short enough for a test.
  harness = await startHttpSlack({
    engine: () => engine,
    retryConfig: { retries: 2, factor: 2, minTimeout: 20, maxTimeout: 50 },
  });
});

afterAll(async () => {
  await harness?.stop();
});

describe('Slack answers with Web API retries (real WebClient)', () => {
  it('a 503 from chat.postMessage is retried and the answer is posted once, with no apology', async () => {
    harness.fake.script('chat.postMessage', { status: 503, channel: 'C0RETRY' });
    const event = mentionEvent('what is HAMi?', { channel: 'C0RETRY' });
    expect(await harness.handled(() => harness.sendEvent(event))).toEqual([
      { kind: 'answered', surface: 'mention' },
    ]);
    const requests = harness.postsIn(event.ts);
    // The refused request and the accepted one carry the same answer; nothing else was posted.
    expect(requests).toHaveLength(2);
    expect(requests[0]?.body.text).toBe(requests[1]?.body.text);
    expect(requests[1]?.body.text).toContain('HAMi');
    expect(JSON.stringify(requests)).not.toContain('Sorry, something went wrong');
  });

  it('a reply lost after Slack posted the answer in a thread: found among the replies, posted once', async () => {
    harness.fake.script('chat.postMessage', { lost: true, channel: 'C0LOSTREPLY' });
    const event = mentionEvent('what is HAMi?', { channel: 'C0LOSTREPLY' });
    expect(await harness.handled(() => harness.sendEvent(event))).toEqual([
      { kind: 'answered', surface: 'mention' },
    ]);
    expect(harness.postsIn(event.ts)).toHaveLength(1);
    expect(harness.fake.messagesIn('C0LOSTREPLY')).toHaveLength(1);
    const lookup = harness.fake
      .callsTo('conversations.replies')
      .find((call) => call.body.channel === 'C0LOSTREPLY');
    expect(lookup?.body).toMatchObject({
      channel: 'C0LOSTREPLY',
      ts: event.ts,
      include_all_metadata: 'true',
    });
  });

  it('a reply lost after Slack posted the answer in a DM: found in the history, posted once', async () => {
    harness.fake.script('chat.postMessage', { lost: true, channel: 'D0LOST' });
    const event = directMessageEvent('who is Chad Beaudin?', { channel: 'D0LOST', user: 'U0LOST' });
    expect(await harness.handled(() => harness.sendEvent(event))).toEqual([
      { kind: 'answered', surface: 'dm' },
    ]);
    const posted = harness.fake.messagesIn('D0LOST');
    expect(posted).toHaveLength(1);
    expect(posted[0]?.text).toContain('Chad Beaudin (Boeing)');
    expect(posted[0]?.metadata).toEqual({
      event_type: 'hallway_post',
      event_payload: { key: `answer/D0LOST/${event.ts}` },
    });
  });

  it('a 429 with Retry-After: 1 is waited out (about a second), then the answer is posted once', async () => {
    harness.fake.script('chat.postMessage', {
      status: 429,
      headers: { 'retry-after': '1' },
      error: 'ratelimited',
      channel: 'D0WAIT',
    });
    const event = directMessageEvent('who is Chad Beaudin?', { channel: 'D0WAIT', user: 'U0WAIT' });
    const started = Date.now();
    expect(await harness.handled(() => harness.sendEvent(event))).toEqual([
      { kind: 'answered', surface: 'dm' },
    ]);
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(950);
    // About the second asked for, not a fixed long back-off; the margin is for a loaded 2-core machine.
    expect(elapsed).toBeLessThan(8000);
    const requests = harness.fake
      .callsTo('chat.postMessage')
      .filter((call) => call.body.channel === 'D0WAIT');
    expect(requests).toHaveLength(2);
    expect(requests[1]?.body.text).toContain('Chad Beaudin (Boeing)');
  });

  it('gives up after its retries and apologises, instead of leaving the asker waiting', async () => {
    harness.fake.script(
      'chat.postMessage',
      ...Array.from({ length: 3 }, () => ({ status: 500, channel: 'C0DOWN' })),
    );
    const event = mentionEvent('what is Perses?', { channel: 'C0DOWN' });
    const [outcome] = await harness.handled(() => harness.sendEvent(event));
    expect(outcome?.kind).toBe('failed');
    const requests = harness.postsIn(event.ts);
    expect(requests).toHaveLength(4);
    expect(requests.at(-1)?.body.text).toContain('Sorry, something went wrong');
  });
});
