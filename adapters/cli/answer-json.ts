// The `--json` shape of an answer: one object per line, stable for scripts and evaluations.
import type { Answer } from '../../src/index.ts';

export function answerJson(answer: Answer): string {
  const { question, intent, answered, title, text, results } = answer;
  return JSON.stringify({ question, intent, answered, title, text, results });
}
