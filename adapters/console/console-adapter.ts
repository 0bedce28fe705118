// The console adapter: questions from a stream, answers as plain text. A prompt on a terminal, batch otherwise.
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Answer } from '../../src/index.ts';

export interface ConsoleOptions {
  readonly ask: (question: string) => Answer;
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
  return new Promise((resolve) => {
    lines.on('line', (line) => {
      const question = line.trim();
      if (QUIT.test(question)) {
        lines.close();
        return;
      }
      if (question.length > 0) output.write(`${ask(question).text}\n\n`);
      if (interactive) lines.prompt();
    });
    lines.on('close', () => resolve());
    const { signal } = options;
    if (signal?.aborted) lines.close();
    else signal?.addEventListener('abort', () => lines.close(), { once: true });
  });
}
