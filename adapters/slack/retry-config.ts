// How Hallway's Slack Web API clients retry: a short policy for answers, none inside the digest poster.
import type { webApi } from '@slack/bolt';
import type { RetryPolicy } from '../shared/retry.ts';

/**
 * The answering client's retries. `@slack/web-api` wraps every call in p-retry (node-retry options): any
 * non-200 status other than 429 (`WebAPIHTTPError`) and any network failure (`WebAPIRequestError`) is tried
 * again; a 429 with `Retry-After` makes the client pause its queue for that many seconds and then retry; an
 * `{ ok: false }` platform error is never retried. Its default (ten retries over about 30 minutes) would keep
 * someone waiting half an hour for an answer, so Hallway allows three retries after roughly 1–2, 2–4 and 4–8
 * seconds (randomised, so a busy workspace does not retry in step): an answer arrives within about 15 seconds
 * of backoff plus any Retry-After, or the asker gets an apology.
 */
export const ANSWER_RETRY_CONFIG: webApi.RetryOptions = {
  retries: 3,
  factor: 2,
  minTimeout: 1_000,
  maxTimeout: 8_000,
  randomize: true,
};

/** A Web API call that has not answered in this long fails (and is retried as a network error). */
export const REQUEST_TIMEOUT_MS = 10_000;

/**
 * The digest poster's client: no retries of its own and a 429 rejected at once as `WebAPIRateLimitedError`,
 * so the digest runner (`adapters/shared/retry.ts`) is the one place that retries a post, honouring
 * `Retry-After` through `classifySlackError`. Nested retries would multiply attempts and hide the wait.
 */
export const NO_RETRY_OPTIONS = {
  retryConfig: { retries: 0 },
  rejectRateLimitedCalls: true,
} as const satisfies webApi.WebClientOptions;

/**
 * The answer poster's policy (`withRetries`), read from a Web API retry config: the same number of retries and
 * the same waits as `ANSWER_RETRY_CONFIG`, but run by Hallway, so that a try whose outcome is unknown is looked
 * for in the channel before the next one (`post-once.ts`) rather than resent blindly by the client.
 */
export function answerRetryPolicy(config: webApi.RetryOptions = ANSWER_RETRY_CONFIG): RetryPolicy {
  return {
    attempts: (config.retries ?? 0) + 1,
    baseDelayMs: config.minTimeout ?? 1_000,
    maxDelayMs: config.maxTimeout ?? 8_000,
  };
}
