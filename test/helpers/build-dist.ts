// Vitest global setup for the integration tests: builds dist/ once, so each child process starts the bundle
// directly (`node dist/main.js`) instead of every `npm start` rebuilding it first.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Runs `npm run build`'s script once before any integration test; a failed build stops the run. */
export default function setup(): void {
  const result = spawnSync(process.execPath, ['adapters/build/bundle.mjs'], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    throw new Error(`building dist/ for the integration tests failed:\n${result.stderr}${result.stdout}`);
  }
}
