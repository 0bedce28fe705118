// Reads a `@slack/web-api` error: retry it (5xx, network, 429 with Retry-After) or not, and what to do.
import type { RetryDecision } from '../shared/retry.ts';

/** Slack's `error` strings that mean "try again later". */
const TRANSIENT = new Set([
  'ratelimited',
  'internal_error',
  'fatal_error',
  'service_unavailable',
  'request_timeout',
]);

const REINSTALL = 'reinstall the Slack app and update SLACK_BOT_TOKEN';

/** Slack's `error` strings that will not go away by themselves, with what to do about each. */
const PERMANENT: Readonly<Record<string, string>> = {
  not_in_channel: 'Hallway is not in the channel: invite Hallway to the channel (/invite @Hallway)',
  channel_not_found:
    'Slack cannot find the channel, or Hallway cannot see it: invite Hallway to the channel (/invite @Hallway), or run /hallway digest off there',
  is_archived: 'the channel is archived: unarchive it to get the digest again',
  invalid_auth: `Slack refused SLACK_BOT_TOKEN: ${REINSTALL}`,
  not_authed: `Slack got no token: ${REINSTALL}`,
  account_inactive: `the bot token belongs to a deactivated app or user: ${REINSTALL}`,
  token_revoked: `the bot token was revoked: ${REINSTALL}`,
  token_expired: `the bot token expired: ${REINSTALL}`,
  no_permission: 'Hallway lacks permission to post there: ask a workspace admin to allow it',
  restricted_action: 'the workspace does not let Hallway post there: ask a workspace admin to allow it',
  restricted_action_read_only_channel: 'the channel is read-only: ask a workspace admin to let Hallway post',
  ekm_access_denied: 'the workspace’s key management refused the post: ask a workspace admin',
  team_access_not_granted: 'the channel belongs to a workspace Hallway is not installed in: install it there',
  msg_too_long: 'Slack found the message too long: a Hallway bug, please report it',
  invalid_blocks: 'Slack refused the message’s blocks: a Hallway bug, please report it',
};

/** What @slack/web-api throws, as far as Hallway reads it. */
interface SlackErrorShape {
  readonly code?: unknown;
  readonly message?: unknown;
  readonly statusCode?: unknown;
  readonly headers?: unknown;
  readonly retryAfter?: unknown;
  readonly data?: {
    readonly error?: unknown;
    readonly needed?: unknown;
    readonly response_metadata?: { readonly retryAfter?: unknown };
  };
}

/**
 * Classifies an error from a Slack Web API call for `withRetries`: HTTP 5xx, network errors, 429s and Slack's
 * transient errors are retried (a 429's Retry-After becomes `afterMs`); anything else is final, with a reason
 * that says what to do ("invite Hallway to the channel").
 */
export function classifySlackError(error: unknown): RetryDecision {
  const shape = (typeof error === 'object' && error !== null ? error : {}) as SlackErrorShape;
  const message = typeof shape.message === 'string' ? shape.message : String(error);
  // A client that retries by itself, out of retries after 429s, throws a request error naming the Retry-After.
  const limited = /rate limit was exceeded.*retry-after: (\d+)/i.exec(message);
  if (limited !== null) return rateLimited(Number(limited[1]));
  switch (shape.code) {
    case 'slack_webapi_rate_limited_error':
      return rateLimited(seconds(shape.retryAfter));
    case 'slack_webapi_request_error':
      return { retry: true, reason: `could not reach Slack (${message})` };
    case 'slack_webapi_http_error':
      return httpError(shape);
    case 'slack_webapi_platform_error':
      return platformError(shape);
  }
  if (/Retry header did not contain a valid timeout/.test(message)) return rateLimited(undefined);
  return { retry: false, reason: `could not post to Slack: ${message}` };
}

function httpError(shape: SlackErrorShape): RetryDecision {
  const status = typeof shape.statusCode === 'number' ? shape.statusCode : 0;
  if (status === 429) {
    const headers = (shape.headers ?? {}) as Record<string, unknown>;
    return rateLimited(seconds(headers['retry-after']));
  }
  if (status >= 500) return { retry: true, reason: `Slack answered HTTP ${status}` };
  return { retry: false, reason: `Slack answered HTTP ${status}, which retrying will not change` };
}

function platformError(shape: SlackErrorShape): RetryDecision {
  const code = typeof shape.data?.error === 'string' ? shape.data.error : 'unknown_error';
  if (code === 'ratelimited') return rateLimited(seconds(shape.data?.response_metadata?.retryAfter));
  if (TRANSIENT.has(code)) return { retry: true, reason: `Slack had a passing problem (${code})` };
  if (code === 'missing_scope') {
    const needed = typeof shape.data?.needed === 'string' ? shape.data.needed : 'chat:write';
    return {
      retry: false,
      reason: `the bot token lacks the scope ${needed} (missing_scope): add it to the app's bot scopes and reinstall the app`,
    };
  }
  const advice = PERMANENT[code];
  return {
    retry: false,
    reason: advice === undefined ? `Slack refused the post (${code})` : `${advice} (${code})`,
  };
}

function rateLimited(afterSeconds: number | undefined): RetryDecision {
  if (afterSeconds === undefined) return { retry: true, reason: 'Slack rate limit (HTTP 429)' };
  return {
    retry: true,
    reason: `Slack rate limit (HTTP 429, retry after ${afterSeconds} s)`,
    afterMs: afterSeconds * 1000,
  };
}

function seconds(value: unknown): number | undefined {
  const number = typeof value === 'string' ? Number.parseInt(value, 10) : value;
  return typeof number === 'number' && Number.isFinite(number) && number >= 0 ? number : undefined;
}
