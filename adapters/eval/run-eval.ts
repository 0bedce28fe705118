// Asks every corpus question of one engine per dataset, on an injected clock, and scores each answer.
import { type Answer, createEngine, type Dataset, type Engine } from '../../src/index.ts';
import type { EvalCase, EvalDatasetEntry, EvalSplit } from './eval-case.ts';
import { openEvalDataset } from './open-eval-dataset.ts';
import { type Miss, scoreAnswer } from './score-case.ts';

/** Which questions to ask: all of them unless narrowed by split or dataset. */
export interface EvalFilter {
  readonly split?: EvalSplit;
  readonly dataset?: string;
}

/** The outcome of one question. */
export interface CaseOutcome {
  readonly dataset: string;
  readonly evalCase: EvalCase;
  readonly misses: readonly Miss[];
  /** The whole plain-text answer (the failure list shortens it). */
  readonly answerText: string;
}

/** Every outcome, and each dataset that could not be asked, with why. */
export interface EvalRun {
  readonly outcomes: readonly CaseOutcome[];
  readonly skipped: readonly { readonly dataset: string; readonly reason: string }[];
  readonly failed: readonly { readonly dataset: string; readonly problems: readonly string[] }[];
}

export interface RunEvalInput {
  readonly datasets: readonly EvalDatasetEntry[];
  readonly cases: ReadonlyMap<string, readonly EvalCase[]>;
  readonly sharedDatasetsDir: string;
  readonly filter?: EvalFilter;
  /** Called with each dataset once loaded, before its questions (the corpus test checks expectations against it). */
  readonly onLoaded?: (name: string, dataset: Dataset) => void;
}

/** The follow-up API the engine is gaining: `ask(q, { context })`, the context taken from the previous answer. */
type AskWithContext = (question: string, options: { context: unknown }) => Answer;

/** Builds each dataset's engine once and asks it the (filtered) questions. */
export function runEval(input: RunEvalInput): EvalRun {
  const filter = input.filter ?? {};
  const outcomes: CaseOutcome[] = [];
  const skipped: EvalRun['skipped'][number][] = [];
  const failed: EvalRun['failed'][number][] = [];
  for (const entry of input.datasets) {
    if (filter.dataset !== undefined && filter.dataset !== entry.name) continue;
    const cases = (input.cases.get(entry.name) ?? []).filter(
      (c) => filter.split === undefined || c.split === filter.split,
    );
    if (cases.length === 0) continue;
    const opened = openEvalDataset(entry, input.sharedDatasetsDir);
    if (opened.kind === 'skipped') {
      skipped.push({ dataset: entry.name, reason: opened.reason });
      continue;
    }
    if (opened.kind === 'failed') {
      failed.push({ dataset: entry.name, problems: opened.problems });
      continue;
    }
    input.onLoaded?.(entry.name, opened.dataset);
    // One engine per dataset; each question moves the clock, so "now" questions see their own time.
    const defaultNow = Date.parse(entry.now);
    let now = defaultNow;
    const engine = createEngine(opened.dataset, { clock: () => now });
    for (const evalCase of cases) {
      now = evalCase.now === undefined ? defaultNow : Date.parse(evalCase.now);
      outcomes.push(askCase(engine, entry.name, evalCase));
    }
  }
  return { outcomes, skipped, failed };
}

function askCase(engine: Engine, dataset: string, evalCase: EvalCase): CaseOutcome {
  try {
    let answer: Answer;
    if (evalCase.after === undefined) answer = engine.ask(evalCase.q);
    else {
      const previous = engine.ask(evalCase.after);
      const context = (previous as unknown as { context?: unknown }).context;
      answer = (engine.ask as unknown as AskWithContext)(evalCase.q, { context });
    }
    return { dataset, evalCase, misses: scoreAnswer(evalCase.expect, answer), answerText: answer.text };
  } catch (error) {
    const message = (error as Error).message;
    return { dataset, evalCase, misses: [{ kind: 'error', message }], answerText: '' };
  }
}
