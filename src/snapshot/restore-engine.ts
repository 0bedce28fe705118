// Engines read back from a snapshot, or built while keeping what a snapshot needs.
import { createEngine, type Engine, type EngineOptions } from '../engine/create-engine.ts';
import { buildEngineIndexes } from '../engine/engine-indexes.ts';
import type { MergeReport } from '../merge/merge-datasets.ts';
import { buildCatalog } from '../model/catalog.ts';
import type { Dataset } from '../model/schema.ts';
import { decodeSnapshot, encodeSnapshot } from './engine-snapshot.ts';

/** An engine built from its dataset, and the snapshot of it, encoded on demand. */
export interface SnapshotEngine {
  readonly engine: Engine;
  /** The snapshot file's bytes, keyed by `source` (what the dataset was built from). */
  snapshot(source: string): Uint8Array;
}

export type RestoredEngine =
  | { readonly ok: true; readonly engine: Engine; readonly dataset: Dataset; readonly merged: MergeReport }
  | { readonly ok: false; readonly stale: boolean; readonly reason: string };

/** Builds the engine as `createEngine` does, keeping its indexes so that they can be written down. */
export function buildSnapshotEngine(
  dataset: Dataset,
  merged: MergeReport,
  options: Omit<EngineOptions, 'indexes'> = {},
): SnapshotEngine {
  const indexes = buildEngineIndexes(buildCatalog(dataset));
  return {
    engine: createEngine(dataset, { ...options, indexes }),
    snapshot: (source) => encodeSnapshot(source, { dataset, merged, indexes }),
  };
}

/**
 * The engine a snapshot file holds, when it was built from `source` by this format; otherwise why not, in one line.
 * It answers exactly as `createEngine` over the same dataset would.
 */
export function restoreEngine(
  file: Uint8Array,
  source: string,
  options: Omit<EngineOptions, 'indexes'> = {},
): RestoredEngine {
  const decoded = decodeSnapshot(file, source);
  if (!decoded.ok) return decoded;
  const { dataset, merged, indexes } = decoded.content;
  try {
    return { ok: true, engine: createEngine(dataset, { ...options, indexes }), dataset, merged };
  } catch (error) {
    // Counts that disagree with the dataset: the file is damaged in a way its checksum could not see.
    return {
      ok: false,
      stale: false,
      reason: `its indexes do not fit its dataset: ${(error as Error).message}`,
    };
  }
}
