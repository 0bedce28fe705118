// Graceful shutdown: stop new work, wait for the work in flight, disconnect, close, all within a deadline.
import type { Logger } from '../shared/logger.ts';
import { InFlight } from './in-flight.ts';
import type { Readiness } from './readiness.ts';

/** The whole shutdown's budget; what has not finished by then is logged and the process exits anyway. */
export const SHUTDOWN_TIMEOUT_MS = 10_000;
/** The share of the budget spent waiting for work in flight, so disconnecting and closing keep some time. */
const DRAIN_SHARE = 0.6;

/**
 * When a hook runs, in this order (hooks of one phase run together):
 * - `intake`: stop taking new work (the console's input, source refreshes, digest schedules);
 * - then the work in flight is waited for;
 * - `disconnect`: the chat adapters;
 * - `close`: files and databases (the digest's SQLite database);
 * - `final`: the operations HTTP server, so probes see "stopping" until the end.
 */
export const SHUTDOWN_PHASES = ['intake', 'disconnect', 'close', 'final'] as const;
export type ShutdownPhase = (typeof SHUTDOWN_PHASES)[number];

interface Hook {
  readonly name: string;
  readonly phase: ShutdownPhase;
  readonly run: () => unknown;
}

/** What a shutdown did. `clean` when everything finished in time and nothing failed: exit code 0. */
export interface ShutdownReport {
  readonly reason: string;
  readonly clean: boolean;
  /** What was still running at the deadline (hook names, and "work in flight: …"). */
  readonly unfinished: readonly string[];
  /** Hooks that threw or rejected (their errors are logged). */
  readonly failed: readonly string[];
  readonly ms: number;
}

export interface ShutdownOptions {
  readonly logger: Logger;
  readonly timeoutMs?: number;
  /** Told at once, so `/healthz` turns 503 while the bot drains. */
  readonly readiness?: Readiness;
  readonly inFlight?: InFlight;
}

/** Runs the hooks registered with `onShutdown`, once, whatever asks first (a signal, the console ending). */
export class Shutdown {
  /** The work a shutdown waits for; `InFlight.track` it. */
  readonly inFlight: InFlight;
  private readonly hooks: Hook[] = [];
  private running: Promise<ShutdownReport> | undefined;

  constructor(private readonly options: ShutdownOptions) {
    this.inFlight = options.inFlight ?? new InFlight();
  }

  /** True once a shutdown has begun. */
  get stopping(): boolean {
    return this.running !== undefined;
  }

  /**
   * Registers `run` for `phase` (default `close`). Hooks may be async; each gets what is left of the budget.
   * Registered after the shutdown began, it runs at once.
   */
  onShutdown(name: string, run: () => unknown, phase: ShutdownPhase = 'close'): void {
    if (this.running === undefined) {
      this.hooks.push({ name, phase, run });
      return;
    }
    Promise.resolve()
      .then(run)
      .catch((error: unknown) =>
        this.options.logger.error({ err: error, hook: name }, 'shutdown hook failed'),
      );
  }

  /** Shuts down (the first call does the work; later calls get the same report). Never rejects. */
  run(reason: string): Promise<ShutdownReport> {
    this.running ??= this.shutDown(reason);
    return this.running;
  }

  private async shutDown(reason: string): Promise<ShutdownReport> {
    const { logger } = this.options;
    const timeoutMs = this.options.timeoutMs ?? SHUTDOWN_TIMEOUT_MS;
    const started = Date.now();
    const deadline = started + timeoutMs;
    const unfinished: string[] = [];
    const failed: string[] = [];
    this.options.readiness?.stop();
    logger.info({ reason, inFlight: this.inFlight.size, timeoutMs }, 'shutting down');

    await this.runPhase('intake', deadline, unfinished, failed);
    const drained = await settlesBefore(this.inFlight.whenIdle(), started + timeoutMs * DRAIN_SHARE);
    if (!drained) unfinished.push(`work in flight: ${this.inFlight.labels().join(', ')}`);
    for (const phase of SHUTDOWN_PHASES.slice(1)) await this.runPhase(phase, deadline, unfinished, failed);

    const ms = Date.now() - started;
    const clean = unfinished.length === 0 && failed.length === 0;
    if (clean) logger.info({ reason, ms }, 'shut down cleanly');
    else logger.warn({ reason, ms, unfinished, failed }, 'shut down; some work did not finish');
    return { reason, clean, unfinished, failed, ms };
  }

