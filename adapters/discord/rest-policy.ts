// How Hallway's discord.js REST client retries: chosen from what @discordjs/rest 2.x does, and why.
import type { RateLimitData, RESTOptions } from 'discord.js';
import { discordRestAgent } from './rest-agent.ts';

/** The longest Retry-After the REST client waits out by itself; a longer one is handed to the caller. */
export const MAX_QUIET_RATE_LIMIT_WAIT_MS = 10_000;

/**
 * What @discordjs/rest does on its own (read in its SequentialHandler and BurstHandler):
 *
 * - a 5xx, a timeout (AbortError) or ECONNRESET is sent again at once, with no backoff, up to `retries` times,
 *   then thrown (`HTTPError`, or the network error);
 * - a 429 is waited out (`Retry-After` plus `offset`, or the bucket's `X-RateLimit-Reset-After`) and sent again,
 *   however many times, unless `rejectOnRateLimit` says to throw a `RateLimitError` instead;
 * - other 4xx are thrown at once as `DiscordAPIError`.
 *
 * Hallway's choices:
 *
 * - `retries: 1`: one immediate retry rescues a lone blip inside an interaction's 3-second window; more would
 *   hammer a struggling Discord with no pause. The digest runner retries with backoff on top (adapters/shared/
 *   retry.ts). Messages go out with an enforced nonce (`enforceNonce` on the client, an explicit one per digest
 *   message), so a retry after a 5xx that did create the message returns that message instead of a second one.
 * - `rejectOnRateLimit` for waits over 10 s: a per-route bucket (5 messages per 5 s in a channel) or a global
 *   limit is waited out quietly, but a long ban is not spent asleep inside a request. It becomes a
 *   `RateLimitError` whose `retryAfter` the digest runner honours (and logs); an answer gives up and logs it.
 * - `timeout: 15 s` (the library's default): Discord answers in well under a second; a hung request is retried once.
 */
export const DISCORD_REST_POLICY = {
  retries: 1,
  timeout: 15_000,
  rejectOnRateLimit: (data: RateLimitData) => data.retryAfter > MAX_QUIET_RATE_LIMIT_WAIT_MS,
} as const satisfies Partial<RESTOptions>;

/** The policy and its own HTTP agent, with a caller's overrides on top (tests point `api` at the loopback fake). */
export function restOptions(overrides: Partial<RESTOptions> = {}): Partial<RESTOptions> {
  return { ...DISCORD_REST_POLICY, agent: discordRestAgent(), ...overrides };
}
