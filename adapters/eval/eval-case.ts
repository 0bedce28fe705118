// The eval corpus on disk: one JSONL file of questions per dataset, datasets.json and floors.json, parsed with zod.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { PROJECT_ROOT } from '../shared/paths.ts';

/** Where the corpus is: one JSONL file per dataset, datasets.json and floors.json. */
export const CORPUS_DIR = join(PROJECT_ROOT, 'test', 'eval');
/** Where the third-party schedules are: ../shared/datasets beside the project, absent in a fresh clone. */
export const SHARED_DATASETS_DIR = join(PROJECT_ROOT, '..', 'shared', 'datasets');

/** The kinds of question the corpus covers; accuracy is reported per kind. */
export const EVAL_KINDS = [
  'who-spoke-on-topic',
  'person',
  'organisation-activity',
  'where',
  'when',
  'track-room-contents',
  'schedule',
  'now-next',
  'first-last',
  'list',
  'vendor',
  'summary',
  'follow-up',
  'no-answer',
] as const;

/** How a question is written; accuracy is reported per style. */
export const EVAL_STYLES = [
  'terse',
  'chatty',
  'typo',
  'filler',
  'thanks',
  'slack-leftover',
  'entity-first',
  'plain',
] as const;

export const EVAL_SPLITS = ['dev', 'heldout'] as const;
export type EvalSplit = (typeof EVAL_SPLITS)[number];

const Strings = z.array(z.string().trim().min(1)).min(1);

const ExpectSchema = z.strictObject({
  answered: z.boolean(),
  mentions: Strings.optional(),
  anyOf: Strings.optional(),
  first: z.string().trim().min(1).optional(),
  absent: Strings.optional(),
});

export const EvalCaseSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be a kebab-case id'),
  q: z.string().trim().min(1),
  kind: z.enum(EVAL_KINDS),
  style: z.enum(EVAL_STYLES),
  split: z.enum(EVAL_SPLITS),
  now: z.iso.datetime({ offset: true }).optional(),
  after: z.string().trim().min(1).optional(),
  expect: ExpectSchema,
});

/** One question of the corpus with what a right answer must (and must not) contain. */
export type EvalCase = z.infer<typeof EvalCaseSchema>;
export type EvalExpect = z.infer<typeof ExpectSchema>;

const DatasetEntrySchema = z.strictObject({
  /** The corpus file is `<name>.jsonl` beside datasets.json. */
  name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  /** "default" for the embedded data, else paths relative to ../shared/datasets, merged in order. */
  sources: z.array(z.string().min(1)).min(1),
  /** The conference's zone when the file does not carry one. */
  timeZone: z.string().optional(),
  /** The clock for questions without their own `now`, so no answer depends on the day the eval runs. */
  now: z.iso.datetime({ offset: true }),
});

export type EvalDatasetEntry = z.infer<typeof DatasetEntrySchema>;

const DatasetsFileSchema = z.strictObject({ datasets: z.array(DatasetEntrySchema).min(1) });

const FloorsSchema = z.strictObject({
  overall: z.number().min(0).max(1),
  heldout: z.number().min(0).max(1),
  datasets: z.record(z.string(), z.number().min(0).max(1)),
});

/** Accuracy floors (0–1): below any of them, `npm run eval` exits 1. */
export type EvalFloors = z.infer<typeof FloorsSchema>;

/** The whole corpus as read from a directory, or the problems found, each naming file and line. */
export type CorpusResult =
  | {
      readonly ok: true;
      readonly datasets: readonly EvalDatasetEntry[];
      readonly cases: ReadonlyMap<string, readonly EvalCase[]>;
      readonly floors: EvalFloors;
    }
  | { readonly ok: false; readonly problems: readonly string[] };

/** Reads datasets.json, floors.json and every dataset's JSONL file from `dir`. */
export function readCorpus(dir: string): CorpusResult {
  const problems: string[] = [];
  const datasets = readJson(join(dir, 'datasets.json'), DatasetsFileSchema, problems)?.datasets ?? [];
  const floors = readJson(join(dir, 'floors.json'), FloorsSchema, problems);
  const cases = new Map<string, EvalCase[]>();
  const ids = new Set<string>();
  for (const entry of datasets) {
    const file = join(dir, `${entry.name}.jsonl`);
    const list: EvalCase[] = [];
    if (!existsSync(file)) problems.push(`${file}: missing (datasets.json names "${entry.name}")`);
    else {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, index) => {
          if (line.trim() === '') return;
          const where = `${file}:${index + 1}`;
          const parsed = parseText(line, EvalCaseSchema, where, problems);
          if (parsed === undefined) return;
          if (ids.has(parsed.id)) problems.push(`${where}: duplicate id "${parsed.id}"`);
          ids.add(parsed.id);
          list.push(parsed);
        });
    }
    cases.set(entry.name, list);
  }
  if (problems.length > 0 || floors === undefined) return { ok: false, problems };
  return { ok: true, datasets, cases, floors };
}

/** Parses one JSON text with `schema`; each problem is pushed, prefixed with `where` (a file, or file:line). */
function parseText<T>(text: string, schema: z.ZodType<T>, where: string, problems: string[]): T | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    problems.push(`${where}: not JSON (${(error as Error).message})`);
    return undefined;
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      problems.push(`${where}: ${issue.path.join('.')}: ${issue.message}`);
    return undefined;
  }
  return parsed.data;
}

function readJson<T>(file: string, schema: z.ZodType<T>, problems: string[]): T | undefined {
  if (existsSync(file)) return parseText(readFileSync(file, 'utf8'), schema, file, problems);
  problems.push(`${file}: missing`);
  return undefined;
}
