// The environment a test gives a child process: the machine's basics, none of the developer's Hallway settings.
import { NO_DOTENV_VARIABLE } from '../../adapters/shared/load-dotenv.ts';

/** Prefixes of the variables Hallway reads; a developer's values for them must never reach a test. */
export const HALLWAY_PREFIXES = ['HALLWAY_', 'SLACK_', 'DISCORD_'] as const;

/** Variables Hallway reads that have no prefix of their own (a developer's DATABASE_URL must not reach a test). */
const UNPREFIXED = new Set(['LOG_LEVEL', 'DATABASE_URL']);

/** True for a variable Hallway (or one of its platforms) reads. */
export function isHallwayVariable(name: string): boolean {
  return UNPREFIXED.has(name) || HALLWAY_PREFIXES.some((prefix) => name.startsWith(prefix));
}

/** Removes every Hallway, Slack and Discord variable (and LOG_LEVEL) from `env`, in place (workers' setup). */
export function scrubHallwayVariables(env: Record<string, string | undefined>): void {
  for (const name of Object.keys(env)) if (isHallwayVariable(name)) delete env[name];
}

/**
 * process.env without Hallway's variables, with `.env` loading switched off, then `overrides` (undefined
 * removes a variable). So a child answers the same on every machine, whatever the developer's `.env` or shell say.
 */
export function childEnv(overrides: Record<string, string | undefined> = {}): Record<string, string> {
  const env: Record<string, string | undefined> = { ...process.env };
  scrubHallwayVariables(env);
  env[NO_DOTENV_VARIABLE] = '1';
  Object.assign(env, overrides);
  return Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}
