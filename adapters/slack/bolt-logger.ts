// Sends Bolt's, the Web API client's and the Socket Mode client's logs into the adapter's pino logger, under one
// component name, with every request body, response and envelope withheld: they carry the users' questions.
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
      const message = withholdPayloads(
        parts
          .filter((part) => part !== error)
          .map((part) => (typeof part === 'string' ? part : safeJson(part)))
          .join(' '),
      );
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

/** Where the libraries' log lines start a payload: after these words, or at the first JSON bracket. */
const PAYLOAD_AFTER = [
  'Received a message on the WebSocket:',
  'Unable to parse an incoming WebSocket message',
  'Sending a WebSocket message:',
] as const;

/** What stands for a withheld payload in a log line. */
export const WITHHELD = '[payload withheld]';

/**
 * The libraries log whole request bodies (`http request body: {…}`), results, Socket Mode envelopes and Bolt's
 * event bodies at debug level, questions and answers included. README promises questions are never logged: keep the
 * words before the payload (which call, which kind of message) and withhold the rest, at every level.
 */
export function withholdPayloads(message: string): string {
  const marker = PAYLOAD_AFTER.find((prefix) => message.startsWith(prefix));
  const cut = marker === undefined ? message.search(/[[{]/) : marker.length;
  return cut === -1 ? message : `${message.slice(0, cut).trimEnd()} ${WITHHELD}`.trimStart();
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
