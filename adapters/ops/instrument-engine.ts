// Wraps the engine an adapter answers with, so every answer is counted, timed and logged, whatever the platform.
import type { Engine } from '../../src/index.ts';
import { codeCacheCheckpoint } from '../shared/code-cache.ts';
import type { Logger } from '../shared/logger.ts';
import type { InFlight } from './in-flight.ts';
import type { MetricsSink } from './metrics-sink.ts';

export interface InstrumentOptions {
  /** The label for metrics and logs: the adapter's name in lower case (`slack`, `discord`, `console`). */
  readonly platform: string;
  readonly logger: Logger;
  /** Where answers are counted; none when metrics are not served. */
  readonly metrics?: MetricsSink;
  /** Each answer is work in flight while it is being computed. */
  readonly inFlight?: InFlight;
  /** The level of the one line logged per answer (default `info`; the console on a terminal uses `debug`). */
  readonly level?: 'info' | 'debug';
  /** Milliseconds, for latency; `performance.now` by default. */
  readonly now?: () => number;
}

/**
 * Returns an engine getter like `current` whose engines record each answer: `hallway_questions_total`,
 * `hallway_answer_seconds` and one log line (platform, intent, answered, latency; never the question's text).
 * A data refresh that swaps the engine is followed, since `current` is called each time.
 */
export function instrumentEngine(current: () => Engine, options: InstrumentOptions): () => Engine {
  const wrap = engineInstrumenter(options);
  return () => wrap(current());
}

/** The same wrapping for engines handed over one at a time (one per conference); each is wrapped once. */
export function engineInstrumenter(options: InstrumentOptions): (engine: Engine) => Engine {
  const wrapped = new WeakMap<Engine, Engine>();
  return (engine) => {
    let instrumented = wrapped.get(engine);
    if (instrumented === undefined) {
      instrumented = instrument(engine, options);
      wrapped.set(engine, instrumented);
    }
    return instrumented;
  };
}

/** Whether this process has answered yet: its first answer is a code-cache checkpoint. */
let answeredOnce = false;

function instrument(engine: Engine, options: InstrumentOptions): Engine {
  const { platform, logger, metrics, inFlight } = options;
  const now = options.now ?? (() => performance.now());
  const level = options.level ?? 'info';
  return {
    get catalog() {
      return engine.catalog;
    },
    rawSearch: (question) => engine.rawSearch(question),
    // A digest is posted by the scheduler, which counts it itself; on-demand digests come through `ask`.
    digest: (request) => engine.digest(request),
    agenda: (outcome) => engine.agenda(outcome),
    ask(question, options) {
      const done = inFlight?.begin(`${platform} answer`);
      const started = now();
      try {
        const answer = engine.ask(question, options);
        const ms = now() - started;
        const { intent, answered } = answer;
        metrics?.recordAnswer({ platform, intent, answered, seconds: ms / 1000 });
        logger[level]({ platform, intent, answered, latencyMs: round(ms) }, 'answer');
        if (!answeredOnce) {
          answeredOnce = true;
          // After the reply is on its way: the code cache then holds what answering compiled.
          setImmediate(codeCacheCheckpoint);
        }
        return answer;
      } catch (error) {
        metrics?.recordAnswerError(platform);
        logger.error({ err: error, platform, latencyMs: round(now() - started) }, 'answer failed');
        throw error;
      } finally {
        done?.();
      }
    },
  };
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
