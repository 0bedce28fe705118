// The last net: unhandled rejections are logged and survived; an uncaught exception is logged and shuts down.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { HallwayMetrics, METRIC_NAMES } from '../../adapters/ops/metrics.ts';
import { type ErrorSource, handleProcessErrors } from '../../adapters/ops/process-errors.ts';
import { captureLogger } from '../helpers/capture-logger.ts';
import { runProcess } from '../helpers/run-process.ts';

describe('handleProcessErrors', () => {
  it('logs an unhandled rejection with its stack or its value, counts it, and does not shut down', async () => {
    const source = new EventEmitter() as EventEmitter & ErrorSource;
    const captured = captureLogger();
    const metrics = new HallwayMetrics({ processMetrics: false });
    const fatal: Error[] = [];
    handleProcessErrors({ logger: captured.logger, metrics, source, onFatal: (error) => fatal.push(error) });
    source.emit('unhandledRejection', new Error('Slack: postMessage failed'));
    source.emit('unhandledRejection', { code: 'ratelimited' });
    const [withError, withValue] = captured.lines();
    expect(withError).toMatchObject({ level: 50, err: { message: 'Slack: postMessage failed' } });
    expect(String((withError?.err as { stack?: string } | undefined)?.stack)).toContain(
      'process-errors.test.ts',
    );
    expect(withValue).toMatchObject({ level: 50, reason: '{"code":"ratelimited"}' });
    expect(String(withValue?.msg)).toContain('keeps running');
    expect(fatal).toEqual([]);
    expect(await metrics.text()).toContain(`${METRIC_NAMES.unhandledErrors}{kind="rejection"} 2`);
  });

  it('logs an uncaught exception as fatal and asks for a shutdown once', () => {
    const source = new EventEmitter() as EventEmitter & ErrorSource;
    const captured = captureLogger();
    const fatal: Error[] = [];
    const remove = handleProcessErrors({
      logger: captured.logger,
      source,
      onFatal: (error) => fatal.push(error),
    });
    source.emit('uncaughtException', new Error('boom'), 'uncaughtException');
    source.emit('uncaughtException', new Error('again'), 'uncaughtException');
    expect(fatal.map((error) => error.message)).toEqual(['boom']);
    expect(captured.lines()[0]).toMatchObject({
      level: 60,
      origin: 'uncaughtException',
      err: { message: 'boom' },
    });
    remove();
    expect(source.listenerCount('unhandledRejection')).toBe(0);
    expect(source.listenerCount('uncaughtException')).toBe(0);
  });

  it('keeps a real Node process alive after an unhandled rejection (Node alone would exit 1)', async () => {
    const script = `
      import { handleProcessErrors } from './adapters/ops/process-errors.ts';
      import { createLogger } from './adapters/shared/logger.ts';
      handleProcessErrors({ logger: createLogger(), onFatal: () => process.exit(3) });
      Promise.reject(new Error('a handler forgot its catch'));
      setTimeout(() => { process.stdout.write('still answering'); }, 50);
    `;
    const result = await runProcess('node', ['--import', 'tsx', '--input-type=module', '-e', script]);
    expect(result.stdout).toBe('still answering');
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('a handler forgot its catch');
    expect(result.stderr).toContain('unhandled promise rejection');
  });
});
