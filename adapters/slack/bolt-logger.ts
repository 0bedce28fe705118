// Sends Bolt's and the Socket Mode client's logs into the adapter's pino logger, under one component name.
import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger } from '../shared/logger.ts';

const TO_BOLT: Record<string, LogLevel> = {
  trace: LogLevel.DEBUG,
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
  fatal: LogLevel.ERROR,
  silent: LogLevel.ERROR,
};

/** A Bolt `Logger` that writes through pino; Bolt's level follows pino's and `setLevel` is ignored. */
export function boltLogger(logger: Logger): BoltLogger {
  let child = logger.child({ component: 'slack-bolt' });
  const write =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (...parts: unknown[]): void => {
      const error = parts.find((part): part is Error => part instanceof Error);
      const message = parts
        .filter((part) => part !== error)
        .map((part) => (typeof part === 'string' ? part : safeJson(part)))
        .join(' ');
      if (error === undefined) child[level](message);
      else child[level]({ err: error }, message || error.message);
    };
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    setLevel: () => {},
    getLevel: () => TO_BOLT[logger.level] ?? LogLevel.INFO,
    setName: (name) => {
      child = logger.child({ component: 'slack-bolt', name });
    },
  };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
