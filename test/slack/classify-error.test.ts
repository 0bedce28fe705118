// Slack errors as @slack/web-api throws them (from the fake), read as "retry, after how long" or "final, do X".
import { webApi } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../adapters/shared/logger.ts';
import { boltLogger } from '../../adapters/slack/bolt-logger.ts';
import { classifySlackError } from '../../adapters/slack/classify-error.ts';
import { NO_RETRY_OPTIONS } from '../../adapters/slack/retry-config.ts';
import { FAKE_SLACK_BOT_TOKEN } from '../helpers/fake-credentials.ts';
import { type FakeSlack, type ScriptedReply, startFakeSlack } from './fake-slack.ts';
import { freePort } from './ports.ts';

/** The clients log each failure; these tests look at the errors instead. */
const quiet = boltLogger(silentLogger());
let fake: FakeSlack;
let client: webApi.WebClient;

beforeAll(async () => {
  fake = await startFakeSlack();
  // The digest poster's client: no retries inside, a 429 rejected at once.
  client = new webApi.WebClient(FAKE_SLACK_BOT_TOKEN, {
    slackApiUrl: fake.apiUrl,
    logger: quiet,
    ...NO_RETRY_OPTIONS,
  });
});

afterAll(async () => {
  await fake?.close();
});

/** The error the real client throws for one scripted reply to chat.postMessage. */
async function errorFor(reply: ScriptedReply, from: webApi.WebClient = client): Promise<unknown> {
  fake.script('chat.postMessage', reply);
  try {
    await from.chat.postMessage({ channel: 'C0ONE', text: 'digest' });
  } catch (error) {
    return error;
  }
  throw new Error('expected chat.postMessage to fail');
}

describe('classifySlackError: worth retrying', () => {
  it.each([
    ['HTTP 503', { status: 503 }, 'Slack answered HTTP 503'],
    ['HTTP 500', { status: 500 }, 'Slack answered HTTP 500'],
    ['internal_error', { error: 'internal_error' }, 'Slack had a passing problem (internal_error)'],
    ['fatal_error', { error: 'fatal_error' }, 'Slack had a passing problem (fatal_error)'],
    [
      'service_unavailable',
      { error: 'service_unavailable' },
      'Slack had a passing problem (service_unavailable)',
    ],
    ['request_timeout', { error: 'request_timeout' }, 'Slack had a passing problem (request_timeout)'],
  ] as const)('%s', async (_what, reply, reason) => {
    expect(classifySlackError(await errorFor(reply))).toEqual({ retry: true, reason });
  });

  it('a 429 waits as long as Retry-After says', async () => {
    const error = await errorFor({ status: 429, headers: { 'retry-after': '7' }, error: 'ratelimited' });
    expect(error).toMatchObject({ code: 'slack_webapi_rate_limited_error', retryAfter: 7 });
    expect(classifySlackError(error)).toEqual({
      retry: true,
      reason: 'Slack rate limit (HTTP 429, retry after 7 s)',
      afterMs: 7000,
    });
  });

  it('a "ratelimited" error with a Retry-After header waits as long too', async () => {
    const error = await errorFor({ error: 'ratelimited', headers: { 'retry-after': '3' } });
    expect(classifySlackError(error)).toMatchObject({ retry: true, afterMs: 3000 });
  });

  it('the answering client, out of retries after a 429, still names the Retry-After (or has none)', async () => {
    const answering = new webApi.WebClient(FAKE_SLACK_BOT_TOKEN, {
      slackApiUrl: fake.apiUrl,
      logger: quiet,
      retryConfig: { retries: 0 },
    });
    const error = await errorFor({ status: 429, headers: { 'retry-after': '0' } }, answering);
    expect(error).toMatchObject({ code: 'slack_webapi_request_error' });
    expect(classifySlackError(error)).toMatchObject({ retry: true, afterMs: 0 });
    const bare = await errorFor({ status: 429 }, answering);
    expect(classifySlackError(bare)).toEqual({ retry: true, reason: 'Slack rate limit (HTTP 429)' });
  });

  it('a network failure (nothing listening) is retried', async () => {
    const port = await freePort();
    const unreachable = new webApi.WebClient(FAKE_SLACK_BOT_TOKEN, {
      slackApiUrl: `http://127.0.0.1:${port}/api/`,
      logger: quiet,
      ...NO_RETRY_OPTIONS,
    });
    const error = await unreachable.chat
      .postMessage({ channel: 'C0ONE', text: 'x' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'slack_webapi_request_error' });
    expect(classifySlackError(error)).toMatchObject({
      retry: true,
      reason: expect.stringMatching(/^could not reach Slack/),
    });
  });
});

describe('classifySlackError: final, saying what to do', () => {
  it.each([
    ['not_in_channel', 'invite Hallway to the channel (/invite @Hallway) (not_in_channel)'],
    ['channel_not_found', 'run /hallway digest off there (channel_not_found)'],
    ['is_archived', 'unarchive it'],
    ['invalid_auth', 'Slack refused SLACK_BOT_TOKEN: reinstall the Slack app and update SLACK_BOT_TOKEN'],
    ['account_inactive', 'reinstall the Slack app and update SLACK_BOT_TOKEN (account_inactive)'],
    ['token_revoked', 'reinstall the Slack app'],
    ['restricted_action', 'ask a workspace admin to allow it'],
    ['invalid_blocks', 'a Hallway bug, please report it'],
    ['some_new_error', 'Slack refused the post (some_new_error)'],
  ])('%s', async (code, advice) => {
    const decision = classifySlackError(await errorFor({ error: code }));
    expect(decision.retry).toBe(false);
    expect(decision.reason).toContain(advice);
  });

  it('missing_scope names the scope to add', async () => {
    const error = await errorFor({ error: 'missing_scope', fields: { needed: 'chat:write.public' } });
    expect(classifySlackError(error)).toEqual({
      retry: false,
      reason:
        "the bot token lacks the scope chat:write.public (missing_scope): add it to the app's bot scopes and reinstall the app",
    });
  });

  it('an HTTP 4xx other than 429, and an error that is not Slack’s, are not retried', async () => {
    expect(classifySlackError(await errorFor({ status: 404 }))).toEqual({
      retry: false,
      reason: 'Slack answered HTTP 404, which retrying will not change',
    });
    expect(classifySlackError(new Error('Slack accepted the digest but returned no ts'))).toEqual({
      retry: false,
      reason: 'could not post to Slack: Slack accepted the digest but returned no ts',
    });
  });
});
