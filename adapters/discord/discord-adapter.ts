// The Discord adapter for `npm start`: decide from the environment; the connection itself loads only on start.
import type { RESTOptions, WebSocketOptions } from 'discord.js';
import { assertNever } from '../../src/index.ts';
import type { AdapterDependencies, AdapterFactory, ChatAdapter } from '../shared/chat-adapter.ts';
import { type DiscordConfig, readDiscordConfig } from './config.ts';
import type { DiscordAdapter } from './discord-connection.ts';

export { DiscordStartError } from './discord-start-error.ts';

/** Options for tests and embedding; `npm start` uses none. */
export interface DiscordAdapterOptions {
  /** Overrides of Hallway's REST policy (`rest-policy.ts`); tests point `api` at a loopback fake. */
  readonly rest?: Partial<RESTOptions>;
  /** Gateway options (tests lift the identify throttle the fake does not need). */
  readonly ws?: WebSocketOptions;
  /** Times gateway outages; `Date.now` by default. */
  readonly clock?: () => number;
}

/** The `AdapterFactory` for `adapters/main.ts`: skipped without DISCORD_TOKEN, refused on malformed variables. */
export function createDiscordAdapterFactory(options: DiscordAdapterOptions = {}): AdapterFactory {
  return {
    name: 'Discord',
    plan(dependencies) {
      const result = readDiscordConfig(dependencies.env);
      switch (result.kind) {
        case 'skip':
          return { kind: 'skip', reason: result.reason };
        case 'invalid':
          return { kind: 'invalid', problems: result.problems };
        case 'ok':
          return { kind: 'start', adapter: lazyAdapter(result.config, dependencies, options) };
        default:
          return assertNever(result);
      }
    },
  };
}

/** The factory `npm start` uses. */
export const discordAdapterFactory = createDiscordAdapterFactory();

/** A ChatAdapter whose discord.js side is imported when it starts. */
function lazyAdapter(
  config: DiscordConfig,
  dependencies: AdapterDependencies,
  options: DiscordAdapterOptions,
): ChatAdapter {
  let connection: DiscordAdapter | undefined;
  return {
    name: 'Discord',
    async start() {
      const { DiscordAdapter } = await import('./discord-connection.ts');
      connection = new DiscordAdapter(config, dependencies, options);
      await connection.start();
    },
    async stop() {
      await connection?.stop();
      connection = undefined;
    },
    digestPoster() {
      return connection?.digestPoster();
    },
    agendaMessenger() {
      return connection?.agendaMessenger();
    },
  };
}
