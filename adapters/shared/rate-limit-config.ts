// The rate limits' environment, checked with zod: a burst and a refill rate per user and per channel.
import { z } from 'zod';
import { type EnvResult, envProblems } from './env.ts';
import { envNumber } from './env-number.ts';
import { DEFAULT_RATE_LIMITS, type RateLimitConfig } from './rate-limiter.ts';

/** Bursts are whole questions; a rate per minute may have a fraction (0.5: one question every two minutes). */
const count = (kind: 'integer' | 'decimal', fallback: number) =>
  envNumber({
    kind,
    message: 'must be a number (0 turns the limit off)',
    wholeMessage: 'must be a whole number (0 turns the limit off)',
    min: [0, 'must be 0 (off) or more'],
    max: [100_000, 'must be at most 100000'],
    fallback,
  });

const RateLimitEnvSchema = z.object({
  HALLWAY_USER_BURST: count('integer', DEFAULT_RATE_LIMITS.user.burst),
  HALLWAY_USER_PER_MINUTE: count('decimal', DEFAULT_RATE_LIMITS.user.perMinute),
  HALLWAY_CHANNEL_BURST: count('integer', DEFAULT_RATE_LIMITS.channel.burst),
  HALLWAY_CHANNEL_PER_MINUTE: count('decimal', DEFAULT_RATE_LIMITS.channel.perMinute),
});

export function readRateLimitConfig(
  env: Readonly<Record<string, string | undefined>>,
): EnvResult<RateLimitConfig> {
  const parsed = RateLimitEnvSchema.safeParse(env);
  if (!parsed.success) return { ok: false, problems: envProblems(parsed.error) };
  const value = parsed.data;
  return {
    ok: true,
    value: {
      user: { burst: value.HALLWAY_USER_BURST, perMinute: value.HALLWAY_USER_PER_MINUTE },
      channel: { burst: value.HALLWAY_CHANNEL_BURST, perMinute: value.HALLWAY_CHANNEL_PER_MINUTE },
    },
  };
}
