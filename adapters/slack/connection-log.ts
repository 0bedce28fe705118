// Logs Socket Mode outages: when the WebSocket to Slack drops (warn) and when it is back, with how long it was down.
import type { SocketModeReceiver } from '@slack/bolt';
import type { Logger } from '../shared/logger.ts';

/** The Socket Mode client inside Bolt's receiver (an EventEmitter of its lifecycle). */
type SocketModeClient = SocketModeReceiver['client'];

/** Stops watching; call it before disconnecting on purpose, so a shutdown is not logged as an outage. */
export interface ConnectionWatch {
  stop(): void;
}

/** A `{"type":"disconnect"}` message: Slack asks the client to reconnect (a routine refresh, or a warning). */
const DISCONNECT_MESSAGE = /"type"\s*:\s*"disconnect"/;

/**
 * Watches the Socket Mode client's own events: `close` (the WebSocket is gone; the client reconnects by
 * itself), `reconnecting` (one attempt) and `connected` (Slack said hello on a new socket). A close that Slack
 * asked for with a `disconnect` message is routine and logged at info; any other close is an outage, at warn.
 */
export function watchSocketConnection(
  client: SocketModeClient,
  logger: Logger,
  now: () => number = Date.now,
  onConnectionChange?: (connected: boolean) => void,
): ConnectionWatch {
  let droppedAt: number | undefined;
  let attempts = 0;
  let requested: string | undefined;

  const onMessage = (data: unknown): void => {
    if (typeof data !== 'string' || !DISCONNECT_MESSAGE.test(data)) return;
    try {
      const reason = (JSON.parse(data) as { reason?: unknown }).reason;
      requested = typeof reason === 'string' ? reason : 'unknown';
    } catch {
      requested = 'unknown';
    }
  };
  const onClose = (): void => {
    if (droppedAt !== undefined) return;
    droppedAt = now();
    attempts = 0;
    onConnectionChange?.(false);
    if (requested !== undefined) {
      logger.info({ reason: requested }, 'Slack asked Hallway to reconnect (Socket Mode); reconnecting');
    } else {
      logger.warn('Slack connection lost (Socket Mode); reconnecting');
    }
  };
  const onReconnecting = (): void => {
    attempts += 1;
    logger.debug({ attempt: attempts }, 'Slack: reconnecting (Socket Mode)');
  };
  const onConnected = (): void => {
    if (droppedAt === undefined) return;
    const outageMs = now() - droppedAt;
    logger.info(
      { outageMs, attempts, ...(requested === undefined ? {} : { reason: requested }) },
      'Slack connection back (Socket Mode)',
    );
    droppedAt = undefined;
    requested = undefined;
    onConnectionChange?.(true);
  };

  client.on('ws_message', onMessage);
  client.on('close', onClose);
  client.on('reconnecting', onReconnecting);
  client.on('connected', onConnected);
  return {
    stop() {
      client.off('ws_message', onMessage);
      client.off('close', onClose);
      client.off('reconnecting', onReconnecting);
      client.off('connected', onConnected);
    },
  };
}
