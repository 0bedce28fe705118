// `/healthz` before, during and after readiness, and `/metrics`, on a real server on 127.0.0.1.
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEALTH_PATH, METRICS_PATH, type OpsServer, startOpsServer } from '../../adapters/ops/http-server.ts';
import { instrumentEngine } from '../../adapters/ops/instrument-engine.ts';
import { HallwayMetrics } from '../../adapters/ops/metrics.ts';
import { Readiness } from '../../adapters/ops/readiness.ts';
import { silentLogger } from '../../adapters/shared/logger.ts';
import { captureLogger } from '../helpers/capture-logger.ts';
import { engineFor, MINI_CONF } from '../helpers/engines.ts';
import { holdPartialRequest, rawExchange } from '../helpers/raw-http.ts';

const readiness = new Readiness();
const metrics = new HallwayMetrics({ processMetrics: false });
let server: OpsServer;
let base = '';

beforeAll(async () => {
  server = await startOpsServer({ port: 0, host: '127.0.0.1', readiness, metrics, logger: silentLogger() });
  base = `http://127.0.0.1:${server.port}`;
});

afterAll(() => server.close());

/** A second server on a free port, for tests that close it. */
const startOther = () =>
  startOpsServer({ port: 0, host: '127.0.0.1', readiness, metrics, logger: silentLogger() });

/** Sends a request line as written (fetch would normalise it) and returns the status code. */
function rawStatus(target: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1', () => {
      socket.end(`GET ${target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`);
    });
    let reply = '';
    socket.on('data', (chunk: Buffer) => {
      reply += chunk.toString('utf8');
    });
    socket.on('error', reject);
    socket.on('close', () => resolve(Number(reply.split(' ')[1])));
  });
}

async function health() {
  const response = await fetch(`${base}${HEALTH_PATH}`);
  return { status: response.status, type: response.headers.get('content-type'), body: await response.json() };
}

describe('the operations server', () => {
  it('says 503 until the data and every started adapter are ready, then 200, then 503 once stopping', async () => {
    expect(await health()).toMatchObject({ status: 503, body: { ok: false, status: 'starting' } });

    readiness.expect('data', 'loading');
    readiness.expect('slack', 'connecting');
    expect(await health()).toMatchObject({
      status: 503,
      type: 'application/json',
      body: { status: 'starting', waiting: ['data (loading)', 'slack (connecting)'] },
    });

    readiness.ready('data');
    readiness.expect('discord', 'connecting');
    readiness.remove('discord'); // could not start: not waited for
    expect(await health()).toMatchObject({ status: 503, body: { waiting: ['slack (connecting)'] } });

    readiness.ready('slack');
    expect(await health()).toEqual({
      status: 200,
      type: 'application/json',
      body: {
        ok: true,
        status: 'ok',
        components: { data: 'ready', slack: 'ready' },
        waiting: [],
        failed: [],
      },
    });

    // A dropped chat connection takes it out of rotation until the connection is back.
    readiness.expect('slack', 'reconnecting');
    expect(await health()).toMatchObject({
      status: 503,
      body: {
        ok: false,
        status: 'degraded',
        components: { slack: 'waiting' },
        waiting: ['slack (reconnecting)'],
      },
    });
    readiness.ready('slack');
    expect(await health()).toMatchObject({ status: 200, body: { status: 'ok' } });

    const stopping = new Readiness();
    stopping.ready('data');
    stopping.stop();
    expect(stopping.report()).toMatchObject({ ok: false, status: 'stopping' });
  });

  it('serves /metrics as Prometheus text, counting a question asked through an instrumented engine', async () => {
    const engine = instrumentEngine(() => engineFor(MINI_CONF), {
      platform: 'discord',
      logger: captureLogger().logger,
      metrics,
    });
    const before = await (await fetch(`${base}${METRICS_PATH}`)).text();
    expect(before).not.toContain('platform="discord"');
    engine().ask('who spoke about tiles?');
    const response = await fetch(`${base}${METRICS_PATH}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    const text = await response.text();
    expect(text).toContain('hallway_questions_total{intent="topic",platform="discord",answered="true"} 1');
    expect(text).toContain('hallway_answer_seconds_count{platform="discord"} 1');
  });

  it('answers HEAD without a body, refuses other methods (405) and unknown paths (404)', async () => {
    const head = await fetch(`${base}${HEALTH_PATH}`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const post = await fetch(`${base}${METRICS_PATH}`, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    for (const path of ['/', '/healthz/extra', '/metrics.json', '/../etc/passwd']) {
      expect((await fetch(`${base}${path}`)).status).toBe(404);
    }
    for (const raw of ['//', '//evil.example/healthz', '*']) expect(await rawStatus(raw)).toBe(404);
    expect((await fetch(`${base}${HEALTH_PATH}?verbose=1`)).status).toBe(200);
  });

  it('fails to start on a port in use, with the reason', async () => {
    await expect(
      startOpsServer({ port: server.port, host: '127.0.0.1', readiness, metrics, logger: silentLogger() }),
    ).rejects.toThrow(/EADDRINUSE/);
  });

  it('closes while a keep-alive connection is open', async () => {
    const other = await startOther();
    await (await fetch(`http://127.0.0.1:${other.port}${HEALTH_PATH}`)).text();
    const started = Date.now();
    await other.close();
    // Not the 5 s an idle keep-alive connection would hold a plain close() for; generous for a loaded machine.
    expect(Date.now() - started).toBeLessThan(4_000);
  });

  it('refuses a body over its cap (413) without reading it, and keeps serving', async () => {
    const head = `POST ${HEALTH_PATH} HTTP/1.1\r\nHost: localhost\r\nContent-Length: ${64 * 1024 * 1024}`;
    expect(await rawExchange(server.port, head)).toEqual({ status: 413, bytesWritten: 0 });
    expect((await fetch(`${base}${METRICS_PATH}`)).status).toBe(200);
  });

  it('closes even while a client holds a half-sent request', async () => {
    const other = await startOther();
    const slow = await holdPartialRequest(other.port, `GET ${HEALTH_PATH} HTTP/1.1\r\nHost: loc`);
    const closed = new Promise((resolve) => slow.on('close', resolve));
    // Before, close() waited for this client for as long as it kept the request open.
    await other.close();
    await closed;
  });
});
