// The eval corpus: well formed, every expectation backed by the data, and the engine at or above its floors.
import { beforeAll, describe, expect, it } from 'vitest';
import { CORPUS_DIR, type EvalCase, readCorpus, SHARED_DATASETS_DIR } from '../../adapters/eval/eval-case.ts';
import { type EvalRun, runEval } from '../../adapters/eval/run-eval.ts';
import { fold } from '../../adapters/eval/score-case.ts';
import { summarizeEval } from '../../adapters/eval/summarize-eval.ts';
import { SHARED_DIR, sharedVerdict } from '../helpers/shared.ts';

const corpus = readCorpus(CORPUS_DIR);
if (!corpus.ok) throw new Error(`the eval corpus is broken:\n${corpus.problems.join('\n')}`);
const { datasets, cases, floors } = corpus;

/** Expected strings that the dataset never contains: an expectation nobody checked against the data. */
function unbacked(evalCase: EvalCase, data: string): string[] {
  const { mentions = [], anyOf = [], first } = evalCase.expect;
  const missing = [...mentions, ...(first === undefined ? [] : [first])].filter(
    (s) => !data.includes(fold(s)),
  );
  if (anyOf.length > 0 && !anyOf.some((s) => data.includes(fold(s))))
    missing.push(`one of ${anyOf.join(' | ')}`);
  return missing.map((s) => `${evalCase.id}: ${s}`);
}

describe('the eval corpus in test/eval', () => {
  const all = [...cases.values()].flat();

  it('holds at least 800 questions over five datasets, about 30% of each held out', () => {
    expect(all.length).toBeGreaterThanOrEqual(800);
    expect(datasets.length).toBeGreaterThanOrEqual(5);
    for (const [name, list] of cases) {
      const heldout = list.filter((c) => c.split === 'heldout').length / list.length;
      expect(heldout, name).toBeGreaterThan(0.25);
      expect(heldout, name).toBeLessThan(0.35);
    }
  });

  it('asks each question once per dataset and clock, and names its follow-ups as such', () => {
    for (const [name, list] of cases) {
      const keys = list.map((c) => `${c.q.toLowerCase()} @ ${c.now ?? ''} after ${c.after ?? ''}`);
      expect(new Set(keys).size, name).toBe(keys.length);
    }
    for (const c of all) expect(c.after !== undefined, c.id).toBe(c.kind === 'follow-up');
    for (const c of all) if (c.kind === 'no-answer') expect(c.expect.answered, c.id).toBe(false);
  });
});

describe('the engine on the eval corpus', () => {
  let run: EvalRun;
  const unbackedStrings: string[] = [];

  beforeAll(() => {
    run = runEval({
      datasets,
      cases,
      sharedDatasetsDir: SHARED_DATASETS_DIR,
      onLoaded(name, dataset) {
        const data = fold(JSON.stringify(dataset));
        for (const c of cases.get(name) ?? [])
          if (c.expect.answered) unbackedStrings.push(...unbacked(c, data));
      },
    });
  }, 120_000);

  it('loads every dataset, skipping only those under a missing ../shared', () => {
    expect(run.failed).toEqual([]);
    // Only a new user's clone without ../shared may skip datasets; with ../shared present, or in CI, none may.
    const ci = process.env.CI === 'true' || process.env.CI === '1';
    if (sharedVerdict(SHARED_DIR, [], ci).kind !== 'skip') expect(run.skipped).toEqual([]);
  });

  it('expects only names and titles that the data contains', () => {
    expect(unbackedStrings).toEqual([]);
  });

  it('meets every floor in floors.json', () => {
    const summary = summarizeEval(run, floors);
    expect(summary.belowFloors).toEqual([]);
  });
});
