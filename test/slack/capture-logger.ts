// A pino logger whose JSON lines a test can read, to check what was logged and with which context.
import { Writable } from 'node:stream';
import { pino } from 'pino';
import type { Logger } from '../../adapters/shared/logger.ts';

export interface CapturedLogger {
  readonly logger: Logger;
  /** Every line logged so far, parsed. */
  lines(): Record<string, unknown>[];
}

export function captureLogger(level = 'info'): CapturedLogger {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line.trim() !== '') lines.push(JSON.parse(line) as Record<string, unknown>);
      }
      callback();
    },
  });
  return { logger: pino({ level }, destination), lines: () => [...lines] };
}
