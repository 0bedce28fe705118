// Backoff that doubles up to a cap, waits at least the platform's Retry-After, and stops on a final error.
import { describe, expect, it } from 'vitest';
import { RetriesExhaustedError, type RetryDecision, withRetries } from '../../adapters/shared/retry.ts';

function scripted(results: Array<RetryDecision | 'ok'>) {
  const sleeps: number[] = [];
  let calls = 0;
  const run = () =>
    withRetries(
      async () => {
        const result = results[calls++];
        if (result === 'ok') return 'done';
        throw Object.assign(new Error('fail'), { decision: result });
      },
      {
        policy: { attempts: 4, baseDelayMs: 1_000, maxDelayMs: 3_000 },
        classify: (error) => (error as { decision: RetryDecision }).decision,
        sleep: async (ms) => {
          sleeps.push(ms);
        },
      },
    );
  return { run, sleeps, calls: () => calls };
}

const transient: RetryDecision = { retry: true, reason: 'HTTP 503' };

describe('withRetries', () => {
  it('doubles the wait after each failure, up to the cap, and returns the result', async () => {
    const { run, sleeps } = scripted([transient, transient, transient, 'ok']);
    expect(await run()).toBe('done');
    expect(sleeps).toEqual([1_000, 2_000, 3_000]);
  });

  it('waits the platform’s Retry-After when it is longer than the backoff', async () => {
    const { run, sleeps } = scripted([{ retry: true, reason: '429', afterMs: 7_500 }, 'ok']);
    await run();
    expect(sleeps).toEqual([7_500]);
  });

  it('gives up at once on a final error, with its reason', async () => {
    const { run, calls } = scripted([{ retry: false, reason: 'not_in_channel' }]);
    const error = await run().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RetriesExhaustedError);
    expect((error as Error).message).toBe('not_in_channel (after 1 attempt)');
    expect(calls()).toBe(1);
  });

  it('gives up after the last attempt', async () => {
    const { run, calls } = scripted([transient, transient, transient, transient, 'ok']);
    await expect(run()).rejects.toThrow('HTTP 503 (after 4 attempts)');
    expect(calls()).toBe(4);
  });
});
