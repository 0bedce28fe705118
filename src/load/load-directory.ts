// Reads the directory layout: `conference.json` plus one optional array file per record collection.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import {
  ConferenceSchema,
  DatasetSchema,
  RECORD_COLLECTIONS,
  type RecordCollection,
  RecordSchemas,
} from '../model/schema.ts';
import { removeInvisibleDeep } from '../text/invisible.ts';
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
  const raw: Record<string, unknown> = {
    conference: readValidated(conferencePath, ConferenceSchema, problems),
  };
  const files: Record<string, string> = { conference: conferencePath };
  for (const collection of RECORD_COLLECTIONS) {
    const file = join(dir, collectionFile(collection));
    files[collection] = file;
    const schema: z.ZodType<unknown> = RecordSchemas[collection].array();
    raw[collection] = existsSync(file) ? readValidated(file, schema, problems) : [];
  }
  if (problems.length > 0) return { ok: false, problems };
  const dataset = DatasetSchema.parse(raw);
  return crossChecked(dataset, (issue) => ({
    file: files[issue.collection] ?? dir,
    path: locateIssue(issue, dataset, ''),
    message: issue.message,
  }));
}

/** Parses one JSON file against a schema, appending every problem; undefined when it is unusable. */
function readValidated<T>(file: string, schema: z.ZodType<T>, problems: Problem[]): T | undefined {
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
  const result = schema.safeParse(removeInvisibleDeep(parsed.value));
  if (result.success) return result.data;
  problems.push(...schemaProblems(result.error, parsed.value, file));
  return undefined;
}
