// Reads a dataset from disk (a directory with one file per record type, or one JSON file) and validates it.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
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
import { parseJson } from './parse-json.ts';
import { formatPath, type Problem } from './problem.ts';

export type LoadResult = { ok: true; dataset: Dataset } | { ok: false; problems: Problem[] };

/** The directory layout: `conference.json` plus one optional array file per record collection. */
export const CONFERENCE_FILE = 'conference.json';
export const collectionFile = (collection: RecordCollection): string => `${collection}.json`;

/** Loads and validates the dataset at `path`, a dataset directory or a single dataset JSON file. */
export function loadDataset(path: string): LoadResult {
  if (!existsSync(path)) {
    return { ok: false, problems: [{ file: path, path: '', message: 'no such file or directory' }] };
  }
  return statSync(path).isDirectory() ? loadDirectory(path) : loadSingleFile(path);
}

function loadDirectory(dir: string): LoadResult {
  const problems: Problem[] = [];
  const conferencePath = join(dir, CONFERENCE_FILE);
  if (!existsSync(conferencePath)) {
    return {
      ok: false,
      problems: [{ file: dir, path: '', message: `not a dataset directory: ${CONFERENCE_FILE} is missing` }],
    };
  }
  const conference = readValidated(conferencePath, ConferenceSchema, problems);
  const raw: Record<string, unknown> = { conference };
  const files: Record<string, string> = { conference: conferencePath };
  for (const collection of RECORD_COLLECTIONS) {
    const file = join(dir, collectionFile(collection));
    files[collection] = file;
    const schema: z.ZodType<unknown> = RecordSchemas[collection].array();
    raw[collection] = existsSync(file) ? readValidated(file, schema, problems) : [];
  }
  if (problems.length > 0) return { ok: false, problems };
  const dataset = DatasetSchema.parse(raw);
  return finish(dataset, (issue) => ({
    file: files[issue.collection] ?? dir,
    path: locate(issue, dataset, ''),
    message: issue.message,
  }));
}

function loadSingleFile(file: string): LoadResult {
  const problems: Problem[] = [];
  const dataset = readValidated(file, DatasetSchema, problems);
  if (dataset === undefined) return { ok: false, problems };
  return finish(dataset, (issue) => ({
    file,
    path: locate(issue, dataset, issue.collection),
    message: issue.message,
  }));
}

/** Parses a JSON file against a schema, appending every problem; returns undefined when it is unusable. */
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
  const result = schema.safeParse(parsed.value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    problems.push({ file, path: formatPath(issue.path), message: describeIssue(issue, parsed.value) });
  }
  return undefined;
}

function describeIssue(issue: z.core.$ZodIssue, root: unknown): string {
  const missing = issue.code === 'invalid_type' && valueAt(root, issue.path) === undefined;
  const message = missing
    ? `is required (${issue.message.replace(/^Invalid input: /, '').replace(/, received undefined$/, '')})`
    : issue.message;
  const id = recordIdAt(root, issue.path);
  return id === undefined ? message : `${message} (in record "${id}")`;
}

function valueAt(root: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let value: unknown = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** The id of the record an issue sits in, so a message names the record and not just its index. */
function recordIdAt(root: unknown, path: ReadonlyArray<PropertyKey>): string | undefined {
  const recordPathEnd = path.findIndex((key) => typeof key === 'number');
  if (recordPathEnd < 0 || recordPathEnd === path.length - 1) return undefined;
  const record = valueAt(root, path.slice(0, recordPathEnd + 1));
  const id = record !== null && typeof record === 'object' ? (record as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : undefined;
}

function locate(issue: CrossCheckIssue, dataset: Dataset, prefix: string): string {
  if (issue.collection === 'conference') return prefix.length > 0 ? `conference.${issue.field}` : issue.field;
  const record = issue.index === undefined ? undefined : dataset[issue.collection][issue.index];
  const where = `${prefix}[${issue.index ?? '?'}].${issue.field}`;
  return record === undefined ? where : `${where} (record "${record.id}")`;
}

function finish(dataset: Dataset, toProblem: (issue: CrossCheckIssue) => Problem): LoadResult {
  const issues = crossCheck(dataset);
  return issues.length === 0 ? { ok: true, dataset } : { ok: false, problems: issues.map(toProblem) };
}

/** A short label for a dataset path, for messages and stats. */
export function datasetLabel(path: string): string {
  return basename(path.replace(/[\\/]+$/, ''));
}
