// `hallway check SOURCE… [--time-zone ZONE]`: reads schedules as the bot would and says whether they were read right.
import { readFileSync, statSync } from 'node:fs';
import {
  coverageOf,
  coverageSentence,
  createEngine,
  type Dataset,
  datasetStats,
  formatProblem,
  type LabelledDataset,
  type LoadResult,
  loadDataset,
  loadDatasetText,
  mergeDatasets,
  mergeRefusal,
  type Problem,
  redactUrl,
  scheduleWarnings,
} from '../../../src/index.ts';
import { fetchSource } from '../../sources/fetch-source.ts';
import { DEFAULT_MAX_FEED_BYTES } from '../../sources/live-data.ts';
import type { CommandIo } from '../command-io.ts';
import { EXIT_INVALID_DATA, EXIT_USAGE } from '../open-selected-data.ts';
import { sampleQuestions } from './check-samples.ts';
import { describeWarning } from './check-warnings.ts';

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Exit code when the sources load but something looks wrong. */
export const EXIT_WARNINGS = 3;
const FETCH_TIMEOUT_MS = 10_000;
/** Lines of each sample answer shown: enough to judge it by. */
const SAMPLE_LINES = 4;

export interface CheckOptions {
  readonly dataPaths: readonly string[];
  readonly timeZone?: string;
}

type Read = { label: string; format: string; result: LoadResult };

/** Exit codes: 0 clean, 1 errors, 2 usage (no source, or a zone needed), 3 warnings only. */
export async function checkCommand(options: CheckOptions, io: CommandIo): Promise<number> {
  if (options.dataPaths.length === 0) {
    io.stderr.write('check needs at least one SOURCE: a file, a dataset directory or an http(s) URL\n');
    return EXIT_USAGE;
  }
  const zone = options.timeZone === undefined ? {} : { timeZone: options.timeZone };
  const reads: Read[] = [];
  for (const source of options.dataPaths) reads.push(await readSource(source, zone));
  const problems: Problem[] = [];
  const loaded: LabelledDataset[] = [];
  for (const { label, format, result } of reads) {
    if (!result.ok) {
      io.stdout.write(`${label}: ${format}, could not be read\n`);
      problems.push(...result.problems);
      continue;
    }
    const stats = datasetStats(result.dataset);
    io.stdout.write(
      `${label}: ${format}, ${[
        count(stats.sessions, 'session'),
        count(stats.people, 'person', 'people'),
        count(stats.organizations, 'organization'),
        count(stats.rooms, 'room'),
        count(stats.tracks, 'track'),
      ].join(', ')}\n`,
    );
    loaded.push({ label, dataset: result.dataset });
  }
  if (problems.length > 0) {
    io.stdout.write(`\nErrors:\n${problems.map((problem) => `  ${formatProblem(problem)}`).join('\n')}\n`);
    return problems.some((problem) => problem.code === 'time-zone-required') ? EXIT_USAGE : EXIT_INVALID_DATA;
  }
  const refusal = mergeRefusal(loaded);
  if (refusal !== undefined) {
    io.stdout.write(`\nErrors:\n  ${refusal}\n`);
    return EXIT_INVALID_DATA;
  }
  const dataset = mergeDatasets(loaded.map((source) => source.dataset)).dataset;
  report(dataset, options, io);
  const warnings = scheduleWarnings(dataset, { zoneGiven: options.timeZone !== undefined });
  io.stdout.write(
    warnings.length === 0
      ? '\nNo warnings.\n'
      : `\nWarnings:\n${warnings.map((warning) => `  - ${describeWarning(warning)}`).join('\n')}\n`,
  );
  const engine = createEngine(dataset);
  io.stdout.write('\nSample answers:\n');
  for (const question of sampleQuestions(dataset)) {
    const lines = engine
      .ask(question)
      .text.split('\n')
      .filter((line) => line.trim().length > 0);
    const text = lines.slice(0, SAMPLE_LINES).join('\n    ');
    io.stdout.write(`  > ${question}\n    ${text}\n`);
  }
  return warnings.length === 0 ? 0 : EXIT_WARNINGS;
}

function report(dataset: Dataset, options: CheckOptions, io: CommandIo): void {
  const { conference } = dataset;
  const coverage = coverageOf(dataset);
  const zoneFrom = options.timeZone === undefined ? 'from the source' : 'from --time-zone';
  io.stdout.write(
    `${[
      '',
      `${conference.name}: ${conference.startDate} to ${conference.endDate}, times in ${conference.timeZone} (${zoneFrom})`,
      coverageSentence(conference, coverage),
      ...coverage.days.map(
        (day) => `  ${day.date}  ${day.from}–${day.to}  ${count(day.sessions, 'session')}`,
      ),
      ...(coverage.untimed > 0 ? [`  ${count(coverage.untimed, 'session')} without a time`] : []),
    ].join('\n')}\n`,
  );
}

/** Reads one source the way the bot does, noting the format it was detected as. */
async function readSource(source: string, zone: { timeZone?: string }): Promise<Read> {
  // A private feed's key stays out of what is printed.
  const label = redactUrl(source);
  if (/^https?:\/\//i.test(source)) {
    const fetched = await fetchSource(source, {
      timeoutMs: FETCH_TIMEOUT_MS,
      maxBytes: DEFAULT_MAX_FEED_BYTES,
      now: Date.now,
    });
    if (fetched.kind !== 'fresh') {
      const message = fetched.kind === 'failed' ? fetched.reason : 'the server sent no content';
      return {
        label,
        format: 'unknown',
        result: { ok: false, problems: [{ file: source, path: '', message }] },
      };
    }
    const { format, ...result } = loadDatasetText(fetched.copy.text, source, zone);
    return { label, format: format ?? 'unknown', result: result as LoadResult };
  }
  let isDirectory = false;
  try {
    isDirectory = statSync(source).isDirectory();
  } catch {
    // loadDataset names a missing path itself.
  }
  if (isDirectory) return { label, format: 'hallway dataset directory', result: loadDataset(source) };
  let text: string;
  try {
    text = readFileSync(source, 'utf8');
  } catch (error) {
    const message =
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'no such file or directory'
        : `cannot read: ${(error as Error).message}`;
    return {
      label,
      format: 'unknown',
      result: { ok: false, problems: [{ file: source, path: '', message }] },
    };
  }
  const { format, ...result } = loadDatasetText(text, source, zone);
  return { label, format: format ?? 'unknown', result: result as LoadResult };
}
