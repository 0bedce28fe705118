// The environment of an `npm start` with Slack in HTTP mode and its ids given, so it starts without reaching Slack.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../slack/ports.ts';
import { FAKE_SLACK_BOT_TOKEN } from './fake-credentials.ts';

/** Slack on a free port, no Discord, the embedded data, a fresh database (unless given); `extra` overrides. */
export async function slackHttpEnv(
  extra: Record<string, string> = {},
): Promise<Record<string, string> & { SLACK_PORT: string }> {
  return {
    SLACK_BOT_TOKEN: FAKE_SLACK_BOT_TOKEN,
    SLACK_APP_TOKEN: '',
    SLACK_SIGNING_SECRET: '0123456789abcdef0123456789abcdef',
    SLACK_PORT: String(await freePort()),
    SLACK_BOT_ID: 'BHALLWAY',
    SLACK_BOT_USER_ID: 'UHALLWAY',
    DISCORD_TOKEN: '',
    HALLWAY_DATA: '',
    HALLWAY_CONFIG: '',
    HALLWAY_HTTP_PORT: '',
    HALLWAY_DB_PATH: join(mkdtempSync(join(tmpdir(), 'hallway-start-')), 'hallway.db'),
    LOG_LEVEL: 'info',
    ...extra,
  };
}
