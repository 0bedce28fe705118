// Wires the operations side of `npm start`: readiness, graceful shutdown, the error net, metrics and HTTP.
import type { Registry } from 'prom-client';
import type { HttpEnv } from '../shared/env.ts';
import type { Logger } from '../shared/logger.ts';
import { HEALTH_PATH, METRICS_PATH, type OpsServer, startOpsServer } from './http-server.ts';
import { installMetricsSink, type MetricsSink } from './metrics-sink.ts';
import { handleProcessErrors } from './process-errors.ts';
import { Readiness } from './readiness.ts';
import { exitAfterShutdown, exitOnSignals, installShutdown, Shutdown } from './shutdown.ts';

export interface Operations {
  readonly readiness: Readiness;
  readonly shutdown: Shutdown;
  /** Present when HALLWAY_HTTP_PORT is set: nobody could read the metrics otherwise. */
  readonly metrics?: MetricsSink;
  /** The registry `/metrics` serves, for metrics read at each scrape (the conferences in memory). */
  readonly metricsRegistry?: Registry;
  readonly server?: OpsServer;
}

export type OperationsResult = { ok: true; ops: Operations } | { ok: false; problem: string };

/**
 * Installs the process's shutdown (SIGTERM and SIGINT) and error handlers and, with `http`, starts the metrics
 * and the `/healthz` and `/metrics` endpoints. Fails, naming the variable, when the port cannot be listened on.
 */
export async function startOperations(options: {
  readonly logger: Logger;
  readonly http?: HttpEnv;
}): Promise<OperationsResult> {
  const { logger, http } = options;
  const readiness = new Readiness();
  const shutdown = new Shutdown({ logger, readiness });
  installShutdown(shutdown);
  exitOnSignals(shutdown, { logger });
  let metrics: MetricsSink | undefined;
  let metricsRegistry: Registry | undefined;
  let server: OpsServer | undefined;
  if (http !== undefined) {
    // prom-client loads only when metrics are served, like the chat SDKs only when their adapter starts.
    const { HallwayMetrics } = await import('./metrics.ts');
    const hallwayMetrics = new HallwayMetrics();
    metrics = hallwayMetrics;
    metricsRegistry = hallwayMetrics.registry;
    installMetricsSink(metrics);
    try {
      server = await startOpsServer({ ...http, readiness, metrics: hallwayMetrics, logger });
    } catch (error) {
      return {
        ok: false,
        problem: `HALLWAY_HTTP_PORT: cannot serve on ${http.host}:${http.port} (${(error as Error).message})`,
      };
    }
    const running = server;
    shutdown.onShutdown('operations HTTP server', () => running.close(), 'final');
    logger.info(
      { host: http.host, port: server.port, paths: [HEALTH_PATH, METRICS_PATH] },
      `serving ${HEALTH_PATH} and ${METRICS_PATH}`,
    );
  }
  handleProcessErrors({
    logger,
    ...(metrics === undefined ? {} : { metrics }),
    onFatal: () => void exitAfterShutdown(shutdown, 'uncaught exception', (code) => process.exit(code), 1),
  });
  return {
    ok: true,
    ops: {
      readiness,
      shutdown,
      ...(metrics === undefined ? {} : { metrics }),
      ...(metricsRegistry === undefined ? {} : { metricsRegistry }),
      ...(server === undefined ? {} : { server }),
    },
  };
}
