// Counts each refresh of a URL source in the metrics: updated, unchanged, or failed (the last good data kept) and why.

import { assertNever } from '../../src/index.ts';
import type { LiveData, RefreshOutcome } from '../sources/live-data.ts';
import type { MetricsSink } from './metrics-sink.ts';

/** Hooks `metrics` to every refresh `live` makes from now on. */
export function countRefreshes(live: LiveData, metrics: MetricsSink): void {
  live.onRefresh((outcome) => record(metrics, outcome));
}

/** A refused version counts as a failure too: the last good data was kept, and the reason says why. */
function record(metrics: MetricsSink, outcome: RefreshOutcome): void {
  switch (outcome.kind) {
    case 'updated':
    case 'unchanged':
      metrics.recordSourceRefresh(outcome.kind);
      return;
    case 'kept':
      metrics.recordSourceRefresh('failed', outcome.cause);
      return;
    case 'refused':
      metrics.recordSourceRefresh('failed', outcome.shrink.reason);
      return;
    default:
      assertNever(outcome);
  }
}
