// Reads the directory layout: `conference.json` plus one optional array file per record collection.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { type CrossCheckIssue, crossCheck } from '../model/cross-check.ts';
import {
  ConferenceSchema,
  type Dataset,
  DatasetSchema,
  RECORD_COLLECTIONS,
  type RecordCollection,
  RecordSchemas,
} from '../model/schema.ts';
import { removeInvisibleDeep } from '../text/invisible.ts';
import { lenientDataset } from './lenient-dataset.ts';
import { parseJson } from './parse-json.ts';
import type { Problem } from './problem.ts';
import { crossChecked, type LoadResult, locateIssue, schemaProblems } from './validate-dataset.ts';

export const CONFERENCE_FILE = 'conference.json';
export const collectionFile = (collection: RecordCollection): string => `${collection}.json`;

export function loadDirectory(dir: string): LoadResult {
  const problems: Problem[] = [];
  const conferencePath = join(dir, CONFERENCE_FILE);
  if (!existsSync(conferencePath)) {
    return {
      ok: false,
      problems: [{ file: dir, path: '', message: `not a dataset directory: ${CONFERENCE_FILE} is missing` }],
    };
  }
  // What each file holds as parsed JSON, valid or not, for the reference checks below.
  const unchecked: Record<string, unknown> = {};
  const raw: Record<string, unknown> = {
    conference: readValidated(conferencePath, ConferenceSchema, problems, unchecked, 'conference'),
  };
  const files: Record<string, string> = { conference: conferencePath };
  for (const collection of RECORD_COLLECTIONS) {
    const file = join(dir, collectionFile(collection));
    files[collection] = file;
    const schema: z.ZodType<unknown> = RecordSchemas[collection].array();
    raw[collection] = existsSync(file) ? readValidated(file, schema, problems, unchecked, collection) : [];
  }
  const locate = (dataset: Dataset) => (issue: CrossCheckIssue) => ({
    file: files[issue.collection] ?? dir,
    path: locateIssue(issue, dataset, ''),
    message: issue.message,
  });
  if (problems.length > 0) {
    // Schema problems do not hide reference and date problems: one run lists everything to fix.
    const salvaged = lenientDataset(unchecked);
    return { ok: false, problems: [...problems, ...crossCheck(salvaged).map(locate(salvaged))] };
  }
  const dataset = DatasetSchema.parse(raw);
  return crossChecked(dataset, locate(dataset));
}

/** Parses one JSON file against a schema, appending every problem; undefined when it is unusable. */
function readValidated<T>(
  file: string,
  schema: z.ZodType<T>,
  problems: Problem[],
  unchecked: Record<string, unknown>,
  key: string,
): T | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    problems.push({ file, path: '', message: `cannot read: ${(error as Error).message}` });
    return undefined;
  }
  const parsed = parseJson(text, file);
  if (!parsed.ok) {
    problems.push(parsed.problem);
    return undefined;
  }
  // Curated files get the same cleaning as imported ones: no bidi or zero-width characters reach an answer.
  const clean = removeInvisibleDeep(parsed.value);
  unchecked[key] = clean;
  const result = schema.safeParse(clean);
  if (result.success) return result.data;
  problems.push(...schemaProblems(result.error, parsed.value, file));
  return undefined;
}
