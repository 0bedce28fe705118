// Where the project's own files are, independent of the directory a command is started from.
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The embedded default dataset: KubeCon + CloudNativeCon Europe 2026. */
export const DEFAULT_DATASET = fileURLToPath(new URL('../../data/kubecon-eu-2026', import.meta.url));

/** Where fetched sources and change reports are cached, unless configured otherwise. */
export const DEFAULT_CACHE_DIR = fileURLToPath(new URL('../../var/cache', import.meta.url));
