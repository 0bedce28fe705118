// The Discord adapter's environment, checked with zod: what is missing skips the adapter, what is malformed stops it.
import { z } from 'zod';
import { envProblems } from '../shared/env.ts';

/** Everything the Discord adapter reads from the environment. */
export interface DiscordConfig {
  readonly token: string;
  /** Needed to register commands; when absent, read from Discord (`GET /applications/@me` or the READY event). */
  readonly applicationId?: string;
  /** Register commands in this server only (instant, for testing) instead of globally. */
  readonly guildId?: string;
  /** Answer @mentions in server channels; asks Discord for the privileged Message Content intent. */
  readonly mentions: boolean;
}

/** Start with a config, skip (nothing configured), or refuse with one line per malformed variable. */
export type DiscordConfigResult =
  | { readonly kind: 'ok'; readonly config: DiscordConfig }
  | { readonly kind: 'skip'; readonly reason: string }
  | { readonly kind: 'invalid'; readonly problems: readonly string[] };

/** Empty strings (as `.env.example` leaves them) count as unset. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    schema.optional(),
  );

const SNOWFLAKE = /^\d{17,20}$/;
const snowflake = (what: string) =>
  z
    .string()
    .trim()
    .regex(SNOWFLAKE, { message: `must be ${what}: a numeric ID of 17 to 20 digits` });

const DiscordEnvSchema = z.object({
  DISCORD_TOKEN: optional(
    z
      .string()
      .trim()
      .superRefine((token, context) => {
        if (/^bot\s/i.test(token))
          context.addIssue({ code: 'custom', message: 'write the token alone, without the "Bot " prefix' });
        else if (!/^[\w-]+\.[\w-]+\.[\w-]+$/.test(token))
          context.addIssue({
            code: 'custom',
            message:
              'does not look like a bot token (three parts separated by dots); copy it from the Developer Portal → your application → Bot → Reset Token',
          });
      }),
  ),
  DISCORD_APPLICATION_ID: optional(
    snowflake('the Application ID from the Developer Portal → your application → General Information'),
  ),
  DISCORD_GUILD_ID: optional(
    snowflake('a server ID (Discord: Settings → Advanced → Developer Mode, then Copy Server ID)'),
  ),
  DISCORD_MENTIONS: optional(
    z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.enum(['true', 'false'], { message: 'must be true or false' })),
  ),
});

/** Reads the Discord variables. A missing DISCORD_TOKEN means "not configured": the adapter is skipped. */
export function readDiscordConfig(env: Readonly<Record<string, string | undefined>>): DiscordConfigResult {
  const parsed = DiscordEnvSchema.safeParse(env);
  if (!parsed.success) return { kind: 'invalid', problems: envProblems(parsed.error) };
  const { DISCORD_TOKEN, DISCORD_APPLICATION_ID, DISCORD_GUILD_ID, DISCORD_MENTIONS } = parsed.data;
  if (DISCORD_TOKEN === undefined) return { kind: 'skip', reason: 'DISCORD_TOKEN is not set' };
  return {
    kind: 'ok',
    config: {
      token: DISCORD_TOKEN,
      mentions: DISCORD_MENTIONS === 'true',
      ...(DISCORD_APPLICATION_ID === undefined ? {} : { applicationId: DISCORD_APPLICATION_ID }),
      ...(DISCORD_GUILD_ID === undefined ? {} : { guildId: DISCORD_GUILD_ID }),
    },
  };
}
