// Counts each refresh of a URL source in the metrics: updated, unchanged, or failed (the last good data kept).
import type { LiveData, RefreshOutcome } from '../sources/live-data.ts';
import type { MetricsSink, RefreshResult } from './metrics-sink.ts';

/** Hooks `metrics` to every refresh `live` makes from now on. */
export function countRefreshes(live: LiveData, metrics: MetricsSink): void {
  live.onRefresh((outcome) => metrics.recordSourceRefresh(refreshResult(outcome)));
}

function refreshResult(outcome: RefreshOutcome): RefreshResult {
  return outcome.kind === 'kept' ? 'failed' : outcome.kind;
}
