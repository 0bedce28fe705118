// Token buckets per user and per channel with an injected clock: a burst, then a steady rate, and one "slow down".
import { describe, expect, it } from 'vitest';
import { readRateLimitConfig } from '../../adapters/shared/rate-limit-config.ts';
import { RateLimiter, slowDownText } from '../../adapters/shared/rate-limiter.ts';

function limiter(config = { user: { burst: 3, perMinute: 6 }, channel: { burst: 5, perMinute: 60 } }) {
  let now = 0;
  const rateLimiter = new RateLimiter(config, () => now);
  return {
    check: (userId: string, channelId = 'C1') => rateLimiter.check({ userId, channelId }),
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('RateLimiter', () => {
  it('allows a burst, then tells the user to slow down once and stays quiet after', () => {
    const { check } = limiter();
    expect([check('U1'), check('U1'), check('U1')].map((d) => d.kind)).toEqual(['allow', 'allow', 'allow']);
    expect(check('U1')).toEqual({ kind: 'limit', scope: 'user', notify: true, retryAfterMs: 10_000 });
    expect(check('U1')).toMatchObject({ kind: 'limit', notify: false });
    expect(check('U1')).toMatchObject({ kind: 'limit', notify: false });
  });

  it('refills at the configured rate, and a new streak is told again', () => {
    const { check, advance } = limiter();
    for (let i = 0; i < 4; i += 1) check('U1');
    advance(9_999);
    expect(check('U1')).toMatchObject({ kind: 'limit', notify: false, retryAfterMs: 1 });
    advance(1);
    expect(check('U1').kind).toBe('allow');
    expect(check('U1')).toMatchObject({ kind: 'limit', notify: true });
  });

  it('limits each user on their own, and a busy channel as a whole', () => {
    const { check } = limiter();
    for (let i = 0; i < 3; i += 1) check('U1');
    expect(check('U2').kind).toBe('allow');
    expect(check('U3').kind).toBe('allow');
    // The channel's burst of 5 is spent: U4 is refused for the channel, not for themselves.
    expect(check('U4')).toMatchObject({ kind: 'limit', scope: 'channel', notify: true });
    expect(check('U4', 'C2').kind).toBe('allow');
  });

  it('a refused request does not spend a token', () => {
    const { check, advance } = limiter({
      user: { burst: 1, perMinute: 60 },
      channel: { burst: 100, perMinute: 60 },
    });
    check('U1');
    for (let i = 0; i < 10; i += 1) check('U1');
    advance(1_000);
    expect(check('U1').kind).toBe('allow');
  });

  it('a burst of 0 turns that limit off', () => {
    const { check } = limiter({ user: { burst: 0, perMinute: 0 }, channel: { burst: 0, perMinute: 0 } });
    for (let i = 0; i < 1_000; i += 1) expect(check('U1').kind).toBe('allow');
  });

  it('words the slow-down for a person and for a channel', () => {
    expect(slowDownText({ kind: 'limit', scope: 'user', notify: true, retryAfterMs: 9_200 })).toBe(
      "You're asking faster than I can keep up; give me about 10 seconds and ask again. (I'll stay quiet until then.)",
    );
    expect(slowDownText({ kind: 'limit', scope: 'channel', notify: true, retryAfterMs: 300 })).toMatch(
      /^This channel is very busy; give me about 1 second/,
    );
  });
});

describe('readRateLimitConfig', () => {
  it('has defaults and reads overrides, naming a wrong value', () => {
    expect(readRateLimitConfig({})).toEqual({
      ok: true,
      value: { user: { burst: 5, perMinute: 10 }, channel: { burst: 20, perMinute: 60 } },
    });
    expect(readRateLimitConfig({ HALLWAY_USER_BURST: '2', HALLWAY_CHANNEL_PER_MINUTE: '0' })).toMatchObject({
      ok: true,
      value: { user: { burst: 2 }, channel: { perMinute: 0 } },
    });
    expect(readRateLimitConfig({ HALLWAY_USER_PER_MINUTE: '-1' })).toEqual({
      ok: false,
      problems: ['HALLWAY_USER_PER_MINUTE: must be 0 (off) or more'],
    });
  });
});
