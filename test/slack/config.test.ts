// The Slack configuration: skip without a bot token, one problem per variable, Socket Mode or HTTP mode.
import { describe, expect, it } from 'vitest';
import { readSlackConfig } from '../../adapters/slack/config.ts';
import {
  FAKE_SLACK_APP_TOKEN,
  FAKE_SLACK_BOT_TOKEN,
  FAKE_SLACK_USER_TOKEN,
} from '../helpers/fake-credentials.ts';

const BOT = FAKE_SLACK_BOT_TOKEN;
const APP = FAKE_SLACK_APP_TOKEN;
const SECRET = 'a3f1c0de5b7e4d2f9a8b6c4d2e0f1a3b';

describe('readSlackConfig', () => {
  it('skips Slack, with the reason, when SLACK_BOT_TOKEN is unset or empty', () => {
    expect(readSlackConfig({})).toEqual({ kind: 'skip', reason: 'SLACK_BOT_TOKEN is not set' });
    expect(readSlackConfig({ SLACK_BOT_TOKEN: ' ', SLACK_APP_TOKEN: APP })).toMatchObject({ kind: 'skip' });
  });

  it('uses Socket Mode by default', () => {
    expect(readSlackConfig({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP, SLACK_SIGNING_SECRET: '' })).toEqual(
      {
        kind: 'ok',
        config: { botToken: BOT, connection: { mode: 'socket', appToken: APP } },
      },
    );
  });

  it('uses HTTP mode when SLACK_SIGNING_SECRET and SLACK_PORT are set, and reads the optional bot ids', () => {
    const env = {
      SLACK_BOT_TOKEN: BOT,
      SLACK_APP_TOKEN: APP,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_PORT: '3000',
      SLACK_BOT_ID: 'B0HALLWAY',
      SLACK_BOT_USER_ID: 'U0HALLWAY',
    };
    expect(readSlackConfig(env)).toEqual({
      kind: 'ok',
      config: {
        botToken: BOT,
        botId: 'B0HALLWAY',
        botUserId: 'U0HALLWAY',
        connection: { mode: 'http', signingSecret: SECRET, port: 3000 },
      },
    });
  });

  it.each([
    [{ SLACK_BOT_TOKEN: BOT }, ['SLACK_APP_TOKEN: is required for Socket Mode']],
    [
      { SLACK_BOT_TOKEN: FAKE_SLACK_USER_TOKEN, SLACK_APP_TOKEN: FAKE_SLACK_BOT_TOKEN },
      [
        'SLACK_BOT_TOKEN: must be a bot token starting with xoxb-',
        'SLACK_APP_TOKEN: must be an app-level token',
      ],
    ],
    [{ SLACK_BOT_TOKEN: BOT, SLACK_PORT: '3000' }, ['SLACK_SIGNING_SECRET: is required for HTTP mode']],
    [{ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET }, ['SLACK_PORT: is required for HTTP mode']],
    [
      { SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: 'not hex!', SLACK_PORT: '99999' },
      [
        'SLACK_SIGNING_SECRET: must be the hex signing secret',
        'SLACK_PORT: must be a port number from 1 to 65535',
      ],
    ],
    [
      { SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP, SLACK_BOT_ID: 'U123', SLACK_BOT_USER_ID: 'B123' },
      ['SLACK_BOT_ID: must be a bot id', 'SLACK_BOT_USER_ID: must be the bot user id'],
    ],
  ])('refuses %j, naming each variable', (env, expected) => {
    const result = readSlackConfig(env);
    expect(result.kind).toBe('invalid');
    const problems = result.kind === 'invalid' ? result.problems : [];
    expect(problems).toHaveLength(expected.length);
    for (const [index, start] of expected.entries()) expect(problems[index]).toContain(start);
  });
});
