// The parts of an engine that are costly to build from a dataset, and cheap to keep: a snapshot stores them.
import type { Catalog } from '../model/catalog.ts';
import { buildNamePostings } from '../search/name-index.ts';
import type { Postings } from '../search/postings.ts';
import { buildTextIndexParts, type TextIndexParts } from '../search/text-index.ts';

/** Everything `createEngine` would otherwise compute from the dataset's text; one field per index. */
export interface EngineIndexes {
  readonly text: TextIndexParts;
  readonly names: Postings;
}

/** Analyses the catalog's records for both indexes. */
export function buildEngineIndexes(catalog: Catalog): EngineIndexes {
  return { text: buildTextIndexParts(catalog), names: buildNamePostings(catalog) };
}
