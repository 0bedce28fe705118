// Reads a dataset from disk: a dataset directory, or one file in any supported format.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { loadDirectory } from './load-directory.ts';
import { type LoadTextOptions, loadDatasetText } from './load-text.ts';
import type { LoadResult } from './validate-dataset.ts';

export type { LoadResult } from './validate-dataset.ts';

/** Loads and validates the dataset at `path`: a directory, or a file whose format is detected. */
export function loadDataset(path: string, options: LoadTextOptions = {}): LoadResult {
  if (!existsSync(path)) {
    return { ok: false, problems: [{ file: path, path: '', message: 'no such file or directory' }] };
  }
  if (statSync(path).isDirectory()) return loadDirectory(path);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return {
      ok: false,
      problems: [{ file: path, path: '', message: `cannot read: ${(error as Error).message}` }],
    };
  }
  const { format: _format, ...result } = loadDatasetText(text, path, options);
  return result as LoadResult;
}

/** A short label for a dataset path, for messages and stats. */
export function datasetLabel(path: string): string {
  return basename(path.replace(/[\\/]+$/, ''));
}
