// The contract between the agenda's DMs (reminders, change notices) and a chat platform that can send them.
import type { Answer } from '../../src/index.ts';
import type { AgendaPlatform, AgendaUser, DeliveryKey } from './agenda-store.ts';

/** Sends DMs on one platform. */
export interface AgendaMessenger {
  readonly platform: AgendaPlatform;
  /**
   * DMs `answer` to `to` (in its workspace, where the platform has several), retrying with the platform's backoff,
   * and rejects once it gives up. `key` marks the message; `resumedFrom` (epoch ms) says an earlier run claimed it
   * then and may have sent it: look for it from that moment on before sending again.
   */
  send(to: AgendaUser, answer: Answer, key: string, resumedFrom?: number): Promise<void>;
}

/** The text form of a delivery key, unique per DM ("reminder/slack/U1/opening/1806138000000"). */
export function deliveryKeyText(key: DeliveryKey): string {
  return [key.kind, key.platform, key.userId, key.sessionId, String(key.keyAt)].join('/');
}
