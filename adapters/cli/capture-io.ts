// In-memory stdin/stdout/stderr for running a command inside this process: the tests, and the docs examples.
import { PassThrough, type Readable } from 'node:stream';

export interface CapturedIo {
  readonly stdin: Readable;
  readonly stdout: PassThrough;
  readonly stderr: PassThrough;
  out(): string;
  err(): string;
}

/** Streams for one run; `input` lines become stdin, then stdin ends. */
export function captureIo(input = ''): CapturedIo {
  const stdin = new PassThrough();
  stdin.end(input);
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString('utf8');
  });
  stderr.on('data', (chunk: Buffer) => {
    err += chunk.toString('utf8');
  });
  return { stdin, stdout, stderr, out: () => out, err: () => err };
}
