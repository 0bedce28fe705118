// A project command left running in a child process, for tests that talk to it while it runs and then stop it.
import { type ChildProcess, spawn } from 'node:child_process';
import { childEnv } from './child-env.ts';
import { PROJECT_ROOT } from './run-process.ts';

export interface RunningProcess {
  readonly child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /**
   * Resolves with the first match of `pattern` in `stream`, waiting for it; rejects after `timeoutMs` or on exit.
   * Wait on the stream itself: what a process writes to stdout then stderr may arrive here in either order.
   */
  waitFor(stream: 'stdout' | 'stderr', pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** The exit code (null when a signal killed it). */
  readonly exited: Promise<number | null>;
  /** Kills it and its children (SIGKILL) if it still runs; for `afterAll`. */
  kill(): void;
}

/** Spawns `command args` in the project root (or `cwd`) with `input` on stdin (then stdin ends), env as `runProcess`. */
export function startProcess(
  command: string,
  args: readonly string[],
  options: { input?: string; env?: Record<string, string | undefined>; cwd?: string } = {},
): RunningProcess {
  const child = spawn(command, [...args], {
    cwd: options.cwd ?? PROJECT_ROOT,
    env: childEnv(options.env),
    stdio: ['pipe', 'pipe', 'pipe'],
    // Its own process group, so `kill()` also reaches what it started (npm's child).
    detached: true,
  });
  let stdout = '';
  let stderr = '';
  let running = true;
  const listeners = new Set<() => void>();
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
    for (const listener of listeners) listener();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
    for (const listener of listeners) listener();
  });
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      running = false;
      for (const listener of listeners) listener();
      resolve(code);
    });
  });
  child.stdin?.end(options.input ?? '');
  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    exited,
    kill: () => {
      if (!running || child.pid === undefined) return;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    },
    waitFor: (stream, pattern, timeoutMs = 15_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const match = (stream === 'stdout' ? stdout : stderr).match(pattern);
          if (match !== null) return finish(() => resolve(match));
          if (!running) finish(() => reject(new Error(`exited before ${pattern} in ${stream}:\n${stderr}`)));
        };
        const timer = setTimeout(
          () =>
            finish(() => reject(new Error(`no ${pattern} in ${stream} within ${timeoutMs} ms:\n${stderr}`))),
          timeoutMs,
        );
        const finish = (settle: () => void) => {
          clearTimeout(timer);
          listeners.delete(check);
          settle();
        };
        listeners.add(check);
        check();
      }),
  };
}
