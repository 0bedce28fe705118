// The variables of Discord's HTTP interactions endpoint: the application's public key and the port to listen on.
// Both, or neither; the gateway (DISCORD_TOKEN) is independent of them.
import { z } from 'zod';
import { envProblems } from '../shared/env.ts';
import { envNumber } from '../shared/env-number.ts';
import { discordPublicKey } from './verify-signature.ts';

export type InteractionsConfigResult =
  | { readonly kind: 'off' }
  | { readonly kind: 'ok'; readonly publicKey: string; readonly port: number }
  | { readonly kind: 'invalid'; readonly problems: readonly string[] };

const blankAsUnset = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

const Schema = z
  .object({
    DISCORD_PUBLIC_KEY: z.preprocess(
      blankAsUnset,
      z
        .string()
        .trim()
        .refine((hex) => {
          try {
            discordPublicKey(hex);
            return true;
          } catch {
            return false;
          }
        }, 'must be the 64 hex digits of Public Key (Developer Portal → your application → General Information)')
        .optional(),
    ),
    DISCORD_INTERACTIONS_PORT: envNumber({
      kind: 'integer',
      message: 'must be a port number from 1 to 65535',
      min: [1, 'must be a port number from 1 to 65535'],
      max: [65535, 'must be a port number from 1 to 65535'],
    }),
  })
  .superRefine((env, context) => {
    if ((env.DISCORD_PUBLIC_KEY === undefined) !== (env.DISCORD_INTERACTIONS_PORT === undefined)) {
      const missing =
        env.DISCORD_PUBLIC_KEY === undefined ? 'DISCORD_PUBLIC_KEY' : 'DISCORD_INTERACTIONS_PORT';
      context.addIssue({
        code: 'custom',
        path: [missing],
        message:
          'is required for the HTTP interactions endpoint, with DISCORD_PUBLIC_KEY and DISCORD_INTERACTIONS_PORT',
      });
    }
  });

export function readInteractionsConfig(
  env: Readonly<Record<string, string | undefined>>,
): InteractionsConfigResult {
  const parsed = Schema.safeParse(env);
  if (!parsed.success) return { kind: 'invalid', problems: envProblems(parsed.error) };
  const { DISCORD_PUBLIC_KEY: publicKey, DISCORD_INTERACTIONS_PORT: port } = parsed.data;
  return publicKey === undefined || port === undefined ? { kind: 'off' } : { kind: 'ok', publicKey, port };
}
