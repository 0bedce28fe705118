// `npm run eval`: asks the paraphrase corpus in test/eval, prints accuracy, exits 1 below a floor in floors.json.
import { parseArgs } from 'node:util';
import { CORPUS_DIR, EVAL_SPLITS, type EvalSplit, readCorpus, SHARED_DATASETS_DIR } from './eval-case.ts';
import { formatFailures, formatSummary } from './print-eval.ts';
import { runEval } from './run-eval.ts';
import { summarizeEval } from './summarize-eval.ts';

const USAGE = `Usage: npm run eval -- [--failures] [--json] [--split dev|heldout] [--dataset NAME]
  --failures        also list every failed question, what it expected, and the start of the answer
  --json            print one summary object instead of the tables
  --split S         only the dev or the heldout questions
  --dataset NAME    only one dataset of test/eval/datasets.json
Exit codes: 0 every floor met, 1 below a floor (or a dataset or corpus file is broken), 2 wrong usage.`;

function main(argv: readonly string[]): number {
  let values: ReturnType<typeof parse>['values'];
  try {
    values = parse(argv).values;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const split = values.split;
  if (split !== undefined && !isSplit(split)) {
    process.stderr.write(`--split must be dev or heldout, not "${split}"\n${USAGE}\n`);
    return 2;
  }
  const corpus = readCorpus(CORPUS_DIR);
  if (!corpus.ok) {
    process.stderr.write(`The eval corpus is broken:\n${corpus.problems.map((p) => `  ${p}`).join('\n')}\n`);
    return 1;
  }
  const dataset = values.dataset;
  if (dataset !== undefined && !corpus.datasets.some((d) => d.name === dataset)) {
    const names = corpus.datasets.map((d) => d.name).join(', ');
    process.stderr.write(`--dataset must be one of ${names}, not "${dataset}"\n`);
    return 2;
  }
  const filter = { ...(split === undefined ? {} : { split }), ...(dataset === undefined ? {} : { dataset }) };
  const run = runEval({ ...corpus, sharedDatasetsDir: SHARED_DATASETS_DIR, filter });
  const summary = summarizeEval(run, corpus.floors, filter);
  if (values.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
  else {
    process.stdout.write(formatSummary(summary));
    if (values.failures) process.stdout.write(`\n${formatFailures(run.outcomes)}`);
  }
  return summary.belowFloors.length === 0 ? 0 : 1;
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    options: {
      failures: { type: 'boolean' },
      json: { type: 'boolean' },
      split: { type: 'string' },
      dataset: { type: 'string' },
    },
  });
}

function isSplit(value: string): value is EvalSplit {
  return (EVAL_SPLITS as readonly string[]).includes(value);
}

process.exitCode = main(process.argv.slice(2));
