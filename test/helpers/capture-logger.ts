// A real pino logger whose lines are kept in memory, so tests can check what was logged and why.
import { Writable } from 'node:stream';
import { pino } from 'pino';
import type { Logger } from '../../adapters/shared/logger.ts';

export interface CapturedLogger {
  readonly logger: Logger;
  /** Every line logged so far, parsed. */
  lines(): Array<Record<string, unknown>>;
}

export function captureLogger(level = 'debug'): CapturedLogger {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(
        ...chunk
          .toString('utf8')
          .split('\n')
          .filter((line) => line.length > 0),
      );
      done();
    },
  });
  return {
    logger: pino({ level }, stream),
    lines: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}
