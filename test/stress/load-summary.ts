// The figures of one load run, from what was sent and what the Slack fake received: throughput, latency
// percentiles, duplicates, losses and errors.

/** One run's figures, as `npm run load -- --json` prints them. */
export interface LoadRun {
  readonly replicas: number;
  readonly eventsPerSecond: number;
  /** Distinct events sent (a redelivery to a second replica counts once). */
  readonly sent: number;
  /** Events that got a reply. */
  readonly answered: number;
  /** Replies beyond the first to one event. */
  readonly duplicates: number;
  /** Events without a reply when the run ended. */
  readonly lost: number;
  /** Deliveries Hallway did not acknowledge with a 200, or that failed to reach it. */
  readonly errors: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

export interface LoadObservations {
  readonly replicas: number;
  readonly eventsPerSecond: number;
  /** When each event was first sent (epoch ms), by its key (the thread it asks in). */
  readonly sentAt: ReadonlyMap<string, number>;
  /** When each reply arrived, by the key of the event it answers; several for a duplicate. */
  readonly repliesAt: ReadonlyMap<string, readonly number[]>;
  readonly errors: number;
}

/** The nearest-rank percentile `p` (0–100) of `values`; 0 for none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1] ?? 0;
}

export function summarizeLoad(observed: LoadObservations): LoadRun {
  const latencies: number[] = [];
  let duplicates = 0;
  for (const [key, sentAt] of observed.sentAt) {
    const replies = observed.repliesAt.get(key) ?? [];
    const first = replies[0];
    if (first !== undefined) latencies.push(first - sentAt);
    duplicates += Math.max(0, replies.length - 1);
  }
  const sent = observed.sentAt.size;
  return {
    replicas: observed.replicas,
    eventsPerSecond: observed.eventsPerSecond,
    sent,
    answered: latencies.length,
    duplicates,
    lost: sent - latencies.length,
    errors: observed.errors,
    p50Ms: Math.round(percentile(latencies, 50)),
    p99Ms: Math.round(percentile(latencies, 99)),
  };
}
