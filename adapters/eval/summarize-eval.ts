// Accuracy of an eval run by kind, dataset, split and style, and the floors it falls below.
import type { EvalFloors } from './eval-case.ts';
import type { CaseOutcome, EvalRun } from './run-eval.ts';

/** Passed out of asked, and their ratio (0 when nothing was asked). */
export interface Tally {
  readonly passed: number;
  readonly total: number;
  readonly accuracy: number;
}

/** The figures `npm run eval` prints, and prints as one object with `--json`. */
export interface EvalSummary {
  readonly overall: Tally;
  readonly byKind: Readonly<Record<string, Tally>>;
  readonly byDataset: Readonly<Record<string, Tally>>;
  readonly bySplit: Readonly<Record<string, Tally>>;
  readonly byStyle: Readonly<Record<string, Tally>>;
  readonly skipped: EvalRun['skipped'];
  readonly failedToLoad: EvalRun['failed'];
  /** One line per floor not met, such as "fosdem-2026: 91.3% < floor 95.0%". */
  readonly belowFloors: readonly string[];
}

/** What the run covered, so a floor is only checked on the questions it is about. */
export interface FloorScope {
  readonly split?: string;
  readonly dataset?: string;
}

/** Groups the outcomes and checks the floors that apply to what was asked. */
export function summarizeEval(run: EvalRun, floors: EvalFloors, scope: FloorScope = {}): EvalSummary {
  const { outcomes } = run;
  const byDataset = groupBy(outcomes, (o) => o.dataset);
  const bySplit = groupBy(outcomes, (o) => o.evalCase.split);
  const overall = tally(outcomes);
  const belowFloors: string[] = [];
  const check = (label: string, value: Tally | undefined, floor: number | undefined): void => {
    if (value === undefined || floor === undefined || value.total === 0) return;
    if (value.accuracy < floor)
      belowFloors.push(`${label}: ${percent(value.accuracy)} < floor ${percent(floor)}`);
  };
  // A floor is about a whole population: overall and heldout need every dataset, a dataset's floor both splits.
  const everyDataset = scope.dataset === undefined && run.skipped.length === 0;
  if (everyDataset && scope.split === undefined) check('overall', overall, floors.overall);
  if (everyDataset && scope.split !== 'dev') check('heldout', bySplit.heldout, floors.heldout);
  if (scope.split === undefined) {
    for (const [name, value] of Object.entries(byDataset)) check(name, value, floors.datasets[name]);
  }
  for (const failure of run.failed) belowFloors.push(`${failure.dataset}: could not be loaded`);
  return {
    overall,
    byKind: groupBy(outcomes, (o) => o.evalCase.kind),
    byDataset,
    bySplit,
    byStyle: groupBy(outcomes, (o) => o.evalCase.style),
    skipped: run.skipped,
    failedToLoad: run.failed,
    belowFloors,
  };
}

/** "93.4%". */
export function percent(ratio: number): string {
  return `${(ratio * 100).toFixed(1)}%`;
}

function tally(outcomes: readonly CaseOutcome[]): Tally {
  const passed = outcomes.filter((o) => o.misses.length === 0).length;
  const total = outcomes.length;
  return { passed, total, accuracy: total === 0 ? 0 : passed / total };
}

function groupBy(outcomes: readonly CaseOutcome[], key: (o: CaseOutcome) => string): Record<string, Tally> {
  const groups = new Map<string, CaseOutcome[]>();
  for (const outcome of outcomes) {
    const name = key(outcome);
    groups.set(name, [...(groups.get(name) ?? []), outcome]);
  }
  return Object.fromEntries(
    [...groups].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, tally(v)]),
  );
}
