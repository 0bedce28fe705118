// The Discord adapter for `npm start`: decide from the environment; the connection itself loads only on start.
import type { RESTOptions, WebSocketOptions } from 'discord.js';
import { assertNever } from '../../src/index.ts';
import type { AdapterDependencies, AdapterFactory, ChatAdapter } from '../shared/chat-adapter.ts';
import { type DiscordConfig, readDiscordConfig } from './config.ts';
import type { DiscordAdapter } from './discord-connection.ts';
import { readInteractionsConfig } from './interactions-config.ts';
import type { InteractionsServer } from './interactions-server.ts';

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

/**
 * The `AdapterFactory` for `adapters/main.ts`: the gateway with DISCORD_TOKEN, the HTTP interactions endpoint with
 * DISCORD_PUBLIC_KEY and DISCORD_INTERACTIONS_PORT, either or both; skipped with neither, refused on malformed
 * variables.
 */
export function createDiscordAdapterFactory(options: DiscordAdapterOptions = {}): AdapterFactory {
  return {
    name: 'Discord',
    plan(dependencies) {
      const result = readDiscordConfig(dependencies.env);
      const http = readInteractionsConfig(dependencies.env);
      const problems = [
        ...(result.kind === 'invalid' ? result.problems : []),
        ...(http.kind === 'invalid' ? http.problems : []),
      ];
      if (problems.length > 0) return { kind: 'invalid', problems };
      const endpoint = http.kind === 'ok' ? http : undefined;
      switch (result.kind) {
        case 'skip':
          return endpoint === undefined
            ? { kind: 'skip', reason: result.reason }
            : { kind: 'start', adapter: withInteractionsEndpoint(undefined, endpoint, dependencies) };
        case 'invalid':
          return { kind: 'invalid', problems };
        case 'ok': {
          const gateway = lazyAdapter(result.config, dependencies, options);
          return {
            kind: 'start',
            adapter:
              endpoint === undefined ? gateway : withInteractionsEndpoint(gateway, endpoint, dependencies),
          };
        }
        default:
          return assertNever(result);
      }
    },
  };
}

/** The gateway adapter (if any) and the HTTP interactions endpoint, started and stopped together. */
function withInteractionsEndpoint(
  gateway: ChatAdapter | undefined,
  endpoint: { readonly publicKey: string; readonly port: number },
  dependencies: AdapterDependencies,
): ChatAdapter {
  let server: InteractionsServer | undefined;
  return {
    name: 'Discord',
    async start() {
      // Loaded on start, like the gateway: answering needs discord.js's enums and the renderers.
      const { startInteractionsServer } = await import('./interactions-server.ts');
      server = await startInteractionsServer({
        ...endpoint,
        engine: dependencies.engine,
        ...(dependencies.ask === undefined ? {} : { ask: dependencies.ask }),
        logger: dependencies.logger.child({ adapter: 'discord', mode: 'http' }),
        ...(dependencies.services === undefined ? {} : { services: dependencies.services }),
      });
      await gateway?.start();
    },
    async stop() {
      await gateway?.stop();
      await server?.close();
      server = undefined;
    },
    digestPoster: () => gateway?.digestPoster?.(),
    agendaMessenger: () => gateway?.agendaMessenger?.(),
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
