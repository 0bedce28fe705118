// Words an eval run for the terminal: the accuracy tables, then (on request) each failed question.
import type { CaseOutcome } from './run-eval.ts';
import { describeMiss } from './score-case.ts';
import { type EvalSummary, percent, type Tally } from './summarize-eval.ts';

const ANSWER_CHARS = 200;

/** The accuracy tables, skipped datasets and floors not met. */
export function formatSummary(summary: EvalSummary): string {
  const lines: string[] = [];
  for (const skip of summary.skipped) lines.push(`skipped ${skip.dataset}: ${skip.reason}`);
  for (const failure of summary.failedToLoad) {
    lines.push(`could not load ${failure.dataset}:`, ...failure.problems.map((p) => `  ${p}`));
  }
  lines.push(`overall  ${row(summary.overall)}`);
  const tables: [string, Readonly<Record<string, Tally>>][] = [
    ['by dataset', summary.byDataset],
    ['by split', summary.bySplit],
    ['by kind', summary.byKind],
    ['by style', summary.byStyle],
  ];
  for (const [heading, table] of tables) {
    lines.push('', heading);
    const width = Math.max(...Object.keys(table).map((k) => k.length));
    for (const [name, value] of Object.entries(table)) lines.push(`  ${name.padEnd(width)}  ${row(value)}`);
  }
  lines.push('');
  if (summary.belowFloors.length === 0) lines.push('every floor met');
  else lines.push('below the floors:', ...summary.belowFloors.map((line) => `  ${line}`));
  return `${lines.join('\n')}\n`;
}

/** Each failed question: what was asked, what was expected and missed, and how the answer began. */
export function formatFailures(outcomes: readonly CaseOutcome[]): string {
  const failed = outcomes.filter((o) => o.misses.length > 0);
  const blocks = failed.map(({ dataset, evalCase, misses, answerText }) => {
    const asked = evalCase.after === undefined ? evalCase.q : `${evalCase.after} → ${evalCase.q}`;
    const now = evalCase.now === undefined ? '' : ` (now ${evalCase.now})`;
    const answer = answerText.replace(/\s+/g, ' ').slice(0, ANSWER_CHARS);
    return [
      `✗ [${dataset} ${evalCase.id} ${evalCase.kind}/${evalCase.style}] ${asked}${now}`,
      `  expected: ${JSON.stringify(evalCase.expect)}`,
      `  missed:   ${misses.map(describeMiss).join('; ')}`,
      `  answer:   ${answer}`,
    ].join('\n');
  });
  return `${failed.length} failed\n\n${blocks.join('\n\n')}\n`;
}

function row(value: Tally): string {
  return `${percent(value.accuracy).padStart(6)}  ${value.passed}/${value.total}`;
}
