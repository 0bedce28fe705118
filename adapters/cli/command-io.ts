// The streams a CLI command talks to; tests pass their own.
import type { Readable, Writable } from 'node:stream';

export interface CommandIo {
  readonly stdin: Readable;
  readonly stdout: Writable;
  readonly stderr: Writable;
}
