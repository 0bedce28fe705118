// Validation shared by every loader: the zod schema, then cross-references, as problems naming file and field.
import type { z } from 'zod';
import { type CrossCheckIssue, crossCheck } from '../model/cross-check.ts';
import { type Dataset, DatasetSchema } from '../model/schema.ts';
import { lenientDataset } from './lenient-dataset.ts';
import { formatPath, type Problem } from './problem.ts';

export type LoadResult = { ok: true; dataset: Dataset } | { ok: false; problems: Problem[] };

/** Validates any parsed value as a whole dataset held in one file (`file` names it in problems). */
export function validateDataset(value: unknown, file: string): LoadResult {
  const parsed = DatasetSchema.safeParse(value);
  if (!parsed.success) {
    // The reference and date problems too, so one run lists everything to fix.
    const salvaged = lenientDataset(value);
    const later = crossCheck(salvaged).map((issue) => ({
      file,
      path: locateIssue(issue, salvaged, issue.collection),
      message: issue.message,
    }));
    return { ok: false, problems: [...schemaProblems(parsed.error, value, file), ...later] };
  }
  return crossChecked(parsed.data, (issue) => ({
    file,
    path: locateIssue(issue, parsed.data, issue.collection),
    message: issue.message,
  }));
}

/** Runs the cross-reference checks and maps each issue to a problem. */
export function crossChecked(dataset: Dataset, toProblem: (issue: CrossCheckIssue) => Problem): LoadResult {
  const issues = crossCheck(dataset);
  return issues.length === 0 ? { ok: true, dataset } : { ok: false, problems: issues.map(toProblem) };
}

/** zod issues as problems; a missing field reads "is required", and the record's id is named. */
export function schemaProblems(error: z.ZodError, root: unknown, file: string): Problem[] {
  return error.issues.map((issue) => ({
    file,
    path: formatPath(issue.path),
    message: describeIssue(issue, root),
  }));
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

/** `sessions[3].speakers[1] (record "x")`; `prefix` is the collection name in single-file datasets. */
export function locateIssue(issue: CrossCheckIssue, dataset: Dataset, prefix: string): string {
  if (issue.collection === 'conference') return prefix.length > 0 ? `conference.${issue.field}` : issue.field;
  const record = issue.index === undefined ? undefined : dataset[issue.collection][issue.index];
  const where = `${prefix}[${issue.index ?? '?'}].${issue.field}`;
  return record === undefined ? where : `${where} (record "${record.id}")`;
}
