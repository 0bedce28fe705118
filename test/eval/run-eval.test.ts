// The eval runner's edges: a missing ../shared skips its datasets, a broken source fails, floors fit the run.
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import type { EvalCase, EvalDatasetEntry } from '../../adapters/eval/eval-case.ts';
import { runEval } from '../../adapters/eval/run-eval.ts';
import { summarizeEval } from '../../adapters/eval/summarize-eval.ts';

const NOW = '2026-03-26T12:00:00+01:00';

function question(id: string, split: EvalCase['split']): EvalCase {
  return { id, q: 'Who is Chad Beaudin?', kind: 'person', style: 'plain', split, expect: { answered: true } };
}

const defaultEntry: EvalDatasetEntry = { name: 'default-data', sources: ['default'], now: NOW };
const sharedEntry: EvalDatasetEntry = { name: 'shared-data', sources: ['fosdem/2026.xml'], now: NOW };
const cases = new Map([
  ['default-data', [question('d-1', 'dev'), question('d-2', 'heldout')]],
  ['shared-data', [question('s-1', 'dev')]],
]);

describe('runEval', () => {
  it('skips, with the reason, datasets under a ../shared that is absent', () => {
    const run = runEval({
      datasets: [defaultEntry, sharedEntry],
      cases,
      sharedDatasetsDir: '/no/such/shared',
    });
    expect(run.skipped).toEqual([
      { dataset: 'shared-data', reason: expect.stringContaining('/no/such/shared') },
    ]);
    expect(run.outcomes.map((o) => o.evalCase.id)).toEqual(['d-1', 'd-2']);
  });

  it('reports a source that cannot be loaded, naming the file, as a failure', () => {
    const run = runEval({ datasets: [sharedEntry], cases, sharedDatasetsDir: tmpdir() });
    expect(run.failed).toEqual([
      { dataset: 'shared-data', problems: [expect.stringContaining('2026.xml: no such file')] },
    ]);
    expect(summarizeEval(run, { overall: 0, heldout: 0, datasets: {} }).belowFloors).toEqual([
      'shared-data: could not be loaded',
    ]);
  });

  it('asks only the split and dataset it is given', () => {
    const filter = { split: 'heldout', dataset: 'default-data' } as const;
    const run = runEval({
      datasets: [defaultEntry, sharedEntry],
      cases,
      sharedDatasetsDir: tmpdir(),
      filter,
    });
    expect(run.outcomes.map((o) => o.evalCase.id)).toEqual(['d-2']);
  });
});

describe('summarizeEval floors', () => {
  const run = runEval({ datasets: [defaultEntry, sharedEntry], cases, sharedDatasetsDir: '/no/such/shared' });
  const missed = {
    ...run,
    outcomes: run.outcomes.map((o) => ({ ...o, misses: [{ kind: 'answered', expected: true } as const] })),
  };

  it('checks a dataset floor, but not overall or heldout ones when a dataset was skipped', () => {
    const floors = { overall: 0.9, heldout: 0.9, datasets: { 'default-data': 0.5 } };
    expect(summarizeEval(missed, floors).belowFloors).toEqual(['default-data: 0.0% < floor 50.0%']);
  });

  it('checks overall and heldout floors when every dataset ran', () => {
    const complete = { ...missed, skipped: [] };
    const floors = { overall: 0.9, heldout: 0.9, datasets: {} };
    expect(summarizeEval(complete, floors).belowFloors).toEqual([
      'overall: 0.0% < floor 90.0%',
      'heldout: 0.0% < floor 90.0%',
    ]);
  });

  it('leaves out dataset floors when only one split was asked', () => {
    const floors = { overall: 0.9, heldout: 0.9, datasets: { 'default-data': 0.5 } };
    expect(summarizeEval({ ...missed, skipped: [] }, floors, { split: 'dev' }).belowFloors).toEqual([]);
  });
});
