// The index snapshot file beside the source cache: read back at start, written after each build, never trusted blindly.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type EngineOptions, type RestoredEngine, restoreEngine } from '../../src/index.ts';
import type { Logger } from '../shared/logger.ts';
import type { SourceSpec } from './source-spec.ts';

/** The file's name in the cache folder. Deleting it is always safe: the next start rebuilds it. */
export const SNAPSHOT_FILE = 'index.snapshot';

/**
 * Where `hallway snapshot` leaves a prebuilt snapshot of files: beside the first one (`data/x` → `data/x.snapshot`),
 * so that it ships with the data, in an image for instance, and a replica with an empty cache starts from it.
 * Undefined when a source is a URL.
 */
export function besideDataPath(specs: readonly SourceSpec[]): string | undefined {
  const [first] = specs;
  if (first?.kind !== 'path' || specs.some((spec) => spec.kind !== 'path')) return undefined;
  return `${first.path.replace(/[\\/]+$/, '')}.snapshot`;
}

export type Restored = Extract<RestoredEngine, { ok: true }>;

export class SnapshotFile {
  constructor(
    readonly path: string,
    private readonly logger: Logger,
  ) {}

  static in(cacheDir: string, logger: Logger): SnapshotFile {
    return new SnapshotFile(join(cacheDir, SNAPSHOT_FILE), logger);
  }

  /** The engine the file holds for `key`; undefined when it is missing, and after one log line when it is stale or damaged. */
  restore(key: string, options: Omit<EngineOptions, 'indexes'>): Restored | undefined {
    let file: Buffer;
    try {
      file = readFileSync(this.path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
        this.logger.warn({ path: this.path, err: error }, 'index snapshot unreadable; rebuilding the index');
      return undefined;
    }
    const restored = restoreEngine(file, key, options);
    if (restored.ok) return restored;
    const line = `index snapshot ignored, ${restored.reason}; rebuilding the index`;
    if (restored.stale) this.logger.info({ path: this.path }, line);
    else this.logger.warn({ path: this.path }, line);
    return undefined;
  }

  /**
   * Writes under a name of its own, then renames over the file: replicas writing at once each replace it whole,
   * and a reader sees one complete snapshot or another, never a mixture. A failure (logged, and `false`) only costs
   * the next start time.
   */
  write(bytes: Uint8Array): boolean {
    const temporary = `${this.path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      mkdirSync(dirname(this.path), { recursive: true });
      writeFileSync(temporary, bytes);
      renameSync(temporary, this.path);
      return true;
    } catch (error) {
      try {
        rmSync(temporary, { force: true });
      } catch {
        // Nothing was written where nothing can be (the folder is a file, say): nothing to clean up.
      }
      this.logger.warn({ path: this.path, err: error }, 'could not save the index snapshot');
      return false;
    }
  }
}
