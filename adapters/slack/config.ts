// The Slack adapter's environment, checked with zod: which mode, which tokens, every problem named.
import { z } from 'zod';
import { envProblems } from '../shared/env.ts';
import { envNumber } from '../shared/env-number.ts';

/** Socket Mode needs no public URL; HTTP mode needs a signing secret and a port to listen on. */
export type SlackConnection =
  | { readonly mode: 'socket'; readonly appToken: string }
  | { readonly mode: 'http'; readonly signingSecret: string; readonly port: number };

/** Multi-workspace mode: Bolt's OAuth installer, one bot token per workspace kept in the store. */
export interface SlackOAuth {
  readonly clientId: string;
  readonly clientSecret: string;
  /** Signs the OAuth `state`, so a redirect that did not start at /slack/install is refused. */
  readonly stateSecret: string;
}

export interface SlackConfig {
  /** Single-workspace mode: the one bot token. Unset in multi-workspace mode (`oauth`). */
  readonly botToken?: string;
  readonly oauth?: SlackOAuth;
  readonly connection: SlackConnection;
  /** When both are known, Bolt skips `auth.test`; otherwise the adapter asks Slack once at start. */
  readonly botId?: string;
  readonly botUserId?: string;
  /** The Web API's base URL, when not slack.com's (GovSlack, a proxy, a test's fake); ends with a slash. */
  readonly apiUrl?: string;
}

/** Start with this config, skip (no bot token: Slack is not wanted), or refuse with one line per problem. */
export type SlackConfigResult =
  | { readonly kind: 'ok'; readonly config: SlackConfig }
  | { readonly kind: 'skip'; readonly reason: string }
  | { readonly kind: 'invalid'; readonly problems: readonly string[] };

/** Empty strings count as unset, the way `.env.example` leaves them. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    schema.optional(),
  );

const SlackEnvSchema = z
  .object({
    SLACK_BOT_TOKEN: optional(
      z.string().trim().startsWith('xoxb-', 'must be a bot token starting with xoxb-'),
    ),
    SLACK_APP_TOKEN: optional(
      z
        .string()
        .trim()
        .startsWith('xapp-', 'must be an app-level token starting with xapp- (connections:write)'),
    ),
    SLACK_SIGNING_SECRET: optional(
      z
        .string()
        .trim()
        .regex(/^[0-9a-f]{16,}$/i, 'must be the hex signing secret from Basic Information > App Credentials'),
    ),
    SLACK_PORT: envNumber({
      kind: 'integer',
      message: 'must be a port number from 1 to 65535',
      wholeMessage: 'must be a whole port number from 1 to 65535',
      min: [1, 'must be a port number from 1 to 65535'],
      max: [65535, 'must be a port number from 1 to 65535'],
    }),
    SLACK_BOT_ID: optional(
      z
        .string()
        .trim()
        .regex(/^B[A-Z0-9]+$/, 'must be a bot id such as B0123ABCD'),
    ),
    SLACK_BOT_USER_ID: optional(
      z
        .string()
        .trim()
        .regex(/^[UW][A-Z0-9]+$/, 'must be the bot user id such as U0123ABCD'),
    ),
    SLACK_CLIENT_ID: optional(
      z
        .string()
        .trim()
        .regex(
          /^\d+\.\d+$/,
          'must be the Client ID from Basic Information > App Credentials (digits.digits)',
        ),
    ),
    SLACK_CLIENT_SECRET: optional(
      z
        .string()
        .trim()
        .regex(/^[0-9a-f]{16,}$/i, 'must be the hex Client Secret from Basic Information > App Credentials'),
    ),
    SLACK_STATE_SECRET: optional(
      z
        .string()
        .trim()
        .min(16, 'must be a random string of at least 16 characters (it signs the OAuth state)'),
    ),
    SLACK_API_URL: optional(
      z
        .string()
        .trim()
        .regex(
          /^https?:\/\/[^\s]+\/$/,
          'must be an http(s) URL ending in a slash, such as https://slack.com/api/',
        ),
    ),
  })
  .superRefine((env, context) => {
    const http = env.SLACK_SIGNING_SECRET !== undefined || env.SLACK_PORT !== undefined;
    if (env.SLACK_CLIENT_ID !== undefined) {
      for (const name of [
        'SLACK_CLIENT_SECRET',
        'SLACK_STATE_SECRET',
        'SLACK_SIGNING_SECRET',
        'SLACK_PORT',
      ] as const) {
        if (env[name] === undefined) {
          context.addIssue({
            code: 'custom',
            path: [name],
            message: 'is required for multi-workspace installs (SLACK_CLIENT_ID), which run in HTTP mode',
          });
        }
      }
      if (env.SLACK_BOT_TOKEN !== undefined) {
        context.addIssue({
          code: 'custom',
          path: ['SLACK_BOT_TOKEN'],
          message:
            'must be empty with SLACK_CLIENT_ID: each workspace gets its own token when it installs Hallway',
        });
      }
      return;
    }
    if (env.SLACK_PORT !== undefined && env.SLACK_SIGNING_SECRET === undefined) {
      context.addIssue({
        code: 'custom',
        path: ['SLACK_SIGNING_SECRET'],
        message: 'is required for HTTP mode, which SLACK_PORT selects',
      });
    }
    if (
      env.SLACK_SIGNING_SECRET !== undefined &&
      env.SLACK_PORT === undefined &&
      env.SLACK_APP_TOKEN === undefined
    ) {
      context.addIssue({
        code: 'custom',
        path: ['SLACK_PORT'],
        message:
          'is required for HTTP mode (with SLACK_SIGNING_SECRET); or set SLACK_APP_TOKEN for Socket Mode',
      });
    }
    if (!http && env.SLACK_APP_TOKEN === undefined) {
      context.addIssue({
        code: 'custom',
        path: ['SLACK_APP_TOKEN'],
        message:
          'is required for Socket Mode (an xapp- token with connections:write); or set SLACK_SIGNING_SECRET and SLACK_PORT for HTTP mode',
      });
    }
  });

/**
 * Reads the Slack variables. No `SLACK_BOT_TOKEN` means Slack is not configured (skip, with the reason).
 * HTTP mode when `SLACK_SIGNING_SECRET` and `SLACK_PORT` are both set; Socket Mode (`SLACK_APP_TOKEN`) otherwise.
 */
