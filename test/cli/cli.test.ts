// The `hallway` CLI: text and JSON answers, the stdin batch, validation, and its exit codes.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../adapters/cli/main.ts';
import { MINI_CONF } from '../helpers/engines.ts';
import { runProcess } from '../helpers/run-process.ts';
import { captureIo } from '../helpers/streams.ts';

async function cli(args: string[], input = '') {
  const io = captureIo(input);
  const code = await runCli(args, io);
  return { code, out: io.out(), err: io.err() };
}

describe('hallway ask --context FILE', () => {
  it('keeps the conversation in the file, so a follow-up refers to the last answer', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hallway-context-'));
    const file = join(dir, 'context.json');
    try {
      await cli(['ask', '--context', file, 'which demo showed GPU sharing?']);
      const { code, out } = await cli(['ask', '--context', file, 'when is it?']);
      expect(code).toBe(0);
      expect(out).toContain('sharing GPUs across workloads with HAMi');
      expect(out).toContain('10:03');
      // Without the file, the same words refer to nothing.
      expect((await cli(['ask', 'when is it?'])).out).not.toContain('HAMi');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a file that is not a context, with one line and exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hallway-context-'));
    const file = join(dir, 'context.json');
    writeFileSync(file, '{not json');
    try {
      const { code, err } = await cli(['ask', '--context', file, 'when is it?']);
      expect(code).toBe(2);
      expect(err.trim().split('\n')).toHaveLength(1);
      expect(err).toContain(`--context ${file}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('hallway ask', () => {
  it('prints the answer as text', async () => {
    const { code, out } = await cli(['ask', 'who is Chad Beaudin?']);
    expect(code).toBe(0);
    expect(out).toContain('Chad Beaudin (Boeing) — Chief Engineer, Boeing Software Factory.');
  });

  it('--json prints one object with the documented fields', async () => {
    const { code, out } = await cli(['ask', '--json', 'who spoke about platform engineering?']);
    expect(code).toBe(0);
    const lines = out.trim().split('\n');
    expect(lines).toHaveLength(1);
    const answer = JSON.parse(lines[0] ?? '');
    expect(answer).toMatchObject({
      question: 'who spoke about platform engineering?',
      intent: 'topic',
      answered: true,
    });
    expect(answer.text).toContain('Abby Bangser');
    expect(answer.results[0]).toEqual(
      expect.objectContaining({
        type: 'session',
        id: 'keynote-cloud-native-platforms',
        title: 'Keynote: From Cloud-Native Apps to Cloud-Native Platforms',
        people: ['Abby Bangser'],
        organizations: ['Syntasso'],
        when: 'Thu 26 Mar, 09:34–09:44 CET',
        where: 'Hall 12',
        score: 1,
      }),
    );
  });

  it('without a question, answers each stdin line as one JSON line', async () => {
    const { code, out } = await cli(['ask', '--json'], 'who is Chad Beaudin?\n\nwhat did Oracle announce?\n');
    expect(code).toBe(0);
    const answers = out
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(answers.map((a) => [a.question, a.answered])).toEqual([
      ['who is Chad Beaudin?', true],
      ['what did Oracle announce?', false],
    ]);
  });

  it('--data answers over another dataset and --now sets the clock', async () => {
    const { out } = await cli([
      'ask',
      '--data',
      MINI_CONF,
      '--now',
      '2027-03-27T11:10:00Z',
      "what's on now?",
    ]);
    expect(out).toContain('Packing sardines');
  });

  it('a wrong --now is a usage error (exit 2)', async () => {
    const { code, err } = await cli(['ask', '--now', 'soon', 'hi']);
    expect(code).toBe(2);
    expect(err).toContain('--now must be an ISO 8601 time');
  });

  it('an invalid dataset exits 1 and names the problem', async () => {
    const { code, err } = await cli(['ask', '--data', '/nonexistent/dataset', 'hi']);
    expect(code).toBe(1);
    expect(err).toContain('/nonexistent/dataset: no such file or directory');
  });
});

describe('hallway validate', () => {
  it('passes the embedded dataset and the fixture (exit 0)', async () => {
    const { code, out } = await cli(['validate', MINI_CONF]);
    expect(code).toBe(0);
    expect(out).toContain('5 sessions, 4 people');
    expect((await cli(['validate'])).code).toBe(0);
  });

  it('fails on a broken dataset (exit 1) with every problem listed', async () => {
    const { code, err } = await cli(['validate', MINI_CONF, '/nonexistent']);
    expect(code).toBe(1);
    expect(err).toContain('invalid /nonexistent: 1 problem');
  });
});

describe('usage', () => {
  it('an unknown command or option is exit 2 with the usage text', async () => {
    const unknown = await cli(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('Usage: npm run --silent hallway');
    expect((await cli(['ask', '--colour'])).code).toBe(2);
  });

  it('help is exit 0', async () => {
    expect((await cli(['help'])).code).toBe(0);
  });
});

describe('as a real process', () => {
  it('`npm run --silent hallway -- ask --json` prints only JSON and exits 0', async () => {
    const result = await runProcess('npm', [
      'run',
      '--silent',
      'hallway',
      '--',
      'ask',
      '--json',
      'what is HAMi?',
    ]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).answered).toBe(true);
  });
});
