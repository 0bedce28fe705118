// The Slack entry for `npm start`: decide from the environment, then connect Hallway to one workspace.
import type { AdapterFactory, ChatAdapter } from '../shared/chat-adapter.ts';
import { readSlackConfig } from './config.ts';
import type { SlackApp } from './create-slack-app.ts';

/** Starts when `SLACK_BOT_TOKEN` is set; skips (saying so) when it is not; refuses a broken configuration. */
export const slackAdapterFactory: AdapterFactory = {
  name: 'Slack',
  plan({ engine, env, logger }) {
    const read = readSlackConfig(env);
    if (read.kind !== 'ok') return read;
    const { config } = read;
    const slackLogger = logger.child({ adapter: 'slack', mode: config.connection.mode });
    let running: SlackApp | undefined;
    const adapter: ChatAdapter = {
      name: 'Slack',
      async start() {
        // Bolt is loaded only when Slack starts, so a bot without Slack does not pay for it.
        const { createSlackApp } = await import('./create-slack-app.ts');
        running = await createSlackApp({ config, engine, logger: slackLogger });
        await running.start();
      },
      async stop() {
        await running?.stop();
        running = undefined;
      },
    };
    return { kind: 'start', adapter };
  },
};
