// Loads one eval dataset the way `--data` does: each source file detected and imported, several merged in order.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type Dataset, formatProblem, loadDataset, mergeDatasets } from '../../src/index.ts';
import { DEFAULT_DATASET } from '../shared/paths.ts';
import type { EvalDatasetEntry } from './eval-case.ts';

/** The word in datasets.json that stands for the embedded default data. */
export const DEFAULT_SOURCE = 'default';

export type OpenedEvalDataset =
  | { readonly kind: 'loaded'; readonly dataset: Dataset }
  | { readonly kind: 'skipped'; readonly reason: string }
  | { readonly kind: 'failed'; readonly problems: readonly string[] };

/** Opens `entry`'s sources; one under a missing `sharedDatasetsDir` is a skip (a fresh clone has no ../shared). */
export function openEvalDataset(entry: EvalDatasetEntry, sharedDatasetsDir: string): OpenedEvalDataset {
  const datasets: Dataset[] = [];
  for (const source of entry.sources) {
    const path = source === DEFAULT_SOURCE ? DEFAULT_DATASET : join(sharedDatasetsDir, source);
    if (source !== DEFAULT_SOURCE && !existsSync(sharedDatasetsDir)) {
      return { kind: 'skipped', reason: `${sharedDatasetsDir} is absent, so ${source} cannot be read` };
    }
    const loaded = loadDataset(path, entry.timeZone === undefined ? {} : { timeZone: entry.timeZone });
    if (!loaded.ok) return { kind: 'failed', problems: loaded.problems.map(formatProblem) };
    datasets.push(loaded.dataset);
  }
  const [only] = datasets;
  if (datasets.length === 1 && only !== undefined) return { kind: 'loaded', dataset: only };
  return { kind: 'loaded', dataset: mergeDatasets(datasets).dataset };
}
