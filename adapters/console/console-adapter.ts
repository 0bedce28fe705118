// The console adapter: questions from a stream, answers as plain text. A prompt on a terminal, batch otherwise.
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Answer } from '../../src/index.ts';

export interface ConsoleOptions {
  /** May be async (a follow-up's context is looked up first); answers are written in the order asked. */
  readonly ask: (question: string) => Answer | Promise<Answer>;
  readonly input: Readable;
  readonly output: Writable;
  /** Show a prompt and a greeting (a terminal); otherwise answer each line and stay quiet. */
  readonly interactive: boolean;
  readonly greeting?: string;
  /** Aborting stops reading (a shutdown): no further line is answered, and the returned promise resolves. */
  readonly signal?: AbortSignal;
}

const PROMPT = 'hallway> ';
const QUIT = /^(?:quit|exit|bye|:q)$/i;

/** Answers one question per line until the input ends (or the user types quit). Resolves at the end. */
export function runConsole(options: ConsoleOptions): Promise<void> {
  const { ask, input, output, interactive } = options;
  const lines = createInterface({
    input,
    ...(interactive ? { output, prompt: PROMPT } : {}),
    terminal: interactive,
  });
  if (interactive) {
    if (options.greeting !== undefined) output.write(`${options.greeting}\n`);
    lines.prompt();
  }
  const { signal } = options;
  // One line at a time, in order, even when an answer takes a moment.
  let answered: Promise<void> = Promise.resolve();
  return new Promise((resolve) => {
    lines.on('line', (line) => {
      const question = line.trim();
      if (QUIT.test(question)) {
        lines.close();
        return;
      }
      answered = answered.then(async () => {
        if (signal?.aborted) return;
        if (question.length > 0) {
          try {
            output.write(`${(await ask(question)).text}\n\n`);
          } catch (error) {
            // One line, and the console goes on with the next question.
            output.write(`Sorry, that question could not be answered: ${(error as Error).message}\n\n`);
          }
        }
        if (interactive) lines.prompt();
      });
    });
    lines.on('close', () => {
      answered.then(() => resolve());
    });
    if (signal?.aborted) lines.close();
    else signal?.addEventListener('abort', () => lines.close(), { once: true });
  });
}
