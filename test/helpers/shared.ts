// Access to ../shared (third-party datasets and the eval questions), which a new user's clone does not have.
// Tests needing it skip only there: when ../shared is present, or under CI, a test that cannot run fails instead.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';

export const SHARED_DIR = fileURLToPath(new URL('../../../shared', import.meta.url));
/** CI must never skip these tests unseen: there a missing ../shared is a failure. */
const IN_CI = process.env.CI === 'true' || process.env.CI === '1';

/** What to do with tests that need files under a shared folder. */
export type SharedVerdict =
  | { readonly kind: 'run' }
  | { readonly kind: 'skip' }
  | { readonly kind: 'fail'; readonly problem: string };

/**
 * Run when `dir` holds every path; skip only when `dir` is absent outside CI (a new user's clone); otherwise
 * fail, naming what is missing.
 */
export function sharedVerdict(dir: string, paths: readonly string[], ci: boolean): SharedVerdict {
  if (!existsSync(dir)) {
    return ci
      ? { kind: 'fail', problem: `CI is set but ${dir} is missing: the tests needing it must run in CI` }
      : { kind: 'skip' };
  }
  const missing = paths.filter((relative) => !existsSync(`${dir}/${relative}`));
  return missing.length === 0
    ? { kind: 'run' }
    : {
        kind: 'fail',
        problem: `${dir} is present but lacks ${missing.join(', ')}: these tests must not skip`,
      };
}

/** Whether the tests needing `paths` under ../shared can run here. */
export function canUseShared(paths: readonly string[]): boolean {
  return sharedVerdict(SHARED_DIR, paths, IN_CI).kind === 'run';
}

/** Path of a file under ../shared. */
export function sharedPath(relative: string): string {
  return `${SHARED_DIR}/${relative}`;
}

/**
 * `describe` for tests that need `paths` under ../shared. It runs them when the files are there; skips them, with
 * a note on stderr, on a clone without ../shared; and fails (one named test) when ../shared is present but the
 * files are not, or when CI is set and ../shared is missing.
 */
export function describeWithShared(name: string, paths: readonly string[], body: () => void): void {
  const verdict = sharedVerdict(SHARED_DIR, paths, IN_CI);
  switch (verdict.kind) {
    case 'run':
      describe(name, body);
      return;
    case 'skip':
      process.stderr.write(`skipping ${name}: ../shared is not beside the project\n`);
      describe.skip(name, body);
      return;
    case 'fail':
      describe(name, () => {
        it('has the ../shared files it needs', () => {
          throw new Error(verdict.problem);
        });
      });
      return;
    default:
      verdict satisfies never;
  }
}
