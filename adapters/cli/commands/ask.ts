// `hallway ask [question] [--json] [--data PATH|URL]… [--now TIME]`: answers one question, or one per stdin line.
import { createInterface } from 'node:readline';
import { answerJson } from '../answer-json.ts';
import type { CommandIo } from '../command-io.ts';
import { type DataSelection, openSelectedData } from '../open-selected-data.ts';

export interface AskOptions extends DataSelection {
  readonly question?: string;
  readonly json: boolean;
  readonly now?: number;
}

export async function askCommand(options: AskOptions, io: CommandIo): Promise<number> {
  const opened = await openSelectedData(options, io, options.now);
  if (typeof opened === 'number') return opened;
  const engine = opened.current();
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