  /** Starts every hook of `phase` and waits for them until the deadline; a late phase still starts its hooks. */
  private async runPhase(phase: ShutdownPhase, deadline: number, unfinished: string[], failed: string[]) {
    const hooks = this.hooks.filter((hook) => hook.phase === phase);
    const pending = new Set(hooks);
    const runs = hooks.map(async (hook) => {
      try {
        await hook.run();
      } catch (error) {
        failed.push(hook.name);
        this.options.logger.error({ err: error, hook: hook.name, phase }, 'shutdown hook failed');
      } finally {
        pending.delete(hook);
      }
    });
    await settlesBefore(Promise.all(runs), deadline);
    unfinished.push(...[...pending].map((hook) => hook.name));
  }
}

/** Waits for `promise` until `deadline` (epoch ms); true if it settled in time. */
async function settlesBefore(promise: Promise<unknown>, deadline: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), Math.max(0, deadline - Date.now()));
  });
  try {
    return await Promise.race([promise.then(() => true), late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Something that emits process signals: `process`, or an EventEmitter in tests. */
export interface SignalSource {
  on(event: 'SIGTERM' | 'SIGINT', listener: (signal: NodeJS.Signals) => void): unknown;
  off(event: 'SIGTERM' | 'SIGINT', listener: (signal: NodeJS.Signals) => void): unknown;
}

export interface ExitOnSignalsOptions {
  readonly source?: SignalSource;
  readonly exit?: (code: number) => void;
  readonly logger: Logger;
}

/**
 * On SIGTERM or SIGINT, shuts down and exits: 0 when clean, 1 otherwise. A repeated signal changes nothing (Ctrl-C
 * under `npm start` arrives twice, from the terminal and forwarded by npm); the deadline bounds the wait anyway.
 * Returns a function that removes the listeners.
 */
export function exitOnSignals(shutdown: Shutdown, options: ExitOnSignalsOptions): () => void {
  const source = options.source ?? process;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const { logger } = options;
  const onSignal = (signal: NodeJS.Signals) => {
    if (shutdown.stopping) {
      logger.info({ signal }, 'already shutting down');
      return;
    }
    void exitAfterShutdown(shutdown, signal, exit);
  };
  source.on('SIGTERM', onSignal);
  source.on('SIGINT', onSignal);
  return () => {
    source.off('SIGTERM', onSignal);
    source.off('SIGINT', onSignal);
  };
}

/** Shuts down for `reason`, then exits: `code` if given, else 0 when clean and 1 otherwise. */
export async function exitAfterShutdown(
  shutdown: Shutdown,
  reason: string,
  exit: (code: number) => void,
  code?: number,
): Promise<void> {
  const report = await shutdown.run(reason);
  exit(code ?? (report.clean ? 0 : 1));
}

let installed: Shutdown | undefined;

/** Makes `shutdown` the process's, for `onShutdown` and `trackWork` below (`adapters/main.ts` does it). */
export function installShutdown(shutdown: Shutdown | undefined): void {
  installed = shutdown;
}

/**
 * Registers a hook with the process's shutdown, such as the digest's "close the database" (phase `close`).
 * Returns false when no shutdown is installed (the CLI, tests): the caller then closes things itself.
 */
export function onShutdown(name: string, run: () => unknown, phase: ShutdownPhase = 'close'): boolean {
  installed?.onShutdown(name, run, phase);
  return installed !== undefined;
}

/** Runs `work` as work in flight that a shutdown waits for (a reply being posted, a digest post). */
export function trackWork<T>(label: string, work: () => Promise<T>): Promise<T> {
  return installed === undefined ? work() : installed.inFlight.track(label, work);
}
