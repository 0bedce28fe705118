// Timing and memory helpers for the benchmark.

export interface LatencySummary {
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

export function summarize(samples: readonly number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (share: number) => sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? 0;
  return { p50Ms: round(at(0.5)), p99Ms: round(at(0.99)), maxMs: round(sorted[sorted.length - 1] ?? 0) };
}

/** Runs `work` and returns how long it took, in milliseconds. */
export function timed(work: () => void): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}

/** Heap and RSS in MB, after a full collection when the process runs with --expose-gc. */
export function memoryMb(): { heapMB: number; rssMB: number } {
  (globalThis as { gc?: () => void }).gc?.();
  const usage = process.memoryUsage();
  return { heapMB: round(usage.heapUsed / 1048576, 1), rssMB: round(usage.rss / 1048576, 1) };
}

export function round(value: number, digits = 3): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Each statistic's median over several passes. */
export function medianSummary(passes: readonly LatencySummary[]): LatencySummary {
  const median = (pick: (summary: LatencySummary) => number) => {
    const values = passes.map(pick).sort((a, b) => a - b);
    return values[Math.floor(values.length / 2)] ?? 0;
  };
  return { p50Ms: median((s) => s.p50Ms), p99Ms: median((s) => s.p99Ms), maxMs: median((s) => s.maxMs) };
}

/** Runs `op` `count` times, each awaited before the next (as one replica issues them); returns how many a second. */
export async function perSecond(count: number, op: (i: number) => unknown): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < count; i += 1) await op(i);
  return Math.round(count / ((performance.now() - started) / 1000));
}
