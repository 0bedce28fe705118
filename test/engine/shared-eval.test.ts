// The shared evaluation questions, asked through `hallway ask --json` exactly as the grader does.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { runCli } from '../../adapters/cli/main.ts';
import { canUseShared, describeWithShared, sharedPath } from '../helpers/shared.ts';
import { captureIo } from '../helpers/streams.ts';

interface EvalQuestion {
  q: string;
  expect?: string[];
  expect_any?: string[];
  answered?: boolean;
}

const QUESTIONS = 'eval/questions.dev.jsonl';
const questions: EvalQuestion[] = canUseShared([QUESTIONS])
  ? readFileSync(sharedPath(QUESTIONS), 'utf8')
      .split('\n')
      .filter((line) => line.trim().length > 0)
      .map((line) => JSON.parse(line) as EvalQuestion)
  : [];

describeWithShared('../shared/eval/questions.dev.jsonl through ask --json', [QUESTIONS], () => {
  it('has questions', () => expect(questions.length).toBeGreaterThan(0));

  it.each(questions)('$q', async (question) => {
    const io = captureIo(`${question.q}\n`);
    expect(await runCli(['ask', '--json'], io)).toBe(0);
    const answer = JSON.parse(io.out());
    const top = answer.results.slice(0, 3).map((r: Record<string, unknown>) => JSON.stringify(r));
    const seen = [answer.text, ...top].join('\n');
    const answered = question.answered ?? true;
    expect(answer.answered, answer.text).toBe(answered);
    for (const text of question.expect ?? []) expect(seen).toContain(text);
    if ((question.expect_any ?? []).length > 0) {
      expect((question.expect_any ?? []).some((text) => seen.includes(text))).toBe(true);
    }
  });
});
