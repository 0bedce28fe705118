// `hallway ask [question] [--json] [--data PATH]… [--now TIME]`: answers one question, or one per stdin line.
import { createInterface } from 'node:readline';
import { formatProblem } from '../../../src/index.ts';
import { openEngine } from '../../shared/open-engine.ts';
import { answerJson } from '../answer-json.ts';
import type { CommandIo } from '../command-io.ts';

export interface AskOptions {
  readonly question?: string;
  readonly json: boolean;
  readonly dataPaths: readonly string[];
  readonly now?: number;
}

export async function askCommand(options: AskOptions, io: CommandIo): Promise<number> {
  const now = options.now;
  const opened = openEngine({ paths: options.dataPaths, ...(now === undefined ? {} : { clock: () => now }) });
  if (!opened.ok) {
    io.stderr.write(
      `The dataset is invalid:\n${opened.problems.map((p) => `  ${formatProblem(p)}`).join('\n')}\n`,
    );
    return 1;
  }
  const { engine } = opened;
  const reply = (question: string): string => {
    const answer = engine.ask(question);
    return options.json ? `${answerJson(answer)}\n` : `${answer.text}\n\n`;
  };
  if (options.question !== undefined) {
    io.stdout.write(reply(options.question));
    return 0;
  }
  const lines = createInterface({ input: io.stdin, terminal: false });
  for await (const line of lines) {
    if (line.trim().length > 0) io.stdout.write(reply(line));
  }
  return 0;
}
