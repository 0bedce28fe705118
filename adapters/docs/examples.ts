// The example outputs in README.md and docs/: each marked block is re-run through the CLI and written back, so
// the documentation shows what Hallway prints now. `npm run docs:examples` writes; a test checks they match.
import { captureIo } from '../cli/capture-io.ts';
import { runCli } from '../cli/main.ts';

/** Which example blocks to leave as they are: those whose commands need data this machine lacks. */
export interface RenderOptions {
  readonly skip?: (args: readonly string[]) => boolean;
}

/**
 * A block is a marker, then a `text` code block of commands, each on a `$ npm run --silent hallway -- …` line
 * followed by its output. The commands are kept; the outputs are written anew, whole (`full`), as their first
 * paragraph (`lead`: the direct answer) or as their first N lines (`head-N`), with "…" where cut.
 */
const BLOCK = /<!-- examples: (full|lead|head-\d+) -->\n```text\n([\s\S]*?)```/g;
const PROMPT = '$ npm run --silent hallway -- ';

/** The text of `markdown` with every example block's outputs produced again by the CLI. */
export async function renderExamples(markdown: string, options: RenderOptions = {}): Promise<string> {
  const blocks = [...markdown.matchAll(BLOCK)];
  let result = '';
  let last = 0;
  for (const block of blocks) {
    const [whole, mode = 'full', body = ''] = block;
    const commands = body.split('\n').filter((line) => line.startsWith(PROMPT));
    if (commands.some((command) => options.skip?.(commandArgs(command.slice(PROMPT.length))) === true))
      continue;
    const outputs: string[] = [];
    for (const command of commands) {
      const output = await runExample(commandArgs(command.slice(PROMPT.length)));
      outputs.push(`${command}\n${shown(output, mode)}\n`);
    }
    result += `${markdown.slice(last, block.index)}<!-- examples: ${mode} -->\n\`\`\`text\n${outputs.join('\n')}\`\`\``;
    last = block.index + whole.length;
  }
  return result + markdown.slice(last);
}

/** The commands of every example block in `markdown`, as argument lists. */
export function exampleCommands(markdown: string): string[][] {
  return [...markdown.matchAll(BLOCK)].flatMap(([, , body = '']) =>
    body
      .split('\n')
      .filter((line) => line.startsWith(PROMPT))
      .map((line) => commandArgs(line.slice(PROMPT.length))),
  );
}

/** Splits a command line on spaces outside double quotes (the examples quote their questions so). */
export function commandArgs(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((match) => match[1] ?? match[2] ?? '');
}

/** The CLI's standard output for `args`, in this process, with no environment (no developer settings). */
async function runExample(args: readonly string[]): Promise<string> {
  const io = captureIo();
  const code = await runCli(args, io, {});
  if (code !== 0) throw new Error(`hallway ${args.join(' ')} exited ${code}: ${io.err().trim()}`);
  return io.out().trimEnd();
}

/** The part of `output` a block's mode shows, then "…" when there is more. */
function shown(output: string, mode: string): string {
  const end =
    mode === 'lead'
      ? output.indexOf('\n\n')
      : mode.startsWith('head-')
        ? output
            .split('\n')
            .slice(0, Number(mode.slice('head-'.length)))
            .join('\n').length
        : -1;
  return end === -1 || end >= output.length ? output : `${output.slice(0, end).trimEnd()}\n…`;
}
