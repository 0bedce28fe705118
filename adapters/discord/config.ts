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
  /** Gateway shards this process runs; one shard (discord.js's default) when unset. */
  readonly shards?: DiscordShards;
}

/**
 * `auto`: as many shards as Discord recommends, all in this process. A list: these shard ids out of `count`, so
 * that replicas split a large bot's servers between them (each replica a different list, the same count).
 */
export type DiscordShards =
  | { readonly kind: 'auto' }
  | { readonly kind: 'list'; readonly ids: readonly number[]; readonly count: number };

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

const shardIds = z
  .string()
  .trim()
  .regex(/^(auto|\d+(\s*,\s*\d+)*)$/, 'must be "auto" or shard ids such as 0,1');

const DiscordEnvSchema = z
  .object({
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
    DISCORD_SHARDS: optional(shardIds),
    DISCORD_SHARD_COUNT: optional(
      z.coerce.number().int('must be a whole number').min(1, 'must be at least 1'),
    ),
  })
  .superRefine((env, context) => {
    const listed = env.DISCORD_SHARDS !== undefined && env.DISCORD_SHARDS !== 'auto';
    if (listed && env.DISCORD_SHARD_COUNT === undefined) {
      context.addIssue({
        code: 'custom',
        path: ['DISCORD_SHARD_COUNT'],
        message: 'is required with a list of DISCORD_SHARDS',
      });
    }
    if (listed && env.DISCORD_SHARD_COUNT !== undefined) {
      const over = (env.DISCORD_SHARDS ?? '')
        .split(',')
        .map(Number)
        .filter((id) => id >= (env.DISCORD_SHARD_COUNT ?? 0));
      if (over.length > 0) {
        context.addIssue({
          code: 'custom',
          path: ['DISCORD_SHARDS'],
          message: `shard ids must be below DISCORD_SHARD_COUNT (${env.DISCORD_SHARD_COUNT}); ${over.join(', ')} is not`,
        });
      }
    }
  });

/** Reads the Discord variables. A missing DISCORD_TOKEN means "not configured": the adapter is skipped. */
export function readDiscordConfig(env: Readonly<Record<string, string | undefined>>): DiscordConfigResult {
  const parsed = DiscordEnvSchema.safeParse(env);
  if (!parsed.success) return { kind: 'invalid', problems: envProblems(parsed.error) };
  const { DISCORD_TOKEN, DISCORD_APPLICATION_ID, DISCORD_GUILD_ID, DISCORD_MENTIONS, DISCORD_SHARDS } =
    parsed.data;
  const shards: DiscordShards | undefined =
    DISCORD_SHARDS === undefined
      ? undefined
      : DISCORD_SHARDS === 'auto'
        ? { kind: 'auto' }
        : {
            kind: 'list',
            ids: DISCORD_SHARDS.split(',').map(Number),
            count: parsed.data.DISCORD_SHARD_COUNT ?? 1,
          };
  if (DISCORD_TOKEN === undefined) return { kind: 'skip', reason: 'DISCORD_TOKEN is not set' };
  return {
    kind: 'ok',
    config: {
      token: DISCORD_TOKEN,
      mentions: DISCORD_MENTIONS === 'true',
      ...(DISCORD_APPLICATION_ID === undefined ? {} : { applicationId: DISCORD_APPLICATION_ID }),
      ...(DISCORD_GUILD_ID === undefined ? {} : { guildId: DISCORD_GUILD_ID }),
      ...(shards === undefined ? {} : { shards }),
    },
  };
}
