// The Slack factory as `npm start` uses it: skip, refuse, start and stop; and a refused token at start.
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../adapters/shared/logger.ts';
import { createSlackApp } from '../../adapters/slack/create-slack-app.ts';
import { slackAdapterFactory } from '../../adapters/slack/slack-adapter.ts';
import { DEFAULT_DATASET, engineFor } from '../helpers/engines.ts';
import { FAKE_SLACK_APP_TOKEN, FAKE_SLACK_BOT_TOKEN } from '../helpers/fake-credentials.ts';
import { runProcess } from '../helpers/run-process.ts';
import { startFakeSlack } from './fake-slack.ts';
import { freePort } from './ports.ts';
import { postSigned, SIGNING_SECRET } from './slack-requests.ts';

const engine = engineFor(DEFAULT_DATASET);
const deps = (env: Record<string, string>) => ({ engine: () => engine, env, logger: silentLogger() });

describe('slackAdapterFactory', () => {
  it('is named "Slack" and skips, with the reason, without SLACK_BOT_TOKEN', () => {
    expect(slackAdapterFactory.name).toBe('Slack');
    expect(slackAdapterFactory.plan(deps({}))).toEqual({
      kind: 'skip',
      reason: 'SLACK_BOT_TOKEN is not set',
    });
  });

  it('refuses a token without a connection mode, naming the variable', () => {
    const plan = slackAdapterFactory.plan(deps({ SLACK_BOT_TOKEN: FAKE_SLACK_BOT_TOKEN }));
    expect(plan.kind).toBe('invalid');
    expect(plan.kind === 'invalid' && plan.problems[0]).toMatch(
      /^SLACK_APP_TOKEN: is required for Socket Mode/,
    );
  });

  it('starts in HTTP mode on SLACK_PORT, answers Slack, and stops', async () => {
    const port = await freePort();
    const plan = slackAdapterFactory.plan(
      deps({
        SLACK_BOT_TOKEN: FAKE_SLACK_BOT_TOKEN,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_PORT: String(port),
        SLACK_BOT_ID: 'B0HALLWAY',
        SLACK_BOT_USER_ID: 'U0HALLWAY',
      }),
    );
    if (plan.kind !== 'start') throw new Error(`expected start, got ${JSON.stringify(plan)}`);
    await plan.adapter.start();
    try {
      const body = JSON.stringify({ type: 'url_verification', challenge: 'ping' });
      const response = await postSigned(`http://127.0.0.1:${port}/slack/events`, body, 'application/json');
      expect(JSON.parse(response.text)).toEqual({ challenge: 'ping' });
    } finally {
      await plan.adapter.stop();
    }
    await expect(fetch(`http://127.0.0.1:${port}/slack/events`, { method: 'POST' })).rejects.toThrow();
  });

  it('a token Slack refuses at start is an error naming SLACK_BOT_TOKEN', async () => {
    const fake = await startFakeSlack();
    try {
      fake.failNext('auth.test', 'invalid_auth');
      await expect(
        createSlackApp({
          config: {
            botToken: FAKE_SLACK_BOT_TOKEN,
            connection: { mode: 'socket', appToken: FAKE_SLACK_APP_TOKEN },
          },
          engine: () => engine,
          logger: silentLogger(),
          clientOptions: { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } },
        }),
      ).rejects.toThrow(/SLACK_BOT_TOKEN.*invalid_auth/);
    } finally {
      await fake.close();
    }
  });
});

describe('npm start with Slack half-configured', () => {
  it('names the missing variable and refuses to start rather than silently running a console', async () => {
    const result = await runProcess('node', ['dist/main.js'], {
      input: 'who is Chad Beaudin?\n',
      env: {
        SLACK_BOT_TOKEN: FAKE_SLACK_BOT_TOKEN,
        SLACK_APP_TOKEN: '',
        SLACK_SIGNING_SECRET: '',
        SLACK_PORT: '',
        HALLWAY_DATA: '',
      },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Slack: not started; fix these variables (see .env.example)');
    expect(result.stderr).toContain('SLACK_APP_TOKEN: is required for Socket Mode');
    expect(result.stderr).toContain('No chat adapter could start');
    expect(result.stdout).not.toContain('Chad Beaudin (Boeing)');
  });
});
