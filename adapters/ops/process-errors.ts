// The last net for errors nothing caught: an unhandled rejection is logged and the bot goes on; an uncaught
// exception is logged and the bot shuts down gracefully, since its state can no longer be trusted.
import type { Logger } from '../shared/logger.ts';
import type { MetricsSink } from './metrics-sink.ts';

/** `process`, or an EventEmitter in tests. */
export interface ErrorSource {
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
  on(event: 'uncaughtException', listener: (error: Error, origin: string) => void): unknown;
  off(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
  off(event: 'uncaughtException', listener: (error: Error, origin: string) => void): unknown;
}

export interface ProcessErrorOptions {
  readonly logger: Logger;
  readonly metrics?: MetricsSink;
  /** Called after an uncaught exception is logged: shut down and exit 1. */
  readonly onFatal: (error: Error) => void;
  readonly source?: ErrorSource;
}

/** Installs both handlers; returns a function that removes them. */
export function handleProcessErrors(options: ProcessErrorOptions): () => void {
  const { logger, metrics, onFatal } = options;
  const source = options.source ?? process;
  const onRejection = (reason: unknown) => {
    metrics?.recordUnhandledError('rejection');
    // pino serialises `err` with its stack only when it is an Error; say what it was otherwise.
    const context = reason instanceof Error ? { err: reason } : { reason: describe(reason) };
    logger.error(
      context,
      'unhandled promise rejection (a bug: some code did not catch it); Hallway keeps running',
    );
  };
  let fatal = false;
  const onException = (error: Error, origin: string) => {
    metrics?.recordUnhandledError('exception');
    logger.fatal({ err: error, origin }, 'uncaught exception; shutting down');
    if (fatal) return;
    fatal = true;
    onFatal(error);
  };
  source.on('unhandledRejection', onRejection);
  source.on('uncaughtException', onException);
  return () => {
    source.off('unhandledRejection', onRejection);
    source.off('uncaughtException', onException);
  };
}

function describe(value: unknown): string {
  try {
    return typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  } catch {
    return String(value);
  }
}
