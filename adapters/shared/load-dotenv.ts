// Loads `.env` from the working directory into process.env, unless HALLWAY_NO_DOTENV turns that off (tests do).
import { config } from 'dotenv';

/** The switch: set to 1 (or true) and the entry points ignore any `.env` file. */
export const NO_DOTENV_VARIABLE = 'HALLWAY_NO_DOTENV';

/** True when the environment asks the entry points not to read `.env`. */
export function dotenvDisabled(env: Readonly<Record<string, string | undefined>>): boolean {
  const value = env[NO_DOTENV_VARIABLE]?.trim().toLowerCase();
  return value === '1' || value === 'true' || value === 'yes';
}

/**
 * Reads `.env` unless HALLWAY_NO_DOTENV is set. Variables already in the environment win over the file, as
 * dotenv does by default, so an operator's `-e` or a test's explicit value is never overridden.
 */
export function loadDotenvUnlessDisabled(): void {
  if (dotenvDisabled(process.env)) return;
  config({ quiet: true });
}
