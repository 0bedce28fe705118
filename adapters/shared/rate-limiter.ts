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

/** A bucket's state: tokens left, when they were counted, and whether this streak was told to slow down. */
export interface Bucket {
  readonly tokens: number;
  readonly updatedAt: number;
  /** Whether the user was already told to slow down in this streak. */
  readonly told: boolean;
}

/** Who asks, and where. */
export interface RateRequest {
  readonly userId: string;
  readonly channelId?: string;
}

/** Decides questions against the limits; in memory (one process) or shared through the store (replicas). */
export interface QuestionLimiter {
  check(request: RateRequest): RateDecision | Promise<RateDecision>;
}

/** The buckets a request draws from, by key, with their limits. */
export function bucketsOf(
  config: RateLimitConfig,
  request: RateRequest,
): Array<{ readonly scope: 'user' | 'channel'; readonly key: string; readonly config: BucketConfig }> {
  const checks: Array<{ scope: 'user' | 'channel'; key: string; config: BucketConfig }> = [
    { scope: 'user', key: `u:${request.userId}`, config: config.user },
  ];
  if (request.channelId !== undefined)
    checks.push({ scope: 'channel', key: `c:${request.channelId}`, config: config.channel });
  return checks.filter((check) => check.config.burst > 0);
}

/**
 * The decision on a request given its buckets' stored state (absent: full), and their next state. Pure, so the
 * in-memory limiter and the shared one decide alike.
 */
export function decideRate(
  config: RateLimitConfig,
  request: RateRequest,
  stored: ReadonlyMap<string, Bucket>,
  now: number,
): { readonly decision: RateDecision; readonly next: Map<string, Bucket> } {
  const buckets = bucketsOf(config, request).map((check) => {
    const previous = stored.get(check.key) ?? { tokens: check.config.burst, updatedAt: now, told: false };
    const elapsed = Math.max(0, now - previous.updatedAt);
    const tokens = Math.min(
      check.config.burst,
      previous.tokens + (elapsed / 60_000) * check.config.perMinute,
    );
    return { ...check, bucket: { tokens, updatedAt: now, told: previous.told } };
  });
  const next = new Map(buckets.map(({ key, bucket }) => [key, bucket]));
  const empty = buckets.find(({ bucket }) => bucket.tokens < 1);
  if (empty !== undefined) {
    next.set(empty.key, { ...empty.bucket, told: true });
    const msPerToken = 60_000 / Math.max(empty.config.perMinute, 1e-9);
    return {
      next,
      decision: {
        kind: 'limit',
        scope: empty.scope,
        notify: !empty.bucket.told,
        retryAfterMs: Math.ceil((1 - empty.bucket.tokens) * msPerToken),
      },
    };
  }
  for (const { key, bucket } of buckets)
    next.set(key, { tokens: bucket.tokens - 1, updatedAt: now, told: false });
  return { next, decision: { kind: 'allow' } };
}

/** Buckets kept at most; the longest-idle are dropped first (a full bucket loses nothing by being forgotten). */
const MAX_BUCKETS = 10_000;

/** The in-memory limiter: one process. */
export class RateLimiter implements QuestionLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly config: RateLimitConfig,
    private readonly clock: () => number,
  ) {}

  /** Takes a token from the user's and the channel's bucket, or says which one is empty. */
  check(request: RateRequest): RateDecision {
    const { decision, next } = decideRate(this.config, request, this.buckets, this.clock());
    for (const [key, bucket] of next) {
      // Re-inserting keeps the Map in least-recently-used order.
      this.buckets.delete(key);
      this.buckets.set(key, bucket);
    }
    while (this.buckets.size > MAX_BUCKETS) {
      const oldest = this.buckets.keys().next().value;
      if (oldest === undefined) break;
      this.buckets.delete(oldest);
    }
    return decision;
  }
}

/** The one-time reply to someone who is asking too fast. */
export function slowDownText(decision: Extract<RateDecision, { kind: 'limit' }>): string {
  const seconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
  const who =
    decision.scope === 'user' ? "You're asking faster than I can keep up" : 'This channel is very busy';
  return `${who}; give me about ${seconds} ${seconds === 1 ? 'second' : 'seconds'} and ask again. (I'll stay quiet until then.)`;
}
