// Turns a failed Discord login into a message that says what to fix: the token, the intents, or the network.
import { GatewayCloseCodes } from 'discord.js';
import { assertNever } from '../../src/index.ts';

/** Where to find each setting in the Developer Portal. */
const PORTAL = 'https://discord.com/developers/applications';

/** Why Discord would not let the bot in, as a value; `explainStartFailure` words it. */
export type StartFailure =
  | { readonly kind: 'bad-token'; readonly evidence: string }
  | { readonly kind: 'disallowed-intents'; readonly mentions: boolean }
  | { readonly kind: 'unreachable'; readonly detail: string }
  | { readonly kind: 'other'; readonly detail: string };

/** Classifies a failed login; `closeCode` is the last gateway close code discord.js reported (`shardDisconnect`). */
export function classifyStartFailure(
  error: unknown,
  closeCode: number | undefined,
  mentions: boolean,
): StartFailure {
  const err = error instanceof Error ? error : new Error(String(error));
  const code = (err as { code?: unknown }).code;
  if (closeCode === GatewayCloseCodes.DisallowedIntents || /disallowed intents/i.test(err.message))
    return { kind: 'disallowed-intents', mentions };
  if (closeCode === GatewayCloseCodes.AuthenticationFailed || /authentication failed/i.test(err.message))
    return { kind: 'bad-token', evidence: 'the gateway closed with code 4004 (authentication failed)' };
  if (code === 'TokenInvalid' || (err as { status?: unknown }).status === 401)
    return { kind: 'bad-token', evidence: 'Discord answered 401 Unauthorized' };
  const cause = (err as { cause?: { code?: unknown } }).cause;
  if (typeof code === 'string' && /^(ECONN|ENOTFOUND|EAI_AGAIN|ETIMEDOUT)/.test(code))
    return { kind: 'unreachable', detail: `${code}: ${err.message}` };
  if (typeof cause?.code === 'string' && /^(ECONN|ENOTFOUND|EAI_AGAIN|ETIMEDOUT)/.test(cause.code))
    return { kind: 'unreachable', detail: `${cause.code}: ${err.message}` };
  return { kind: 'other', detail: err.message };
}

/** One paragraph for the person running `npm start`. */
export function explainStartFailure(failure: StartFailure): string {
  switch (failure.kind) {
    case 'bad-token':
      return `Discord rejected DISCORD_TOKEN (${failure.evidence}). The token is wrong or was reset: in ${PORTAL} open your application → Bot → Reset Token, and put the new token in DISCORD_TOKEN.`;
    case 'disallowed-intents':
      return failure.mentions
        ? `Discord refused the Message Content intent (gateway close code 4014). DISCORD_MENTIONS=true needs it: in ${PORTAL} open your application → Bot → Privileged Gateway Intents and turn on Message Content Intent, or set DISCORD_MENTIONS=false (slash commands and DMs work without it).`
        : `Discord refused the requested intents (gateway close code 4014). Hallway asks only for non-privileged ones with DISCORD_MENTIONS=false; check the application's intents in ${PORTAL} → your application → Bot.`;
    case 'unreachable':
      return `Could not reach Discord (${failure.detail}). Check the network connection and any proxy or firewall between this machine and discord.com.`;
    case 'other':
      return `Discord login failed: ${failure.detail}`;
    default:
      return assertNever(failure);
  }
}
