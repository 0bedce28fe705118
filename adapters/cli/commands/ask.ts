// `hallway ask [question] [--json] [--data PATH|URL]… [--now TIME] [--context FILE]`: answers one question, or one
// per stdin line. With --context, follow-ups ("when is it?") refer to the previous answer, kept in FILE between runs.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { type ConversationContext, parseConversationContext } from '../../../src/index.ts';
import { answerJson } from '../answer-json.ts';
import type { CommandIo } from '../command-io.ts';
import { type DataSelection, EXIT_USAGE, openSelectedData } from '../open-selected-data.ts';

export interface AskOptions extends DataSelection {
  readonly question?: string;
  readonly json: boolean;
  readonly now?: number;
  /** A JSON file holding the conversation's context: read before the first question, written after each. */
  readonly contextFile?: string;
}

export async function askCommand(options: AskOptions, io: CommandIo): Promise<number> {
  const { contextFile } = options;
  let context: ConversationContext | undefined;
  if (contextFile !== undefined && existsSync(contextFile)) {
    const read = readContext(contextFile);
    if (typeof read === 'string') {
      io.stderr.write(`${read}\n`);
      return EXIT_USAGE;
    }
    context = read;
  }
  const opened = await openSelectedData(options, io, options.now);
  if (typeof opened === 'number') return opened;
  const engine = opened.current();
  const reply = (question: string): string => {
    const answer = engine.ask(question, context === undefined ? {} : { context });
    if (contextFile !== undefined) {
      context = answer.context;
      writeFileSync(contextFile, `${JSON.stringify(context ?? {})}\n`);
    }
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

/** The context stored in `file`, or a one-line reason it cannot be read. */
function readContext(file: string): ConversationContext | string {
  try {
    const text = readFileSync(file, 'utf8');
    return text.trim().length === 0 ? {} : parseConversationContext(JSON.parse(text));
  } catch (error) {
    return `--context ${file}: not a context file (${(error as Error).message.split('\n')[0]})`;
  }
}
