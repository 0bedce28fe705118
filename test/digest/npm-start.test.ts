// `npm start` with a chat platform opens the digest's database before connecting, refuses one it cannot use, and
// closes it on SIGTERM. Slack runs in HTTP mode with its ids given, so it starts without reaching slack.com.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runProcess } from '../helpers/run-process.ts';
import { type RunningProcess, startProcess } from '../helpers/running-process.ts';
import { slackHttpEnv } from '../helpers/slack-http-env.ts';

const running: RunningProcess[] = [];
afterAll(() => {
  for (const child of running.splice(0)) child.kill();
});

const slackEnv = (databasePath: string) => slackHttpEnv({ HALLWAY_DB_PATH: databasePath });

describe.concurrent('npm start and the digest database', () => {
  it('creates the database on first run, starts the digest, and closes it on SIGTERM', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'hallway-start-')), 'var', 'hallway.db');
    const bot = startProcess('node', ['dist/main.js'], { env: await slackEnv(path) });
    running.push(bot);
    await bot.waitFor('stderr', /Slack: started/, 30_000);
    await bot.waitFor('stderr', /"msg":"digest ready"/);
    expect(bot.stderr()).toContain(`"db":"${path}"`);
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
    expect(bot.stderr()).not.toMatch(/shutdown hook failed|unfinished/);
  });

  it('refuses to start, naming the file and the fix, when the database cannot be created', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'hallway-start-')), 'not-a-folder');
    writeFileSync(file, 'x');
    const result = await runProcess('node', ['dist/main.js'], {
      env: await slackEnv(join(file, 'hallway.db')),
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `Hallway refuses to start: Hallway cannot create the folder for its database ${file}/hallway.db`,
    );
    expect(result.stderr).toContain('Set HALLWAY_DB_PATH to a writable place.');
    expect(result.stderr).not.toContain('Slack: started');
  });

  it('refuses a database path under /proc at once (exit 2, one line), where Node would spin', async () => {
    const result = await runProcess('npm', ['start', '--silent'], {
      env: await slackEnv('/proc/hallway/x.db'),
      timeoutMs: 60_000,
    });
    expect(result.code).toBe(2);
    const refusal = result.stderr.split('\n').filter((line) => line.includes('refuses to start'));
    expect(refusal).toEqual([
      expect.stringContaining('Hallway cannot create the folder for its database /proc/hallway/x.db: ENOENT'),
    ]);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses a PostgreSQL it cannot reach in one line (exit 2), without printing its password', async () => {
    const result = await runProcess('node', ['dist/main.js'], {
      env: await slackHttpEnv({ DATABASE_URL: 'postgres://hallway:s3cret@127.0.0.1:1/hallway' }),
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'Hallway refuses to start: Hallway cannot use the database postgres://hallway:***@127.0.0.1:1/hallway',
    );
    expect(result.stderr).not.toContain('s3cret');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('names a wrong digest variable before anything starts', async () => {
    const result = await runProcess('node', ['dist/main.js'], {
      env: { HALLWAY_DIGEST_TIME: '8am', HALLWAY_USER_BURST: 'many', SLACK_BOT_TOKEN: '', DISCORD_TOKEN: '' },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('HALLWAY_DIGEST_TIME: must be a time of day such as 08:00, or "off"');
    expect(result.stderr).toContain('HALLWAY_USER_BURST: must be a number (0 turns the limit off)');
  });
});
