// Graceful shutdown: the order of its phases, an answer in flight, the deadline, failures, and the signals.
import { EventEmitter } from 'node:events';
import { setTimeout as delay } from 'node:timers/promises';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { instrumentEngine } from '../../adapters/ops/instrument-engine.ts';
import { Readiness } from '../../adapters/ops/readiness.ts';
import {
  exitOnSignals,
  installShutdown,
  onShutdown,
  Shutdown,
  type SignalSource,
  trackWork,
} from '../../adapters/ops/shutdown.ts';
import type { Engine } from '../../src/index.ts';
import { captureLogger } from '../helpers/capture-logger.ts';
import { engineFor, MINI_CONF } from '../helpers/engines.ts';

const mini = engineFor(MINI_CONF);

afterEach(() => {
  vi.useRealTimers();
});

/** A promise, and whether it has settled yet: for stepping fake timers up to a deadline. */
function settledFlag<T>(promise: Promise<T>): { promise: Promise<T>; readonly done: boolean } {
  const flag = { promise, done: false };
  promise.then(
    () => {
      flag.done = true;
    },
    () => {
      flag.done = true;
    },
  );
  return flag;
}

afterEach(() => installShutdown(undefined));

/** A chat adapter as the shutdown sees it: it answers while connected, slowly, and posts replies. */
function fakeAdapter(shutdown: Shutdown, events: string[], engine: () => Engine) {
  let connected = true;
  return {
    /** A question arrives: thinking takes 150 ms, posting the reply 100 ms more. */
    receive(question: string): Promise<void> | undefined {
      if (!connected) return undefined;
      return shutdown.inFlight.track('slack reply', async () => {
        await delay(150);
        const answer = engine().ask(question);
        await delay(100);
        events.push(`posted: ${answer.intent}`);
      });
    },
    async stop() {
      await delay(20);
      connected = false;
      events.push('adapter stopped');
    },
  };
}

describe('Shutdown', () => {
  it('stops intake, waits for the answer in flight, then disconnects, closes and stops the server, cleanly', async () => {
    const events: string[] = [];
    const captured = captureLogger();
    const readiness = new Readiness();
    readiness.ready('data');
    const shutdown = new Shutdown({ logger: captured.logger, readiness });
    const engine = instrumentEngine(() => mini, {
      platform: 'slack',
      logger: captured.logger,
      inFlight: shutdown.inFlight,
    });
    const adapter = fakeAdapter(shutdown, events, engine);
    shutdown.onShutdown('HTTP server', () => events.push('server closed'), 'final');
    shutdown.onShutdown('database', () => events.push('database closed'));
    shutdown.onShutdown('Slack', () => adapter.stop(), 'disconnect');
    shutdown.onShutdown('source refresh', () => events.push('intake stopped'), 'intake');

    const reply = adapter.receive('who spoke about tiles?');
    await delay(20);
    expect(shutdown.inFlight.size).toBe(1);
    const started = Date.now();
    const report = await shutdown.run('SIGTERM');

    expect(events).toEqual([
      'intake stopped',
      'posted: topic',
      'adapter stopped',
      'database closed',
      'server closed',
    ]);
    await expect(reply).resolves.toBeUndefined();
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
    expect(report).toMatchObject({ reason: 'SIGTERM', clean: true, unfinished: [], failed: [] });
    expect(readiness.report().status).toBe('stopping');
    expect(adapter.receive('too late')).toBeUndefined();
    expect(captured.lines()).toContainEqual(expect.objectContaining({ msg: 'shutting down', inFlight: 1 }));
    expect(captured.lines()).toContainEqual(expect.objectContaining({ msg: 'shut down cleanly' }));
  });

  it('gives up on what hangs at the deadline, still runs the later phases, and says what did not finish', async () => {
    const events: string[] = [];
    const captured = captureLogger();
    const shutdown = new Shutdown({ logger: captured.logger, timeoutMs: 300 });
    shutdown.onShutdown('Discord', () => new Promise(() => {}), 'disconnect');
    shutdown.onShutdown('Slack', () => events.push('slack stopped'), 'disconnect');
    shutdown.onShutdown('database', () => events.push('database closed'));
    // Fake timers (Date.now included): the deadline is checked to the millisecond, whatever the machine's load.
    vi.useFakeTimers();
    const settled = settledFlag(shutdown.run('SIGTERM'));
    await vi.advanceTimersByTimeAsync(299);
    // Slack stopped beside the hanging Discord; the database waits for the disconnect phase to end.
    expect(settled.done).toBe(false);
    expect(events).toEqual(['slack stopped']);
    await vi.advanceTimersByTimeAsync(1);
    const report = await settled.promise;
    expect(events).toEqual(['slack stopped', 'database closed']);
    expect(report).toMatchObject({ clean: false, unfinished: ['Discord'], failed: [] });
    expect(captured.lines()).toContainEqual(
      expect.objectContaining({
        level: 40,
        msg: 'shut down; some work did not finish',
        unfinished: ['Discord'],
      }),
    );
  });

  it('waits for work in flight for at most 60% of the budget, then closes anyway', async () => {
    const events: string[] = [];
    const shutdown = new Shutdown({ logger: captureLogger().logger, timeoutMs: 1_000 });
    vi.useFakeTimers();
    const started = Date.now();
    void shutdown.inFlight.track('digest post', () => new Promise(() => {}));
    shutdown.onShutdown('database', () => events.push('database closed'));
    const settled = settledFlag(shutdown.run('SIGINT'));
    await vi.advanceTimersByTimeAsync(599);
    expect(events).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(events).toEqual(['database closed']);
    const report = await settled.promise;
    // The rest of the budget was not spent waiting.
    expect(Date.now() - started).toBe(600);
    expect(events).toEqual(['database closed']);
    expect(report.unfinished).toEqual(['work in flight: digest post']);
  });

  it('logs a hook that fails and goes on with the others', async () => {
    const events: string[] = [];
    const captured = captureLogger();
    const shutdown = new Shutdown({ logger: captured.logger });
    shutdown.onShutdown(
      'Slack',
      async () => {
        throw new Error('socket already closed');
      },
      'disconnect',
    );
    shutdown.onShutdown('database', () => events.push('database closed'));
    const report = await shutdown.run('SIGTERM');
    expect(events).toEqual(['database closed']);
    expect(report).toMatchObject({ clean: false, failed: ['Slack'], unfinished: [] });
    expect(captured.lines()).toContainEqual(
      expect.objectContaining({ msg: 'shutdown hook failed', hook: 'Slack', phase: 'disconnect' }),
    );
  });

  it('runs once however often it is asked, and runs a hook registered during the shutdown at once', async () => {
    let runs = 0;
    const shutdown = new Shutdown({ logger: captureLogger().logger });
    shutdown.onShutdown('count', () => runs++);
    const first = shutdown.run('SIGTERM');
    expect(shutdown.stopping).toBe(true);
    const late = new Promise<void>((resolve) => shutdown.onShutdown('late adapter', resolve, 'disconnect'));
    expect(await shutdown.run('SIGINT')).toBe(await first);
    await late;
    expect(runs).toBe(1);
  });
});

