// Access to ../shared (third-party datasets and the eval questions), which a new user's clone does not have.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SHARED_DIR = fileURLToPath(new URL('../../../shared', import.meta.url));
export const HAS_SHARED = existsSync(SHARED_DIR);

/** Path of a file under ../shared. */
export function sharedPath(relative: string): string {
  return `${SHARED_DIR}/${relative}`;
}

/** Says once, on stderr, why a test is skipped; vitest also lists it as skipped. */
export function noteSkippedWithoutShared(what: string): void {
  if (!HAS_SHARED) process.stderr.write(`skipping ${what}: ../shared is not beside the project\n`);
}
