// A Slack app in Socket Mode on the real Bolt SocketModeReceiver, connected to a fresh loopback fake.
import {
  createSlackApp,
  type SlackApp,
  type SlackAppOptions,
} from '../../adapters/slack/create-slack-app.ts';
import { FAKE_SLACK_APP_TOKEN, FAKE_SLACK_BOT_TOKEN } from '../helpers/fake-credentials.ts';
import { type FakeSlack, startFakeSlack } from './fake-slack.ts';

export interface SocketSlack {
  readonly fake: FakeSlack;
  readonly slack: SlackApp;
  stop(): Promise<void>;
}

/**
 * Starts the fake, then the app against it (no Web API retries, a 300 ms ping timeout so reconnects are quick).
 * Without `ids` the app asks the fake's auth.test who it is. `options` add to or override those.
 */
export async function startSocketSlack(
  options: Pick<SlackAppOptions, 'engine' | 'logger'> &
    Partial<Omit<SlackAppOptions, 'config'>> & { readonly ids?: { botId: string; botUserId: string } },
): Promise<SocketSlack> {
  const { ids, ...rest } = options;
  const fake = await startFakeSlack();
  const slack = await createSlackApp({
    config: {
      botToken: FAKE_SLACK_BOT_TOKEN,
      ...ids,
      connection: { mode: 'socket', appToken: FAKE_SLACK_APP_TOKEN },
    },
    clientOptions: { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } },
    socket: { clientPingTimeout: 300 },
    ...rest,
  });
  await slack.start();
  return {
    fake,
    slack,
    async stop() {
      await slack.stop();
      await fake.close();
    },
  };
}
