// What a failed Discord call means for a digest post: try again (5xx, network, rate limit), or stop and say what
// to fix (no access, no permission, no such channel, a rejected token).
import { DiscordAPIError, HTTPError, RateLimitError, RESTJSONErrorCodes } from 'discord.js';
import { assertNever } from '../../src/index.ts';
import type { RetryDecision } from '../shared/retry.ts';

/** Why a channel cannot take Hallway's messages, as a value; `channelProblemText` words it. */
export type ChannelProblem =
  | { readonly kind: 'missing-access' }
  | { readonly kind: 'missing-permissions'; readonly missing?: readonly string[] }
  | { readonly kind: 'unknown-channel' }
  | { readonly kind: 'not-a-text-channel' }
  | { readonly kind: 'bad-token' };

/** A channel found unfit before anything was sent: the digest is not retried. */
export class ChannelProblemError extends Error {
  override readonly name = 'ChannelProblemError';
  constructor(readonly problem: ChannelProblem) {
    super(channelProblemText(problem));
  }
}

const UNSUBSCRIBE = 'or run /digest unsubscribe in that channel';

/** What is wrong and what to do about it, for the log and the digest's row. */
export function channelProblemText(problem: ChannelProblem): string {
  switch (problem.kind) {
    case 'missing-access':
      return `Hallway cannot see the channel (Discord error 50001 Missing Access): invite Hallway to the channel, or give its role View Channel there; ${UNSUBSCRIBE}.`;
    case 'missing-permissions': {
      const which =
        problem.missing === undefined ? 'Send Messages and Embed Links' : problem.missing.join(', ');
      return `Hallway may not post in the channel (Discord error 50013 Missing Permissions): give its role ${which} there; ${UNSUBSCRIBE}.`;
    }
    case 'unknown-channel':
      return 'The channel does not exist (Discord error 10003 Unknown Channel): it was deleted, or Hallway was removed from its server; remove it from HALLWAY_DIGEST_DISCORD_CHANNELS if it is listed there.';
    case 'not-a-text-channel':
      return `The channel is not a server text channel (a category, a voice channel without text, or a DM): subscribe a text channel instead; ${UNSUBSCRIBE}.`;
    case 'bad-token':
      return 'Discord rejected DISCORD_TOKEN (401 Unauthorized): reset the token in the Developer Portal (your application → Bot → Reset Token), put it in DISCORD_TOKEN and restart Hallway.';
    default:
      return assertNever(problem);
  }
}

/** Node and undici codes of a connection that failed or broke; worth another try. */
const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ENOTFOUND',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

/**
 * Retry: a 5xx (`HTTPError`, thrown once the REST client's own retry is spent), a network failure or timeout
 * (`AbortError`), a long rate limit (`RateLimitError`, with its `retryAfter` as `afterMs`). Stop: every refusal
 * (`DiscordAPIError`, a 4xx) and a channel found unfit before sending, with what to do.
 */
export function classifyDiscordError(error: unknown): RetryDecision {
  if (error instanceof RateLimitError) {
    return {
      retry: true,
      reason: `Discord is rate limiting ${error.method.toUpperCase()} ${error.route} (${error.global ? 'global' : error.scope} limit) for ${Math.ceil(error.retryAfter / 1000)} s`,
      afterMs: error.retryAfter,
    };
  }
  if (error instanceof HTTPError) {
    const reason = `Discord answered HTTP ${error.status} ${error.message}`.trim();
    return error.status >= 500 ? { retry: true, reason } : { retry: false, reason };
  }
  if (error instanceof DiscordAPIError) return { retry: false, reason: refusalText(error) };
  if (error instanceof ChannelProblemError) return { retry: false, reason: error.message };
  if (error instanceof Error && error.name === 'AbortError')
    return { retry: true, reason: 'Discord did not answer in time (the request timed out)' };
  const code = networkCode(error);
  if (code !== undefined) return { retry: true, reason: `could not reach Discord (${code})` };
  return {
    retry: false,
    reason: `unexpected error: ${error instanceof Error ? error.message : String(error)}`,
  };
}

/** A 4xx from Discord, worded with the fix when Hallway knows it. */
function refusalText(error: DiscordAPIError): string {
  if (error.status === 401) return channelProblemText({ kind: 'bad-token' });
  switch (error.code) {
    case RESTJSONErrorCodes.MissingAccess:
      return channelProblemText({ kind: 'missing-access' });
    case RESTJSONErrorCodes.MissingPermissions:
      return channelProblemText({ kind: 'missing-permissions' });
    case RESTJSONErrorCodes.UnknownChannel:
      return channelProblemText({ kind: 'unknown-channel' });
    default:
      return `Discord refused the message (HTTP ${error.status}, code ${error.code}: ${error.message}); not retried.`;
  }
}

function networkCode(error: unknown): string | undefined {
  const own = (error as { code?: unknown } | null)?.code;
  if (typeof own === 'string' && NETWORK_CODES.has(own)) return own;
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  return typeof cause === 'string' && NETWORK_CODES.has(cause) ? cause : undefined;
}