export function readSlackConfig(env: Readonly<Record<string, string | undefined>>): SlackConfigResult {
  const blank = (value: string | undefined) => value === undefined || value.trim() === '';
  if (blank(env.SLACK_BOT_TOKEN) && blank(env.SLACK_CLIENT_ID)) {
    return { kind: 'skip', reason: 'SLACK_BOT_TOKEN is not set' };
  }
  const parsed = SlackEnvSchema.safeParse(env);
  if (!parsed.success) return { kind: 'invalid', problems: envProblems(parsed.error) };
  const value = parsed.data;
  const oauth =
    value.SLACK_CLIENT_ID === undefined
      ? undefined
      : {
          clientId: value.SLACK_CLIENT_ID,
          clientSecret: value.SLACK_CLIENT_SECRET as string,
          stateSecret: value.SLACK_STATE_SECRET as string,
        };
  const connection: SlackConnection =
    value.SLACK_SIGNING_SECRET !== undefined && value.SLACK_PORT !== undefined
      ? { mode: 'http', signingSecret: value.SLACK_SIGNING_SECRET, port: value.SLACK_PORT }
      : { mode: 'socket', appToken: value.SLACK_APP_TOKEN as string };
  return {
    kind: 'ok',
    config: {
      ...(oauth === undefined ? { botToken: value.SLACK_BOT_TOKEN as string } : { oauth }),
      connection,
      ...(value.SLACK_BOT_ID === undefined ? {} : { botId: value.SLACK_BOT_ID }),
      ...(value.SLACK_BOT_USER_ID === undefined ? {} : { botUserId: value.SLACK_BOT_USER_ID }),
      ...(value.SLACK_API_URL === undefined ? {} : { apiUrl: value.SLACK_API_URL }),
    },
  };
}