describe('the process-wide shutdown', () => {
  it('tracks work and registers hooks once installed; without one, work just runs', async () => {
    expect(await trackWork('alone', async () => 42)).toBe(42);
    expect(onShutdown('database', () => {})).toBe(false);

    const shutdown = new Shutdown({ logger: captureLogger().logger });
    installShutdown(shutdown);
    const closed: string[] = [];
    expect(onShutdown('database', () => closed.push('database'))).toBe(true);
    const work = trackWork('digest post', () => delay(50).then(() => 'posted'));
    expect(shutdown.inFlight.labels()).toEqual(['digest post']);
    await shutdown.run('SIGTERM');
    expect(await work).toBe('posted');
    expect(closed).toEqual(['database']);
  });
});

describe('exitOnSignals', () => {
  function signals() {
    return new EventEmitter() as EventEmitter & SignalSource;
  }

  it('shuts down on SIGTERM and exits 0 when clean; a second signal does not cut it short', async () => {
    const source = signals();
    const captured = captureLogger();
    const shutdown = new Shutdown({ logger: captured.logger });
    const codes: number[] = [];
    let closed = false;
    shutdown.onShutdown('database', async () => {
      await delay(50);
      closed = true;
    });
    const exited = new Promise<void>((resolve) => {
      exitOnSignals(shutdown, {
        source,
        logger: captured.logger,
        exit: (code) => {
          codes.push(code);
          resolve();
        },
      });
    });
    source.emit('SIGTERM', 'SIGTERM');
    source.emit('SIGINT', 'SIGINT');
    await exited;
    expect(closed).toBe(true);
    expect(codes).toEqual([0]);
    expect(captured.lines()).toContainEqual(
      expect.objectContaining({ msg: 'already shutting down', signal: 'SIGINT' }),
    );
  });

  it('exits 1 when the shutdown was not clean, and can be removed', async () => {
    const source = signals();
    const logger = captureLogger().logger;
    const shutdown = new Shutdown({ logger });
    shutdown.onShutdown('database', () => {
      throw new Error('locked');
    });
    const code = await new Promise<number>((resolve) => {
      const remove = exitOnSignals(shutdown, { source, logger, exit: resolve });
      source.emit('SIGINT', 'SIGINT');
      remove();
    });
    expect(code).toBe(1);
    expect(source.listenerCount('SIGINT')).toBe(0);
    expect(source.listenerCount('SIGTERM')).toBe(0);
  });
});
