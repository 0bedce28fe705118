// The Slack entry for `npm start`: decide from the environment, then connect Hallway to one workspace.
import type { AdapterFactory, ChatAdapter } from '../shared/chat-adapter.ts';
import { readSlackConfig } from './config.ts';
import type { SlackApp, SlackAppOptions } from './create-slack-app.ts';

/** What a test may set that the environment does not: the fake's API URL, short retries, socket timings. */
export type SlackAdapterOverrides = Pick<SlackAppOptions, 'clientOptions' | 'socket' | 'port' | 'hooks'>;

/**
 * The factory, with `overrides` passed to `createSlackApp`. Starts when `SLACK_BOT_TOKEN` is set; skips
 * (saying so) when it is not; refuses a broken configuration. Once started, it posts digests too.
 */
export function createSlackAdapterFactory(overrides: SlackAdapterOverrides = {}): AdapterFactory {
  return {
    name: 'Slack',
    plan({ engine, ask, env, logger, services, onConnectionChange }) {
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
          const app = await createSlackApp({
            ...overrides,
            config,
            engine,
            ...(ask === undefined ? {} : { ask }),
            logger: slackLogger,
            ...(services === undefined ? {} : { services }),
            ...(onConnectionChange === undefined ? {} : { onConnectionChange }),
          });
          await app.start();
          running = app;
        },
        async stop() {
          const app = running;
          running = undefined;
          await app?.stop();
        },
        digestPoster: () => running?.digestPoster,
        agendaMessenger: () => running?.agendaMessenger,
      };
      return { kind: 'start', adapter };
    },
  };
}

/** The factory `npm start` registers. */
export const slackAdapterFactory: AdapterFactory = createSlackAdapterFactory();
