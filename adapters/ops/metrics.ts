// The Prometheus metrics (prom-client), in a registry of their own so each test and each process starts from zero.
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import type {
  AnswerSample,
  MetricsSink,
  RefreshFailure,
  RefreshResult,
  UnhandledKind,
} from './metrics-sink.ts';

/** Every metric Hallway defines (default process metrics come on top). docs/operations.md lists the same names. */
export const METRIC_NAMES = {
  questions: 'hallway_questions_total',
  answerSeconds: 'hallway_answer_seconds',
  answerErrors: 'hallway_answer_errors_total',
  digestPosts: 'hallway_digest_posts_total',
  digestPostFailures: 'hallway_digest_post_failures_total',
  sourceRefreshes: 'hallway_source_refreshes_total',
  sourceRefreshFailures: 'hallway_source_refresh_failures_total',
  rateLimited: 'hallway_rate_limited_total',
  unhandledErrors: 'hallway_unhandled_errors_total',
} as const;

/** Answer latency buckets, in seconds: 0.1 ms to 1 s (a typical answer takes well under 2 ms). */
export const ANSWER_SECONDS_BUCKETS = [
  0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1,
];

/** Every reason a refresh can keep the last good data, so each series exists from the start. */
const REFRESH_FAILURES: readonly RefreshFailure[] = [
  'unreachable',
  'too-large',
  'invalid',
  'lost-most-sessions',
  'lost-a-day',
];

export interface MetricsOptions {
  /** Node.js process metrics (CPU, memory, event loop lag, GC) in the same registry; default true. */
  readonly processMetrics?: boolean;
}

/** The bot's metrics in one fresh registry; `text()` is what `/metrics` serves. */
export class HallwayMetrics implements MetricsSink {
  readonly registry = new Registry();
  private readonly questions: Counter<'intent' | 'platform' | 'answered'>;
  private readonly answerSeconds: Histogram<'platform'>;
  private readonly answerErrors: Counter<'platform'>;
  private readonly digestPosts: Counter<'platform' | 'result'>;
  private readonly digestPostFailures: Counter<'platform'>;
  private readonly sourceRefreshes: Counter<'result'>;
  private readonly sourceRefreshFailures: Counter<'reason'>;
  private readonly rateLimited: Counter<'platform'>;
  private readonly unhandledErrors: Counter<'kind'>;

  constructor(options: MetricsOptions = {}) {
    const registers = [this.registry];
    this.questions = new Counter({
      name: METRIC_NAMES.questions,
      help: 'Questions answered, by intent, platform and whether an answer was found.',
      labelNames: ['intent', 'platform', 'answered'] as const,
      registers,
    });
    this.answerSeconds = new Histogram({
      name: METRIC_NAMES.answerSeconds,
      help: 'Time the engine took to answer one question, in seconds.',
      labelNames: ['platform'] as const,
      buckets: ANSWER_SECONDS_BUCKETS,
      registers,
    });
    this.answerErrors = new Counter({
      name: METRIC_NAMES.answerErrors,
      help: 'Questions whose answer failed with an error (the user got an apology).',
      labelNames: ['platform'] as const,
      registers,
    });
    this.digestPosts = new Counter({
      name: METRIC_NAMES.digestPosts,
      help: 'Daily digest posts attempted, by platform and result (ok or failed).',
      labelNames: ['platform', 'result'] as const,
      registers,
    });
    this.digestPostFailures = new Counter({
      name: METRIC_NAMES.digestPostFailures,
      help: 'Daily digest posts that failed.',
      labelNames: ['platform'] as const,
      registers,
    });
    this.sourceRefreshes = new Counter({
      name: METRIC_NAMES.sourceRefreshes,
      help: 'Refreshes of URL sources, by result: updated, unchanged, or failed (the last good data was kept).',
      labelNames: ['result'] as const,
      registers,
    });
    this.sourceRefreshFailures = new Counter({
      name: METRIC_NAMES.sourceRefreshFailures,
      help:
        'Refreshes of URL sources that failed or were refused, by reason; the last good data was kept. ' +
        'lost-most-sessions and lost-a-day: a version that lost most of the programme, held back until confirmed.',
      labelNames: ['reason'] as const,
      registers,
    });
    this.rateLimited = new Counter({
      name: METRIC_NAMES.rateLimited,
      help: 'Requests refused by a rate limit, by platform.',
      labelNames: ['platform'] as const,
      registers,
    });
    this.unhandledErrors = new Counter({
      name: METRIC_NAMES.unhandledErrors,
      help: 'Errors nothing else caught, by kind (rejection or exception).',
      labelNames: ['kind'] as const,
      registers,
    });
    // Series that exist from the start, so dashboards and alerts see 0 rather than no data.
    for (const result of ['updated', 'unchanged', 'failed'] as const) this.sourceRefreshes.inc({ result }, 0);
    for (const reason of REFRESH_FAILURES) this.sourceRefreshFailures.inc({ reason }, 0);
    for (const kind of ['rejection', 'exception'] as const) this.unhandledErrors.inc({ kind }, 0);
    if (options.processMetrics ?? true) collectDefaultMetrics({ register: this.registry });
  }

  /** The Prometheus text exposition of every metric. */
  text(): Promise<string> {
    return this.registry.metrics();
  }

  /** The Content-Type that goes with `text()`. */
  get contentType(): string {
    return this.registry.contentType;
  }

  recordAnswer(sample: AnswerSample): void {
    const { platform, intent, answered, seconds } = sample;
    this.questions.inc({ intent, platform, answered: String(answered) });
    this.answerSeconds.observe({ platform }, seconds);
  }

  recordAnswerError(platform: string): void {
    this.answerErrors.inc({ platform });
  }

  recordDigestPost(platform: string, ok: boolean): void {
    this.digestPosts.inc({ platform, result: ok ? 'ok' : 'failed' });
    if (!ok) this.digestPostFailures.inc({ platform });
  }

  recordSourceRefresh(result: RefreshResult, failure: RefreshFailure = 'unreachable'): void {
    this.sourceRefreshes.inc({ result });
    if (result === 'failed') this.sourceRefreshFailures.inc({ reason: failure });
  }

  recordRateLimited(platform: string): void {
    this.rateLimited.inc({ platform });
  }

  recordUnhandledError(kind: UnhandledKind): void {
    this.unhandledErrors.inc({ kind });
  }
}
