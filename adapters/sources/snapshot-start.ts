// The sources' state as LiveData holds it, and the engine over them: read back from the index snapshot when it was
// built from the same content, else built (and saved) from the merged datasets.
import {
  buildSnapshotEngine,
  createEngine,
  type Dataset,
  type Engine,
  type EngineOptions,
  type MergeReport,
  mergeDatasets,
} from '../../src/index.ts';
import type { SnapshotFile } from './snapshot-file.ts';
import { pathContentHash, type SourceContent, snapshotKey } from './snapshot-key.ts';
import { type SourceSpec, specLabel } from './source-spec.ts';
import type { UrlSource } from './url-source.ts';

/** The zone a source without its own is read in (LiveData's option). */
export interface ZoneDefault {
  readonly timeZone?: string;
}

/**
 * A path's dataset is absent when the engine came from a snapshot (nothing was parsed) or the file never loaded;
 * `contentHash` is of the bytes read just before it was parsed.
 */
export type SourceState =
  | {
      readonly spec: Extract<SourceSpec, { kind: 'path' }>;
      dataset?: Dataset;
      contentHash?: string | undefined;
    }
  | { readonly spec: Extract<SourceSpec, { kind: 'url' }>; readonly url: UrlSource };

/** The engine a LiveData starts with, and the merged dataset behind it. */
export interface Start {
  readonly engine: Engine;
  readonly dataset: Dataset;
  readonly merged: MergeReport;
}

/**
 * The engine over the loaded sources: read back from the snapshot when it was built from the same content (a
 * reload of unchanged files, a URL whose copy is the one indexed before), else built and saved. A file that
 * changed while it was read is not saved: its bytes and its dataset may differ, so the next start rebuilds.
 */
export function startFrom(
  states: readonly SourceState[],
  context: {
    readonly engineOptions: EngineOptions;
    readonly snapshots: SnapshotFile | undefined;
    readonly options: ZoneDefault;
    /** A key already looked up in vain: not read a second time. */
    readonly triedKey?: string;
  },
): Start {
  const { engineOptions, snapshots, options } = context;
  const key = snapshots === undefined ? undefined : keyOf(states, options);
  const restored =
    key === undefined || key === context.triedKey ? undefined : snapshots?.restore(key, engineOptions);
  if (restored !== undefined) return restored;
  const { dataset, merged } = mergeDatasets(states.flatMap((state) => datasetOf(state) ?? []));
  if (snapshots === undefined || key === undefined)
    return { engine: createEngine(dataset, engineOptions), dataset, merged };
  const built = buildSnapshotEngine(dataset, merged, engineOptions);
  if (keyOf(states, options, { reread: true }) === key) snapshots.write(built.snapshot(key));
  return { engine: built.engine, dataset, merged };
}

/**
 * The snapshot key of the sources: every file, and each URL that has data (one without is left out of the merge).
 * Undefined when a file's content is unknown (it could not be read to hash): no snapshot may stand in for it.
 * `reread` hashes the files again, to see that none changed since it was parsed.
 */
export function keyOf(
  states: readonly SourceState[],
  options: ZoneDefault,
  { reread = false } = {},
): string | undefined {
  const contents: SourceContent[] = [];
  for (const state of states) {
    if ('url' in state && state.url.dataset === undefined) continue;
    const contentHash =
      'url' in state ? state.url.contentHash : reread ? pathContentHash(state.spec.path) : state.contentHash;
    if (contentHash === undefined) return undefined;
    contents.push({ label: specLabel(state.spec), contentHash, ...zone(state.spec, options) });
  }
  return snapshotKey(contents);
}

export function datasetOf(state: SourceState): Dataset | undefined {
  return 'url' in state ? state.url.dataset : state.dataset;
}

export function zone(spec: SourceSpec, options: ZoneDefault): { timeZone?: string } {
  const timeZone = spec.timeZone ?? options.timeZone;
  return timeZone === undefined ? {} : { timeZone };
}
