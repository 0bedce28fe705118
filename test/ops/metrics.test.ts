// The metrics registry, and the instrumented engine that counts, times and logs every answer.
import { afterEach, describe, expect, it } from 'vitest';
import { InFlight } from '../../adapters/ops/in-flight.ts';
import { instrumentEngine } from '../../adapters/ops/instrument-engine.ts';
import { ANSWER_SECONDS_BUCKETS, HallwayMetrics, METRIC_NAMES } from '../../adapters/ops/metrics.ts';
import { installMetricsSink, recordDigestPost, recordRateLimited } from '../../adapters/ops/metrics-sink.ts';
import type { Engine } from '../../src/index.ts';
import { captureLogger } from '../helpers/capture-logger.ts';
import { engineFor, MINI_CONF } from '../helpers/engines.ts';

const mini = engineFor(MINI_CONF);

/** A counter's value for these labels, or undefined when the series does not exist. */
async function value(metrics: HallwayMetrics, name: string, labels: Record<string, string> = {}) {
  const metric = metrics.registry.getSingleMetric(name);
  if (metric === undefined) throw new Error(`no metric ${name}`);
  const { values } = await metric.get();
  return values.find((sample) =>
    Object.entries(labels).every(([key, wanted]) => String(sample.labels[key]) === wanted),
  )?.value;
}

afterEach(() => installMetricsSink(undefined));

describe('HallwayMetrics', () => {
  it('serves every Hallway metric and the process metrics as Prometheus text', async () => {
    const metrics = new HallwayMetrics();
    const text = await metrics.text();
    for (const name of Object.values(METRIC_NAMES)) expect(text).toContain(`# TYPE ${name} `);
    expect(text).toMatch(/^process_cpu_user_seconds_total \d/m);
    expect(text).toMatch(/^nodejs_heap_size_used_bytes \d/m);
    expect(metrics.contentType).toBe('text/plain; version=0.0.4; charset=utf-8');
  });

  it('starts from zero in each instance (its own registry, not the global one)', async () => {
    const first = new HallwayMetrics({ processMetrics: false });
    first.recordRateLimited('slack');
    const second = new HallwayMetrics({ processMetrics: false });
    expect(await value(first, METRIC_NAMES.rateLimited, { platform: 'slack' })).toBe(1);
    expect(await value(second, METRIC_NAMES.rateLimited, { platform: 'slack' })).toBeUndefined();
    expect(await second.text()).not.toContain('process_cpu');
  });

  it('counts digest posts by result, failures apart, and refreshes by result', async () => {
    const metrics = new HallwayMetrics({ processMetrics: false });
    metrics.recordDigestPost('discord', true);
    metrics.recordDigestPost('discord', false);
    metrics.recordDigestPost('discord', false);
    metrics.recordSourceRefresh('updated');
    metrics.recordSourceRefresh('failed');
    metrics.recordSourceRefresh('failed', 'lost-most-sessions');
    expect(await value(metrics, METRIC_NAMES.digestPosts, { platform: 'discord', result: 'ok' })).toBe(1);
    expect(await value(metrics, METRIC_NAMES.digestPosts, { platform: 'discord', result: 'failed' })).toBe(2);
    expect(await value(metrics, METRIC_NAMES.digestPostFailures, { platform: 'discord' })).toBe(2);
    expect(await value(metrics, METRIC_NAMES.sourceRefreshes, { result: 'updated' })).toBe(1);
    expect(await value(metrics, METRIC_NAMES.sourceRefreshes, { result: 'unchanged' })).toBe(0);
    expect(await value(metrics, METRIC_NAMES.sourceRefreshes, { result: 'failed' })).toBe(2);
    expect(await value(metrics, METRIC_NAMES.sourceRefreshFailures, { reason: 'unreachable' })).toBe(1);
    expect(await value(metrics, METRIC_NAMES.sourceRefreshFailures, { reason: 'lost-most-sessions' })).toBe(
      1,
    );
    expect(await value(metrics, METRIC_NAMES.sourceRefreshFailures, { reason: 'lost-a-day' })).toBe(0);
  });

  it('records through the free functions once a sink is installed, and ignores them before', async () => {
    const metrics = new HallwayMetrics({ processMetrics: false });
    recordRateLimited('slack');
    installMetricsSink(metrics);
    recordRateLimited('slack');
    recordDigestPost('slack', false);
    expect(await value(metrics, METRIC_NAMES.rateLimited, { platform: 'slack' })).toBe(1);
    expect(await value(metrics, METRIC_NAMES.digestPostFailures, { platform: 'slack' })).toBe(1);
  });

  it('buckets answer latency from 0.1 ms to 1 s', () => {
    expect(ANSWER_SECONDS_BUCKETS[0]).toBe(0.0001);
    expect(ANSWER_SECONDS_BUCKETS.at(-1)).toBe(1);
    expect([...ANSWER_SECONDS_BUCKETS].sort((a, b) => a - b)).toEqual(ANSWER_SECONDS_BUCKETS);
  });
});

