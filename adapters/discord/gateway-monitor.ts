// Logs the gateway connection dropping and coming back, with how long it was gone (issue 8).
import { type Client, Events } from 'discord.js';
import type { Logger } from '../shared/logger.ts';

export interface GatewayMonitorOptions {
  readonly logger: Logger;
  readonly clock: () => number;
  /** False once the adapter is stopping: its own disconnect is not an outage. */
  readonly active: () => boolean;
  /** Told when the gateway drops (false) and is back (true). */
  readonly onConnectionChange?: (connected: boolean) => void;
}

/** An outage in progress on one shard. */
interface Outage {
  readonly since: number;
  attempts: number;
}

/**
 * Watches discord.js 14's shard events. `shardReconnecting` fires on every close the library will recover from
 * (and again for each failed attempt); the outage ends with `shardResume` (the session resumed, missed events
 * replayed) or `shardReady` (a new session: events sent meanwhile are lost). `shardDisconnect` (a close it will
 * not recover from) is logged by the connection, which explains it. `invalidated` is declared in `Events` but
 * discord.js 14 never emits it: an invalid session is re-identified and ends in `shardReady`.
 */
export function watchGateway(client: Client, options: GatewayMonitorOptions): void {
  const { logger, clock } = options;
  const outages = new Map<number, Outage>();

  client.on(Events.ShardReconnecting, (shard) => {
    if (!options.active()) return;
    const outage = outages.get(shard);
    if (outage === undefined) {
      outages.set(shard, { since: clock(), attempts: 1 });
      logger.warn({ shard }, 'Discord: gateway connection lost; reconnecting');
      options.onConnectionChange?.(false);
      return;
    }
    outage.attempts += 1;
    logger.debug({ shard, attempts: outage.attempts }, 'Discord: still reconnecting to the gateway');
  });

  const back = (shard: number, how: 'resumed' | 'new session', replayed?: number) => {
    const outage = outages.get(shard);
    if (outage === undefined) return;
    outages.delete(shard);
    if (outages.size === 0) options.onConnectionChange?.(true);
    const outageMs = clock() - outage.since;
    logger.info(
      { shard, outageMs, attempts: outage.attempts, how, ...(replayed === undefined ? {} : { replayed }) },
      how === 'resumed'
        ? `Discord: gateway connection back after ${seconds(outageMs)}; session resumed, missed events replayed`
        : `Discord: gateway connection back after ${seconds(outageMs)}; new session, events sent meanwhile were missed`,
    );
  };
  client.on(Events.ShardResume, (shard, replayed) => back(shard, 'resumed', replayed));
  client.on(Events.ShardReady, (shard) => back(shard, 'new session'));
  client.on(Events.ShardError, (error, shard) =>
    logger.warn({ err: error, shard }, 'Discord: gateway connection error'),
  );
}

/** 1234 → "1.2 s". */
function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
