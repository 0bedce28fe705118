// Where the project's own files are, whether running from source (tsx) or from the bundle in dist/.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The nearest folder above this file whose package.json is Hallway's. */
function findProjectRoot(start: string): string {
  let dir = start;
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (
      existsSync(manifest) &&
      (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'hallway'
    ) {
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) return start;
    dir = parent;
  }
}

/** The repository root. */
export const PROJECT_ROOT = findProjectRoot(dirname(fileURLToPath(import.meta.url)));

/** The embedded default dataset: KubeCon + CloudNativeCon Europe 2026. */
export const DEFAULT_DATASET = join(PROJECT_ROOT, 'data', 'kubecon-eu-2026');

/** Where fetched sources and change reports are cached, unless configured otherwise. */
export const DEFAULT_CACHE_DIR = join(PROJECT_ROOT, 'var', 'cache');
