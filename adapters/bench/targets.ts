// The performance targets from the benchmark issue, checked against one run of `npm run bench`.
import type { LatencySummary } from './measure.ts';

export interface Run {
  readonly dataset: string;
  readonly sessions: number;
  readonly buildMs: number;
  readonly heapMB: number;
  readonly rssMB: number;
  readonly ask: LatencySummary;
  readonly rawSearch: { readonly p50Ms: number; readonly p99Ms: number };
  readonly answersPerSecond: number;
  readonly answeredShare: number;
  /** From process start to the first answer, in a fresh process (a real schedule's: with snapshots off). */
  readonly coldStartMs?: number;
  /** A real schedule's cold starts: without a snapshot, the first start (which writes it), and one reading it. */
  readonly coldStarts?: {
    readonly noSnapshot: ColdStart;
    readonly writesSnapshot: ColdStart;
    readonly fromSnapshot: ColdStart;
  };
}

/** One cold start: wall clock from process start to the first answer, and the CPU time the process used. */
export interface ColdStart {
  readonly ms: number;
  readonly cpuMs: number;
}

/** The run whose cold start has a target: the real KubeCon .ics plus the curated data. */
export const COLD_START_TARGET_RUN = 'kubecon-ics+curated';

/** Targets on a 2-core machine. */
export const TARGETS = {
  'synthetic-1000': { askP99Ms: 2, buildMs: 250 },
  'synthetic-10000': { askP99Ms: 10, askMaxMs: 50, p50OverRaw: 1.5, buildMs: 2000, heapMB: 100 },
  coldStartMs: 1000,
  /** Every real schedule, started from its index snapshot: a new replica is ready at once. */
  snapshotColdStartMs: 300,
} as const;

/** One line per missed target; empty when every target held. */
export function checkTargets(runs: readonly Run[]): string[] {
  const failures: string[] = [];
  const check = (ok: boolean, message: string) => {
    if (!ok) failures.push(message);
  };
  const small = runs.find((run) => run.dataset === 'synthetic-1000');
  if (small !== undefined) {
    const target = TARGETS['synthetic-1000'];
    check(small.ask.p99Ms <= target.askP99Ms, `1k: ask p99 ${small.ask.p99Ms} ms > ${target.askP99Ms} ms`);
    check(small.buildMs <= target.buildMs, `1k: build ${small.buildMs} ms > ${target.buildMs} ms`);
  }
  const medium = runs.find((run) => run.dataset === 'synthetic-10000');
  if (medium !== undefined) {
    const target = TARGETS['synthetic-10000'];
    check(medium.ask.p99Ms <= target.askP99Ms, `10k: ask p99 ${medium.ask.p99Ms} ms > ${target.askP99Ms} ms`);
    check(medium.ask.maxMs <= target.askMaxMs, `10k: ask max ${medium.ask.maxMs} ms > ${target.askMaxMs} ms`);
    const ratio = medium.ask.p50Ms / Math.max(medium.rawSearch.p50Ms, 1e-6);
    check(
      ratio <= target.p50OverRaw,
      `10k: ask p50 is ${ratio.toFixed(2)}× raw minisearch p50 (> ${target.p50OverRaw}×)`,
    );
    check(medium.buildMs <= target.buildMs, `10k: build ${medium.buildMs} ms > ${target.buildMs} ms`);
    check(medium.heapMB <= target.heapMB, `10k: heap ${medium.heapMB} MB > ${target.heapMB} MB`);
  }
  const cold = runs.find((run) => run.dataset === COLD_START_TARGET_RUN)?.coldStartMs;
  if (cold !== undefined)
    check(
      cold <= TARGETS.coldStartMs,
      `cold start (${COLD_START_TARGET_RUN}) ${cold} ms > ${TARGETS.coldStartMs} ms`,
    );
  for (const run of runs) {
    const restored = run.coldStarts?.fromSnapshot.ms;
    if (restored === undefined) continue;
    check(
      restored <= TARGETS.snapshotColdStartMs,
      `cold start from a snapshot (${run.dataset}) ${restored} ms > ${TARGETS.snapshotColdStartMs} ms`,
    );
  }
  return failures;
}
