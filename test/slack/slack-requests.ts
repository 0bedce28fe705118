// Real-shaped Slack payloads, and signed POSTs to the app's HTTP receiver as Slack sends them.
import { createHmac } from 'node:crypto';
import { BOT } from './fake-slack.ts';

export const SIGNING_SECRET = 'a3f1c0de5b7e4d2f9a8b6c4d2e0f1a3b';

export interface SignedPostOptions {
  /** Seconds since the epoch; now by default. */
  readonly timestamp?: number;
  /** Replaces the computed signature. */
  readonly signature?: string;
  /** Leave out the signature and timestamp headers. */
  readonly unsigned?: boolean;
  readonly headers?: Record<string, string>;
  readonly secret?: string;
}

/** `v0=HMAC-SHA256(secret, "v0:{ts}:{body}")`, Slack's request signature. */
export function sign(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** POSTs `body` to the receiver the way Slack does and returns the status and text of the response. */
export async function postSigned(
  url: string,
  body: string,
  contentType: 'application/json' | 'application/x-www-form-urlencoded',
  options: SignedPostOptions = {},
): Promise<{ status: number; text: string }> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = { 'content-type': contentType, ...options.headers };
  if (options.unsigned !== true) {
    headers['x-slack-request-timestamp'] = String(timestamp);
    headers['x-slack-signature'] =
      options.signature ?? sign(options.secret ?? SIGNING_SECRET, timestamp, body);
  }
  const response = await fetch(url, { method: 'POST', headers, body });
  return { status: response.status, text: await response.text() };
}

/** An Events API envelope (`event_callback`) around `event`. */
export function eventCallback(event: Record<string, unknown>, eventId: string): Record<string, unknown> {
  return {
    token: 'legacy-verification-token',
    team_id: BOT.teamId,
    api_app_id: BOT.appId,
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [
      { team_id: BOT.teamId, user_id: BOT.userId, is_bot: true, is_enterprise_install: false },
    ],
  };
}

let tsCounter = 0;
/** A fresh message timestamp such as "1774512000.000101". */
export function nextTs(): string {
  tsCounter += 1;
  return `1774512000.${String(tsCounter).padStart(6, '0')}`;
}

export function mentionEvent(text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'app_mention',
    user: 'U0ALICE',
    text: `<@${BOT.userId}> ${text}`,
    ts: nextTs(),
    channel: 'C0GENERAL',
    event_ts: nextTs(),
    ...extra,
  };
}

export function directMessageEvent(
  text: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    type: 'message',
    channel: 'D0ALICE',
    channel_type: 'im',
    user: 'U0ALICE',
    text,
    ts: nextTs(),
    event_ts: nextTs(),
    ...extra,
  };
}

/** A slash command as Slack posts it: form fields. */
export function slashCommand(text: string, responseUrl: string): Record<string, string> {
  return {
    token: 'legacy-verification-token',
    team_id: BOT.teamId,
    team_domain: 'kubecon',
    channel_id: 'C0GENERAL',
    channel_name: 'general',
    user_id: 'U0ALICE',
    user_name: 'alice',
    command: '/hallway',
    text,
    api_app_id: BOT.appId,
    response_url: responseUrl,
    trigger_id: '1111.2222.3333',
  };
}

/** A click on "Share to channel" in an ephemeral message, as the `payload` of a form post. */
export function shareClick(value: string, responseUrl: string): Record<string, unknown> {
  return {
    type: 'block_actions',
    user: { id: 'U0ALICE', username: 'alice', name: 'alice', team_id: BOT.teamId },
    api_app_id: BOT.appId,
    token: 'legacy-verification-token',
    container: { type: 'message', message_ts: nextTs(), channel_id: 'C0GENERAL', is_ephemeral: true },
    trigger_id: '1111.2222.4444',
    team: { id: BOT.teamId, domain: 'kubecon' },
    channel: { id: 'C0GENERAL', name: 'general' },
    response_url: responseUrl,
    actions: [
      {
        action_id: 'hallway_share',
        block_id: 'share',
        text: { type: 'plain_text', text: 'Share to channel', emoji: false },
        value,
        type: 'button',
        action_ts: `${Date.now() / 1000}`,
      },
    ],
  };
}

export function form(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}
