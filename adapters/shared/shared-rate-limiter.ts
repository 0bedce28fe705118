// Rate limits held in the store, so one user flooding two replicas meets the same limit as on one. Should the
// store fail, the process's own buckets decide, rather than leaving a question unanswered.
import type { RateBuckets } from '../store/store.ts';
import type { Logger } from './logger.ts';
import {
  bucketsOf,
  decideRate,
  type QuestionLimiter,
  type RateDecision,
  type RateLimitConfig,
  RateLimiter,
  type RateRequest,
} from './rate-limiter.ts';

export interface SharedRateLimiterOptions {
  readonly config: RateLimitConfig;
  /** The shared buckets, once the store is open; until then (and on its failure) the in-memory ones decide. */
  readonly rates: () => RateBuckets | undefined;
  readonly clock: () => number;
  readonly logger: Logger;
}

export function createSharedRateLimiter(options: SharedRateLimiterOptions): QuestionLimiter {
  const { config, clock } = options;
  const local = new RateLimiter(config, clock);
  return {
    async check(request: RateRequest): Promise<RateDecision> {
      const rates = options.rates();
      if (rates === undefined) return local.check(request);
      const keys = bucketsOf(config, request).map((bucket) => bucket.key);
      if (keys.length === 0) return { kind: 'allow' };
      try {
        return await rates.update(keys, (stored) => {
          const { decision, next } = decideRate(config, request, stored, clock());
          return { next, result: decision };
        });
      } catch (error) {
        options.logger.warn(
          { err: error },
          "rate limits: the store failed; using this replica's own buckets",
        );
        return local.check(request);
      }
    },
  };
}
