// Loads the datasets an adapter was pointed at and builds the engine over them, or says what is wrong.
import {
  combineDatasets,
  createEngine,
  type Dataset,
  type Engine,
  loadDataset,
  type Problem,
} from '../../src/index.ts';
import { DEFAULT_DATASET } from './paths.ts';

export type OpenResult = { ok: true; engine: Engine; dataset: Dataset } | { ok: false; problems: Problem[] };

export interface OpenOptions {
  /** Dataset paths; the embedded default when empty. */
  readonly paths: readonly string[];
  readonly clock?: () => number;
}

/** Loads every dataset (reporting all of their problems together) and builds one engine. */
export function openEngine(options: OpenOptions): OpenResult {
  const paths = options.paths.length > 0 ? options.paths : [DEFAULT_DATASET];
  const datasets: Dataset[] = [];
  const problems: Problem[] = [];
  for (const path of paths) {
    const loaded = loadDataset(path);
    if (loaded.ok) datasets.push(loaded.dataset);
    else problems.push(...loaded.problems);
  }
  if (problems.length > 0) return { ok: false, problems };
  const dataset = combineDatasets(datasets);
  const engine = createEngine(dataset, options.clock === undefined ? {} : { clock: options.clock });
  return { ok: true, engine, dataset };
}
