// Socket Mode envelopes as Slack sends them over the fake's WebSocket, and a check that the app acknowledged one.
import type { FakeSocket } from './fake-slack.ts';

let envelopeCounter = 0;

/** Sends one envelope (`events_api`, `slash_commands`, …) and returns its id. */
export function sendEnvelope(
  socket: FakeSocket,
  type: string,
  payload: unknown,
  extra: Record<string, unknown> = {},
): string {
  envelopeCounter += 1;
  const envelope_id = `env-${envelopeCounter}`;
  socket.socket.send(
    JSON.stringify({ envelope_id, type, payload, accepts_response_payload: false, ...extra }),
  );
  return envelope_id;
}

/** True once the app acknowledged the envelope (for `eventually`). */
export function acked(socket: FakeSocket, envelopeId: string): true | undefined {
  return socket.received.some((message) => message.envelope_id === envelopeId) ? true : undefined;
}
