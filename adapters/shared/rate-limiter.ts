// Token buckets per user and per channel, so one person (or one busy channel) cannot flood the bot. The first
// refused request of a streak gets a friendly "slow down"; the rest are dropped quietly until tokens return.

export interface BucketConfig {
  /** Requests allowed at once, after a quiet spell. 0 turns the limit off. */
  readonly burst: number;
  /** Tokens added back per minute. */
  readonly perMinute: number;
}

export interface RateLimitConfig {
  readonly user: BucketConfig;
  readonly channel: BucketConfig;
}

/** Five questions at once, then one every six seconds, per person; twenty at once, one a second, per channel. */
export const DEFAULT_RATE_LIMITS: RateLimitConfig = {
  user: { burst: 5, perMinute: 10 },
  channel: { burst: 20, perMinute: 60 },
};

export type RateDecision =
  | { readonly kind: 'allow' }
  | {
      readonly kind: 'limit';
      readonly scope: 'user' | 'channel';
      /** True for the first refusal of a streak: say "slow down" once, then stay quiet. */
      readonly notify: boolean;
      /** When the next request would be allowed. */
      readonly retryAfterMs: number;
    };

interface Bucket {
  tokens: number;
  updatedAt: number;
  /** Whether the user was already told to slow down in this streak. */
  told: boolean;
}

/** Buckets kept at most; the longest-idle are dropped first (a full bucket loses nothing by being forgotten). */
const MAX_BUCKETS = 10_000;

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly config: RateLimitConfig,
    private readonly clock: () => number,
  ) {}

  /** Takes a token from the user's and the channel's bucket, or says which one is empty. */
  check(request: { readonly userId: string; readonly channelId?: string }): RateDecision {
    const now = this.clock();
    const checks: Array<['user' | 'channel', string, BucketConfig]> = [
      ['user', `u:${request.userId}`, this.config.user],
    ];
    if (request.channelId !== undefined)
      checks.push(['channel', `c:${request.channelId}`, this.config.channel]);
    const buckets = checks
      .filter(([, , config]) => config.burst > 0)
      .map(([scope, key, config]) => ({
        scope,
        config,
        bucket: this.refilled(key, config, now),
      }));
    const empty = buckets.find(({ bucket }) => bucket.tokens < 1);
    if (empty !== undefined) {
      const notify = !empty.bucket.told;
      empty.bucket.told = true;
      const msPerToken = 60_000 / Math.max(empty.config.perMinute, 1e-9);
      return {
        kind: 'limit',
        scope: empty.scope,
        notify,
        retryAfterMs: Math.ceil((1 - empty.bucket.tokens) * msPerToken),
      };
    }
    for (const { bucket } of buckets) {
      bucket.tokens -= 1;
      bucket.told = false;
    }
    return { kind: 'allow' };
  }

  private refilled(key: string, config: BucketConfig, now: number): Bucket {
    const existing = this.buckets.get(key);
    const bucket = existing ?? { tokens: config.burst, updatedAt: now, told: false };
    const elapsed = Math.max(0, now - bucket.updatedAt);
    bucket.tokens = Math.min(config.burst, bucket.tokens + (elapsed / 60_000) * config.perMinute);
    bucket.updatedAt = now;
    // Re-inserting keeps the Map in least-recently-used order.
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    if (this.buckets.size > MAX_BUCKETS) {
      const oldest = this.buckets.keys().next().value;
      if (oldest !== undefined) this.buckets.delete(oldest);
    }
    return bucket;
  }
}

/** The one-time reply to someone who is asking too fast. */
export function slowDownText(decision: Extract<RateDecision, { kind: 'limit' }>): string {
  const seconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
  const who =
    decision.scope === 'user' ? "You're asking faster than I can keep up" : 'This channel is very busy';
  return `${who}; give me about ${seconds} ${seconds === 1 ? 'second' : 'seconds'} and ask again. (I'll stay quiet until then.)`;
}
