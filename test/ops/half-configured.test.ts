// A half-configured process: Slack valid, Discord's token malformed. It runs, and /healthz names the failed platform.
import { afterAll, describe, expect, it } from 'vitest';
import { Readiness } from '../../adapters/ops/readiness.ts';
import { type RunningProcess, startProcess } from '../helpers/running-process.ts';
import { slackHttpEnv } from '../helpers/slack-http-env.ts';

const running: RunningProcess[] = [];
afterAll(() => {
  for (const child of running.splice(0)) child.kill();
});

describe('a configured platform that failed', () => {
  it('npm start serves Slack and shows Discord in /healthz as failed, degraded, with the reason', async () => {
    const env = await slackHttpEnv({
      DISCORD_TOKEN: 'not-a-discord-token',
      HALLWAY_HTTP_PORT: '0',
      HALLWAY_HTTP_HOST: '127.0.0.1',
    });
    const bot = startProcess('npm', ['start', '--silent'], { env });
    running.push(bot);
    const [, port] = await bot.waitFor('stderr', /"port":(\d+),"paths"/, 30_000);
    await bot.waitFor('stderr', /Slack: started/, 30_000);
    const response = await fetch(`http://127.0.0.1:${port}/healthz`);
    // Still 200: Slack serves, and a restart would not mend a wrong token.
    expect(response.status).toBe(200);
    const body = (await response.json()) as { failed: string[] };
    expect(body).toMatchObject({
      ok: true,
      status: 'degraded',
      components: { data: 'ready', slack: 'ready', discord: 'failed' },
      waiting: [],
    });
    expect(body.failed).toEqual([
      expect.stringMatching(/^discord: DISCORD_TOKEN: does not look like a bot token/),
    ]);
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
  }, 60_000);
});

describe('Readiness with a failed component', () => {
  it('is degraded but serving while the others are ready, and not serving when nothing else runs', () => {
    const readiness = new Readiness();
    readiness.expect('data');
    readiness.fail('discord', 'could not start: login refused');
    expect(readiness.report()).toMatchObject({ ok: false, status: 'starting' });
    readiness.ready('data');
    expect(readiness.report()).toEqual({
      ok: true,
      status: 'degraded',
      components: { data: 'ready', discord: 'failed' },
      waiting: [],
      failed: ['discord: could not start: login refused'],
    });
    const alone = new Readiness();
    alone.fail('slack', 'SLACK_BOT_TOKEN: must be a bot token');
    expect(alone.report()).toMatchObject({ ok: false, waiting: ['nothing has started yet'] });
  });
});
