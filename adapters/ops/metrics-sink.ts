// What the bot records for its metrics, as an interface, and the process-wide sink the rest of the code calls.
// This file does not load prom-client: without HALLWAY_HTTP_PORT nobody can read metrics, so none are kept.
import type { IntentKind } from '../../src/index.ts';

/** One answered question. `platform` is the adapter's name in lower case: `slack`, `discord`, `console`. */
export interface AnswerSample {
  readonly platform: string;
  readonly intent: IntentKind;
  readonly answered: boolean;
  readonly seconds: number;
}

/** How a refresh of a URL source ended: new data, nothing new, or a failure that kept the last good data. */
export type RefreshResult = 'updated' | 'unchanged' | 'failed';

/**
 * Why a refresh kept the last good data: no usable answer, a body over the size cap, an invalid version, or a
 * version refused because it lost most of the programme (more than half the sessions, or a whole day ahead).
 */
export type RefreshFailure = 'unreachable' | 'too-large' | 'invalid' | 'lost-most-sessions' | 'lost-a-day';

/** An error nothing else caught, by the process event that reported it. */
export type UnhandledKind = 'rejection' | 'exception';

/** Receives every event the metrics count. `HallwayMetrics` (prom-client) is the real one. */
export interface MetricsSink {
  recordAnswer(sample: AnswerSample): void;
  /** `ask` threw: the adapter apologised to the user. */
  recordAnswerError(platform: string): void;
  recordDigestPost(platform: string, ok: boolean): void;
  /** `failure` says why, when `result` is `failed`. */
  recordSourceRefresh(result: RefreshResult, failure?: RefreshFailure): void;
  recordRateLimited(platform: string): void;
  recordUnhandledError(kind: UnhandledKind): void;
}

let installed: MetricsSink | undefined;

/** Makes `sink` the one the free functions below record to (`adapters/main.ts` does it when metrics are served). */
export function installMetricsSink(sink: MetricsSink | undefined): void {
  installed = sink;
}

/** The installed sink, if any. */
export function metricsSink(): MetricsSink | undefined {
  return installed;
}

/** Counts one digest post (`ok`) or failed post on `platform`; for the daily digest. No-op without metrics. */
export function recordDigestPost(platform: string, ok: boolean): void {
  installed?.recordDigestPost(platform, ok);
}

/** Counts one request refused by a rate limit on `platform`; for the adapters. No-op without metrics. */
export function recordRateLimited(platform: string): void {
  installed?.recordRateLimited(platform);
}
