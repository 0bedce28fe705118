// The load run's figures: nearest-rank percentiles, and duplicates and losses counted per event.
import { describe, expect, it } from 'vitest';
import { percentile, summarizeLoad } from './load-summary.ts';

describe('summarizeLoad', () => {
  it('counts answered, duplicate and lost events, and times the first reply to each', () => {
    const run = summarizeLoad({
      replicas: 2,
      eventsPerSecond: 50,
      sentAt: new Map([
        ['e1', 1000],
        ['e2', 1020],
        ['e3', 1040],
      ]),
      repliesAt: new Map([
        ['e1', [1010, 1500]],
        ['e2', [1050]],
      ]),
      errors: 1,
    });
    expect(run).toEqual({
      replicas: 2,
      eventsPerSecond: 50,
      sent: 3,
      answered: 2,
      duplicates: 1,
      lost: 1,
      errors: 1,
      p50Ms: 10,
      p99Ms: 30,
    });
  });

  it('takes the nearest-rank percentile', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile([], 99)).toBe(0);
  });
});
