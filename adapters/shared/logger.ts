// Structured logs (pino, JSON on stderr) with tokens and secrets redacted wherever they appear.
import { type DestinationStream, type Logger, pino } from 'pino';
import { SECRET_VARIABLES } from './secrets.ts';

export type { Logger };

/** Field paths whose values never reach a log line. */
const REDACTED_PATHS = [
  'token',
  'botToken',
  'appToken',
  'signingSecret',
  'clientSecret',
  '*.token',
  '*.botToken',
  '*.appToken',
  '*.signingSecret',
  '*.clientSecret',
  'headers.authorization',
  '*.headers.authorization',
  ...SECRET_VARIABLES.flatMap((name) => [name, `env.${name}`, `*.${name}`]),
];

export interface LoggerOptions {
  readonly level?: string;
  /** Where lines go; standard error by default, so standard output stays for answers. */
  readonly destination?: DestinationStream;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      base: { app: 'hallway' },
    },
    // Synchronous writes: a line logged just before `process.exit` is not lost, and a standard error whose reader
    // went away (EPIPE) cannot leave an asynchronous write pending that makes pino's exit flush spin forever.
    options.destination ?? pino.destination({ dest: 2, sync: true }),
  );
}

/** A logger that drops everything, for tests that do not look at logs. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
