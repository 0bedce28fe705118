// The console adapter, through piped streams and as `npm start` with no chat credentials.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runConsole } from '../../adapters/console/console-adapter.ts';
import { DEFAULT_DATASET, engineFor } from '../helpers/engines.ts';
import { runProcess } from '../helpers/run-process.ts';
import { captureIo } from '../helpers/streams.ts';

const engine = engineFor(DEFAULT_DATASET);

describe('runConsole', () => {
  it('answers one question per piped line, without a prompt', async () => {
    const io = captureIo('who is Chad Beaudin?\n\nwhat is HAMi?\n');
    await runConsole({ ask: (q) => engine.ask(q), input: io.stdin, output: io.stdout, interactive: false });
    expect(io.out()).toContain('Chad Beaudin (Boeing)');
    expect(io.out()).toContain('HAMi is a sandbox CNCF project');
    expect(io.out()).not.toContain('hallway>');
  });

  it('on a terminal greets, prompts, and stops at "quit"', async () => {
    const io = captureIo('help\nquit\nwho is Chad Beaudin?\n');
    await runConsole({
      ask: (q) => engine.ask(q),
      input: io.stdin,
      output: io.stdout,
      interactive: true,
      greeting: 'Hello from Hallway',
    });
    expect(io.out()).toContain('Hello from Hallway');
    expect(io.out()).toContain('hallway> ');
    expect(io.out()).toContain('I answer questions about KubeCon');
    expect(io.out()).not.toContain('Chad Beaudin (Boeing)');
  });
});

describe('npm start', () => {
  const noChat = { SLACK_BOT_TOKEN: '', SLACK_APP_TOKEN: '', DISCORD_TOKEN: '', HALLWAY_DATA: '' };

  it('with no tokens, answers piped questions on the console and says why it skipped the chat adapters', async () => {
    const result = await runProcess('npm', ['start', '--silent'], {
      input: 'who spoke about platform engineering?\n',
      env: noChat,
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Abby Bangser (Syntasso)');
    expect(result.stderr).toContain('.env.example');
  });

  it('reads a follow-up against the previous answer of the same console session', async () => {
    const result = await runProcess('node', ['dist/main.js'], {
      env: noChat,
      input: 'which demo showed GPU sharing?\nwhen is it?\n',
    });
    expect(result.code).toBe(0);
    const [, followUp] = result.stdout.split('Live demo: sharing GPUs across workloads with HAMi');
    expect(result.stdout.match(/sharing GPUs across workloads with HAMi/g)?.length).toBeGreaterThan(1);
    expect(followUp).toContain('10:03');
  });

  it('refuses an invalid dataset with the list of problems (exit 1)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hallway-start-'));
    writeFileSync(join(dir, 'conference.json'), '{"id": "x",');
    try {
      const result = await runProcess('node', ['dist/main.js'], {
        env: { ...noChat, HALLWAY_DATA: dir },
      });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('refuses to start');
      expect(result.stderr).toContain(`${dir}/conference.json: line 1`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
