// The README and docs/ show what Hallway prints now: every example block matches a fresh run of its commands
// (`npm run docs:examples` rewrites them), the README stays short, and its ten questions are answered.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../adapters/cli/main.ts';
import { commandArgs, exampleCommands, renderExamples } from '../../adapters/docs/examples.ts';
import { documentationFiles } from '../../adapters/docs/write-examples.ts';
import { PROJECT_ROOT } from '../helpers/run-process.ts';
import { canUseShared } from '../helpers/shared.ts';
import { captureIo } from '../helpers/streams.ts';

const README = readFileSync(`${PROJECT_ROOT}README.md`, 'utf8');
/** The ../shared files the docs' examples read; those examples are checked only where they can run. */
const needsShared = (args: readonly string[]) =>
  args.some((arg) => arg.startsWith('../shared/') && !canUseShared([arg.slice('../shared/'.length)]));

describe('the example outputs in the documentation', () => {
  it.each(documentationFiles().map((file) => [relative(PROJECT_ROOT, file), file]))(
    '%s matches what the CLI prints now (else run npm run docs:examples)',
    async (_name, file) => {
      const text = readFileSync(file, 'utf8');
      expect(await renderExamples(text, { skip: needsShared })).toBe(text);
    },
  );

  it('would catch an output that drifted, and keeps the commands', async () => {
    const stale =
      '<!-- examples: lead -->\n```text\n$ npm run --silent hallway -- ask "what is HAMi?"\nHAMi is old.\n```\n';
    const fresh = await renderExamples(stale);
    expect(fresh).not.toBe(stale);
    expect(fresh).toContain('$ npm run --silent hallway -- ask "what is HAMi?"\nHAMi is a');
    expect(fresh).toMatch(/\n…\n```\n$/);
  });

  it('splits commands on spaces outside quotes', () => {
    expect(commandArgs('ask --now 2026-03-26T09:30:00+01:00 "what\'s on now?"')).toEqual([
      'ask',
      '--now',
      '2026-03-26T09:30:00+01:00',
      "what's on now?",
    ]);
  });
});

describe('the README', () => {
  it('is under 12 KB', () => {
    expect(Buffer.byteLength(README)).toBeLessThan(12 * 1024);
  });

  it('shows ten questions, each answered on the bundled data', async () => {
    const questions = exampleCommands(README).filter(([command]) => command === 'ask');
    expect(questions).toHaveLength(10);
    for (const args of questions) {
      const io = captureIo();
      expect(await runCli(['ask', '--json', ...args.slice(1)], io, {})).toBe(0);
      expect(JSON.parse(io.out()).answered, args.join(' ')).toBe(true);
    }
  });

  it('says what the bundled data covers, and how to load the full programme from the official feed', () => {
    const sources = JSON.parse(readFileSync(`${PROJECT_ROOT}data/kubecon-eu-2026.sources.json`, 'utf8')) as {
      sources: Array<{ url?: string }>;
    };
    const feed = sources.sources.find((source) => source.url !== undefined)?.url;
    expect(feed).toBe('https://kccnceu2026.sched.com/all.ics');
    expect(README).toContain(`HALLWAY_DATA=data/kubecon-eu-2026,${feed} npm start`);
    expect(README).toContain('$ npm run --silent hallway -- stats\n');
    expect(README).toContain('only the final day');
  });
});
