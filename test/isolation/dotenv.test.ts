// Tests never depend on the developer's machine: no `.env`, no inherited Hallway variables; and the switch that
// turns `.env` off works on both entry points.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { childEnv, isHallwayVariable } from '../helpers/child-env.ts';
import { PROJECT_ROOT, runProcess } from '../helpers/run-process.ts';

// A working directory holding the `.env` a developer following the docs would have.
const DEVELOPER_DOTENV = 'HALLWAY_HTTP_PORT=8080\nHALLWAY_NOW=2026-03-26T09:30:00+01:00\n';
const dir = mkdtempSync(join(tmpdir(), 'hallway-dotenv-'));
writeFileSync(join(dir, '.env'), DEVELOPER_DOTENV);
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const BOT = join(PROJECT_ROOT, 'dist/main.js');
const CLI = join(PROJECT_ROOT, 'dist/cli/main.js');

describe('a developer’s .env in the working directory', () => {
  it('is ignored by `node dist/main.js` under HALLWAY_NO_DOTENV: the console answers and exits, serving nothing', async () => {
    // With the .env read, the bot would serve /healthz on 8080 and keep running after its input ends.
    const result = await runProcess('node', [BOT], { cwd: dir, input: "what's on now?\n" });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).not.toContain('8080');
    // Nor is the .env's HALLWAY_NOW used: the answer differs from the one at that moment.
    const atThatMoment = await runProcess('node', [BOT], {
      cwd: dir,
      input: "what's on now?\n",
      env: { HALLWAY_NOW: '2026-03-26T09:30:00+01:00' },
    });
    expect(atThatMoment.code).toBe(0);
    expect(result.stdout).not.toBe(atThatMoment.stdout);
  });

  it('is read when the switch is off (the check above can fail): a bad port there stops the start', async () => {
    writeFileSync(join(dir, '.env'), 'HALLWAY_HTTP_PORT=80800\n');
    try {
      const result = await runProcess('node', [BOT], {
        cwd: dir,
        input: 'help\n',
        env: { HALLWAY_NO_DOTENV: undefined },
      });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('HALLWAY_HTTP_PORT: must be a port number from 1 to 65535');
    } finally {
      writeFileSync(join(dir, '.env'), DEVELOPER_DOTENV);
    }
  });

  it('is ignored by the CLI under HALLWAY_NO_DOTENV, and read without it', async () => {
    const cliDir = mkdtempSync(join(tmpdir(), 'hallway-dotenv-cli-'));
    writeFileSync(join(cliDir, '.env'), 'DISCORD_TOKEN=not-a-token\n');
    try {
      const deploy = (env: Record<string, string | undefined>) =>
        runProcess('node', [CLI, 'discord:deploy-commands'], { cwd: cliDir, env });
      const isolated = await deploy({});
      const withDotenv = await deploy({ HALLWAY_NO_DOTENV: undefined });
      expect(isolated.code).toBe(2);
      expect(isolated.stderr).toContain('DISCORD_TOKEN: not set');
      expect(withDotenv.code).toBe(2);
      expect(withDotenv.stderr).toContain('DISCORD_TOKEN: does not look like a bot token');
    } finally {
      rmSync(cliDir, { recursive: true, force: true });
    }
  });
});

describe('the test workers and their children', () => {
  it('inherit no Hallway, Slack or Discord variable from the shell', async () => {
    expect(Object.keys(process.env).filter(isHallwayVariable)).toEqual([]);
    const printed = await runProcess(
      'node',
      ['-e', 'console.log(JSON.stringify(Object.keys(process.env)))'],
      {
        env: { DISCORD_TOKEN: 'given by this test' },
      },
    );
    const names = JSON.parse(printed.stdout) as string[];
    expect(names.filter(isHallwayVariable).sort()).toEqual(['DISCORD_TOKEN', 'HALLWAY_NO_DOTENV']);
  });

  it('childEnv drops what the shell set, keeps PATH, and applies the test’s own values', () => {
    process.env.SLACK_BOT_TOKEN = 'from the shell';
    process.env.LOG_LEVEL = 'silent';
    try {
      const env = childEnv({ HALLWAY_DATA: 'x' });
      expect(env.SLACK_BOT_TOKEN).toBeUndefined();
      expect(env.LOG_LEVEL).toBeUndefined();
      expect(env.HALLWAY_DATA).toBe('x');
      expect(env.HALLWAY_NO_DOTENV).toBe('1');
      expect(env.PATH).toBe(process.env.PATH);
    } finally {
      delete process.env.SLACK_BOT_TOKEN;
      delete process.env.LOG_LEVEL;
    }
  });
});
