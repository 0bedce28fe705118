// Seeded hostile questions through an engine: every answer checked, latency summarised as a p99 after warm-up.
import { type Answer, MAX_QUESTION_LENGTH } from '../../src/index.ts';
import { type HostileInput, hostileInputs } from './hostile-inputs.ts';
import { type LatencySummary, summarize } from './measure.ts';

/** The p99 answer time over hostile questions after warm-up, on a 2-core machine (the tests use it too). */
export const FUZZ_P99_TARGET_MS = 50;

/** Characters an answer must never carry back: controls other than the newline (NUL included), bidi overrides. */
const FORBIDDEN_IN_TEXT = /(?!\n)\p{Cc}|[\u202a-\u202e\u2066-\u2069]/u;
const FORBIDDEN_IN_QUESTION = /[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]/u;

/** What is wrong with one answer, or nothing. */
export function answerProblems(answer: Answer): string[] {
  const problems: string[] = [];
  if (answer.text.trim().length === 0) problems.push('empty text');
  if (answer.question.length > MAX_QUESTION_LENGTH)
    problems.push(`question of ${answer.question.length} chars`);
  if (FORBIDDEN_IN_QUESTION.test(answer.question)) problems.push('control or bidi character in the question');
  if (FORBIDDEN_IN_TEXT.test(answer.text)) problems.push('control or bidi character in the text');
  return problems;
}

export interface FuzzOptions {
  readonly seed: number;
  readonly count: number;
  /** Inputs asked once, untimed, first: the JIT compiling each path is not the steady state. */
  readonly warmUp: number;
}

export interface FuzzResult {
  readonly inputs: readonly HostileInput[];
  /** One line per bad answer or exception, naming the seed and the input so that it reproduces. */
  readonly failures: readonly string[];
  /** Over the timed inputs only (after the warm-up). */
  readonly latency: LatencySummary;
}

/** Asks `count` hostile questions made from `seed`, checks each answer, and times them after the warm-up. */
export function fuzzEngine(ask: (question: string) => Answer, options: FuzzOptions): FuzzResult {
  const inputs = hostileInputs(options.seed, options.count);
  for (const input of hostileInputs(options.seed + 1_000_003, options.warmUp)) ask(input.text);
  const failures: string[] = [];
  const samples: number[] = [];
  for (const input of inputs) {
    try {
      const started = performance.now();
      const answer = ask(input.text);
      samples.push(performance.now() - started);
      const problems = answerProblems(answer);
      if (problems.length > 0) failures.push(`${describeInput(options.seed, input)}: ${problems.join('; ')}`);
    } catch (error) {
      failures.push(`${describeInput(options.seed, input)}: threw ${(error as Error).stack}`);
    }
  }
  return { inputs, failures, latency: summarize(samples) };
}

/** The seed, index and kind of an input, and its start: enough to find it again. */
export function describeInput(seed: number, input: HostileInput): string {
  const shown =
    input.text.length > 120 ? `${input.text.slice(0, 120)}… (${input.text.length} chars)` : input.text;
  return `seed ${seed} #${input.index} (${input.kind}) ${JSON.stringify(shown)}`;
}
