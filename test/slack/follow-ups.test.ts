// Follow-up questions in a Slack thread: the thread's last answer is kept in the store, so "when is it?" refers to
// it; a new thread starts afresh. Over the real Bolt HTTP receiver and the loopback fake.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConversationMemory } from '../../adapters/shared/conversation-memory.ts';
import { RateLimiter } from '../../adapters/shared/rate-limiter.ts';
import { openSqliteStore, type SqliteStore } from '../../adapters/store/sqlite-store.ts';
import { captureLogger } from '../helpers/capture-logger.ts';
import { engineFor, MINI_CONF } from '../helpers/engines.ts';
import { type HttpSlack, startHttpSlack } from './http-harness.ts';
import { mentionEvent } from './slack-requests.ts';

const engine = engineFor(MINI_CONF);
let slack: HttpSlack;
let store: SqliteStore;

beforeAll(async () => {
  store = openSqliteStore(join(mkdtempSync(join(tmpdir(), 'hallway-follow-')), 'hallway.db'));
  slack = await startHttpSlack({
    engine: () => engine,
    services: {
      rateLimiter: new RateLimiter(
        { user: { burst: 0, perMinute: 0 }, channel: { burst: 0, perMinute: 0 } },
        Date.now,
      ),
      admins: { includes: () => false, size: 0 },
      conversations: new ConversationMemory({
        store: () => store.context,
        logger: captureLogger().logger,
      }),
    },
  });
});
afterAll(async () => {
  await slack.stop();
  await store.close();
});

/** Asks in `thread` (a new thread when it is the mention's own ts) and returns the reply's text. */
async function ask(text: string, thread?: string): Promise<{ text: string; thread: string }> {
  const event = mentionEvent(text, thread === undefined ? {} : { thread_ts: thread });
  const threadTs = String(thread ?? event.ts);
  await slack.handled(() => slack.sendEvent(event));
  const replies = slack.postsIn(threadTs);
  return { text: String(replies.at(-1)?.body.text ?? ''), thread: threadTs };
}

describe('follow-up questions in a thread', () => {
  it('answer "when is it?" about the thread’s last answer, and only in that thread', async () => {
    const first = await ask('who is giving the opening keynote?');
    expect(first.text).toContain('Rita Mar');
    const followUp = await ask('when is it?', first.thread);
    expect(followUp.text).not.toMatch(/^Mention me/);
    expect(followUp.text).toMatch(/Lighthouses and load balancers.{0,3} is on Sat 27 Mar, 09:00/);
    const elsewhere = await ask('when is it?');
    // A new thread has no earlier answer: the bare follow-up gets the help.
    expect(elsewhere.text).toMatch(/^Mention me/);
  });
});
