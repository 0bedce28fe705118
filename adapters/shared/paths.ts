// Where the project's own files are, independent of the directory a command is started from.
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The embedded default dataset: KubeCon + CloudNativeCon Europe 2026. */
export const DEFAULT_DATASET = fileURLToPath(new URL('../../data/kubecon-eu-2026', import.meta.url));