describe('instrumentEngine', () => {
  it('counts each question by intent, platform and answered, times it, and logs one line without the text', async () => {
    const metrics = new HallwayMetrics({ processMetrics: false });
    const captured = captureLogger();
    let ms = 0;
    const engine = instrumentEngine(() => mini, {
      platform: 'slack',
      logger: captured.logger,
      metrics,
      now: () => {
        ms += 0.75;
        return ms;
      },
    });
    const answered = engine().ask('who spoke about tiles?');
    engine().ask('who spoke about quantum knitting?');
    engine().ask('who spoke about tiles?');

    expect(answered.text).toBe(mini.ask('who spoke about tiles?').text);
    const { intent } = answered;
    expect(intent).toBe('topic');
    expect(
      await value(metrics, METRIC_NAMES.questions, { intent, platform: 'slack', answered: 'true' }),
    ).toBe(2);
    expect(
      await value(metrics, METRIC_NAMES.questions, { intent, platform: 'slack', answered: 'false' }),
    ).toBe(1);
    const text = await metrics.text();
    expect(text).toContain('hallway_answer_seconds_bucket{le="0.001",platform="slack"} 3');
    expect(text).toContain('hallway_answer_seconds_bucket{le="0.0005",platform="slack"} 0');

    const lines = captured.lines().filter((line) => line.msg === 'answer');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({
      level: 30,
      platform: 'slack',
      intent: 'topic',
      answered: true,
      latencyMs: 0.75,
    });
    expect(JSON.stringify(captured.lines())).not.toContain('tiles');
  });

  it('follows a data refresh that swaps the engine, and keeps the catalog of the current one', () => {
    const other = engineFor(MINI_CONF);
    let current: Engine = mini;
    const engine = instrumentEngine(() => current, { platform: 'console', logger: captureLogger().logger });
    expect(engine().catalog).toBe(mini.catalog);
    current = other;
    expect(engine().catalog).toBe(other.catalog);
    expect(engine()).toBe(engine());
  });

  it('counts and logs an answer that throws, rethrows it for the adapter to apologise, and is not in flight after', async () => {
    const metrics = new HallwayMetrics({ processMetrics: false });
    const captured = captureLogger();
    const inFlight = new InFlight();
    const broken: Engine = {
      ...mini,
      catalog: mini.catalog,
      ask: () => {
        throw new Error('index corrupted');
      },
    };
    const engine = instrumentEngine(() => broken, {
      platform: 'discord',
      logger: captured.logger,
      metrics,
      inFlight,
    });
    expect(() => engine().ask('anything')).toThrow('index corrupted');
    expect(await value(metrics, METRIC_NAMES.answerErrors, { platform: 'discord' })).toBe(1);
    expect(captured.lines()).toContainEqual(
      expect.objectContaining({ level: 50, msg: 'answer failed', platform: 'discord' }),
    );
    expect(inFlight.size).toBe(0);
  });

  it('logs at debug when asked to (the console on a terminal)', () => {
    const captured = captureLogger();
    instrumentEngine(() => mini, { platform: 'console', logger: captured.logger, level: 'debug' })().ask(
      'help',
    );
    expect(captured.lines()).toContainEqual(expect.objectContaining({ level: 20, msg: 'answer' }));
  });
});
