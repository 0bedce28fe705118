// The operations endpoints on HALLWAY_HTTP_PORT: `/healthz` for probes and `/metrics` for Prometheus.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { closeServer, declaresMoreThan, GUARDED_SERVER_OPTIONS, refuse } from '../shared/http-guards.ts';
import type { Logger } from '../shared/logger.ts';
import type { Readiness } from './readiness.ts';

/** The port the container image, the Kubernetes manifests and the docs use (a test holds them to it). */
export const DEFAULT_HTTP_PORT = 8080;
/** Readiness and liveness: 200 once ready, 503 before and during a shutdown. */
export const HEALTH_PATH = '/healthz';
/** Prometheus text exposition. */
export const METRICS_PATH = '/metrics';

/** The largest request body accepted: the endpoints take none. */
export const OPS_BODY_LIMIT_BYTES = 1024;

/** Where the Prometheus text comes from (`HallwayMetrics`). */
export interface MetricsSource {
  text(): Promise<string>;
  readonly contentType: string;
}

export interface OpsServerOptions {
  /** 0 picks any free port; `OpsServer.port` says which. */
  readonly port: number;
  readonly host: string;
  readonly readiness: Readiness;
  readonly metrics: MetricsSource;
  readonly logger: Logger;
}

export interface OpsServer {
  /** The port it listens on. */
  readonly port: number;
  /**
   * Stops listening and drops idle keep-alive connections; requests in progress get a second to finish, then
   * every connection is dropped (a client holding a half-sent request does not hold up a shutdown).
   */
  close(): Promise<void>;
}

/** Listens, and resolves once it does; rejects when it cannot (the port is taken, the host is unknown). */
export async function startOpsServer(options: OpsServerOptions): Promise<OpsServer> {
  const server = createServer(GUARDED_SERVER_OPTIONS, (request, response) => {
    // Probes and scrapes send no body: anything bigger than a few headers' worth is refused, never read.
    if (declaresMoreThan(request, OPS_BODY_LIMIT_BYTES)) return refuse(request, response, 413);
    let received = 0;
    request.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > OPS_BODY_LIMIT_BYTES) refuse(request, response, 413);
    });
    handle(request, response, options).catch((error: unknown) => {
      options.logger.error({ err: error, path: request.url }, 'operations endpoint failed');
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      response.end('internal error\n');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (error) => options.logger.error({ err: error }, 'operations server error'));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    close: () => closeServer(server),
  };
}

async function handle(request: IncomingMessage, response: ServerResponse, options: OpsServerOptions) {
  // The path as sent, query string aside: no URL parsing, which throws on "//" and reads "//host/x" as "/x".
  const [path] = (request.url ?? '/').split('?');
  const head = request.method === 'HEAD';
  if (path !== HEALTH_PATH && path !== METRICS_PATH) {
    return send(
      response,
      404,
      'text/plain; charset=utf-8',
      `not found; try ${HEALTH_PATH} or ${METRICS_PATH}\n`,
      head,
    );
  }
  if (request.method !== 'GET' && !head) {
    response.setHeader('allow', 'GET, HEAD');
    return send(response, 405, 'text/plain; charset=utf-8', 'method not allowed\n', false);
  }
  if (path === HEALTH_PATH) {
    const report = options.readiness.report();
    return send(response, report.ok ? 200 : 503, 'application/json', `${JSON.stringify(report)}\n`, head);
  }
  const text = await options.metrics.text();
  return send(response, 200, options.metrics.contentType, text, head);
}

function send(response: ServerResponse, status: number, type: string, body: string, head: boolean): void {
  response.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'content-length': Buffer.byteLength(body),
  });
  response.end(head ? undefined : body);
}
