// Builds the Bolt App for Socket Mode or HTTP mode, with Hallway's listeners, ready to start and stop.

import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, SocketModeReceiver, webApi } from '@slack/bolt';
import type { Engine } from '../../src/index.ts';
import type { AgendaMessenger } from '../agenda/agenda-messenger.ts';
import type { DigestPoster } from '../digest/digest-poster.ts';
import type { AskIn } from '../shared/chat-adapter.ts';
import type { ChatServices } from '../shared/chat-services.ts';
import { closeServer } from '../shared/http-guards.ts';
import type { Logger } from '../shared/logger.ts';
import { createSlackAgendaMessenger } from './agenda-slack.ts';
import { createAnswerPoster } from './answer-poster.ts';
import { boltLogger } from './bolt-logger.ts';
import type { SlackConfig } from './config.ts';
import { type ConnectionWatch, watchSocketConnection } from './connection-log.ts';
import { createSharedDeduper, type EventDeduper } from './dedupe.ts';
import { createSlackHttpServer, SLACK_BODY_LIMIT_BYTES } from './http-front.ts';
import { slackInstallationStore } from './installation-store.ts';
import { registerListeners } from './listeners.ts';
import manifest from './manifest.json' with { type: 'json' };
import type { Outcome } from './request-guard.ts';
import {
  ANSWER_RETRY_CONFIG,
  answerRetryPolicy,
  NO_RETRY_OPTIONS,
  REQUEST_TIMEOUT_MS,
} from './retry-config.ts';
import { createSlackDigestPoster } from './slack-digest-poster.ts';

/** Multi-workspace mode: where an admin starts installing Hallway, and where Slack sends them back. */
export const INSTALL_PATH = '/slack/install';
export const REDIRECT_PATH = '/slack/oauth_redirect';
/** The bot scopes an installation asks for: the manifest's. */
const MANIFEST_BOT_SCOPES: readonly string[] = manifest.oauth_config.scopes.bot;

/** Where Slack sends events, commands and interactions in HTTP mode (Bolt's default path). */
export const HTTP_ENDPOINT = '/slack/events';

export interface SlackAppOptions {
  readonly config: SlackConfig;
  readonly engine: () => Engine;
  /** With several conferences: answers with the channel's (or the named) conference. */
  readonly ask?: AskIn;
  readonly logger: Logger;
  /** Rate limits, admins, digest subscriptions and reload, from `npm start`; absent, none of them apply. */
  readonly services?: ChatServices;
  /** Told when the Socket Mode connection drops and is back. */
  readonly onConnectionChange?: (connected: boolean) => void;
  /**
   * Web API client options, over Hallway's own (`ANSWER_RETRY_CONFIG`, a 10 s timeout); tests point
   * `slackApiUrl` at a loopback fake and shorten `retryConfig`. The Socket Mode client keeps its own retries.
   */
  readonly clientOptions?: webApi.WebClientOptions;
  /** Overrides `config.connection.port` in HTTP mode; tests pass 0 for a free port. */
  readonly port?: number;
  /** Socket Mode timings (ms); the reconnect delay is `clientPingTimeout` per failed attempt. */
  readonly socket?: { readonly clientPingTimeout?: number; readonly serverPingTimeout?: number };
  /** Test hooks. */
  readonly hooks?: { readonly onOutcome?: (outcome: Outcome) => void; readonly deduper?: EventDeduper };
}

/** A built app: `start` connects (Socket Mode) or listens (HTTP), `stop` closes everything it opened. */
export interface SlackApp {
  readonly app: App;
  readonly mode: SlackConfig['connection']['mode'];
  /** Posts digests through a client that does not retry by itself (the digest runner does). */
  readonly digestPoster: DigestPoster;
  /** Sends agenda reminders and change notices as DMs, through the same non-retrying client. */
  readonly agendaMessenger: AgendaMessenger;
  /** Resolves once connected or listening; in HTTP mode with the port actually bound. */
  start(): Promise<{ readonly port?: number }>;
  stop(): Promise<void>;
}

/**
 * Resolves the bot's identity (from the config, else one `auth.test`), then builds the App with Hallway's
 * listeners. Rejects with a message naming the variable when Slack refuses the token.
 */
export async function createSlackApp(options: SlackAppOptions): Promise<SlackApp> {
  const { config, logger } = options;
  const log = boltLogger(logger);
  const clientOptions: webApi.WebClientOptions = {
    retryConfig: ANSWER_RETRY_CONFIG,
    timeout: REQUEST_TIMEOUT_MS,
    ...(config.apiUrl === undefined ? {} : { slackApiUrl: config.apiUrl }),
    ...options.clientOptions,
  };
  // With one token, the bot's ids are known at start; with OAuth, each workspace's come with its installation.
  const identity = config.oauth === undefined ? await resolveIdentity(config, clientOptions) : undefined;
  const common = {
    ...(identity === undefined
      ? {}
      : { token: config.botToken, botId: identity.botId, botUserId: identity.botUserId }),
    logger: log,
    clientOptions,
    convoStore: false as const,
  };
  const { connection } = config;
  let app: App;
  let receiver: SocketModeReceiver | HTTPReceiver;
  let watch: ConnectionWatch | undefined;
  let signingSecret = '';
  if (connection.mode === 'socket') {
    receiver = new SocketModeReceiver({
      appToken: connection.appToken,
      logger: log,
      // A copy: the Socket Mode client writes its own retry policy into the options it is given.
      // Its apps.connections.open keeps Socket Mode's own patient retries (100) unless a test overrides them.
      installerOptions: { clientOptions: { timeout: REQUEST_TIMEOUT_MS, ...options.clientOptions } },
      ...(options.socket?.clientPingTimeout === undefined
        ? {}
        : { clientPingTimeout: options.socket.clientPingTimeout }),
      ...(options.socket?.serverPingTimeout === undefined
        ? {}
        : { serverPingTimeout: options.socket.serverPingTimeout }),
    });
    app = new App({ ...common, socketMode: true, receiver });
    watch = watchSocketConnection(receiver.client, logger, Date.now, options.onConnectionChange);
  } else {
    signingSecret = connection.signingSecret;
    receiver = new HTTPReceiver({
      signingSecret: connection.signingSecret,
      endpoints: HTTP_ENDPOINT,
      logger: log,
      // A long-running server: answer Slack's HTTP request at ack(), then post the answer.
      processBeforeResponse: false,
      bodyLimit: SLACK_BODY_LIMIT_BYTES,
      ...(config.oauth === undefined ? {} : oauthReceiverOptions(config.oauth, options, clientOptions)),
    });
    app = new App({ ...common, receiver });
  }
  const port = options.port ?? (connection.mode === 'http' ? connection.port : 0);
  // Digests and answers are posted through a client that never resends by itself: Hallway retries them, and
  // looks for a post whose reply was lost before trying again.
  const postingClient = new webApi.WebClient(config.botToken, {
    ...clientOptions,
    ...NO_RETRY_OPTIONS,
    logger: log,
  });
  registerListeners(app, {
    engine: options.engine,
    ...(options.ask === undefined ? {} : { ask: options.ask }),
    postAnswer: createAnswerPoster(postingClient, answerRetryPolicy(clientOptions.retryConfig)),
    logger,
    deduper:
      options.hooks?.deduper ??
      createSharedDeduper({
        claims: () => options.services?.eventClaims?.(),
        onStoreError: (error) =>
          logger.warn({ err: error }, 'event de-duplication: the store failed; using memory'),
      }),
    ...(options.services === undefined ? {} : { services: options.services }),
    ...(options.hooks?.onOutcome === undefined ? {} : { onOutcome: options.hooks.onOutcome }),
  });

  let server: Server | undefined;
  // Multi-workspace mode: digests and DMs go out with the token of the workspace they are for.
  const tokenFor =
    config.oauth === undefined
      ? undefined
      : (workspaceId: string) => installedToken(options.services, workspaceId);
  return {
    app,
    mode: connection.mode,
    digestPoster: createSlackDigestPoster(postingClient, tokenFor),
    agendaMessenger: createSlackAgendaMessenger(
      postingClient,
      answerRetryPolicy(clientOptions.retryConfig),
      tokenFor === undefined ? {} : { tokenFor },
    ),
    async start() {
      if (receiver instanceof SocketModeReceiver) {
        await app.start();
        logger.info({ botUserId: identity?.botUserId }, 'Slack connected (Socket Mode)');
        return {};
      }
      // Hallway's own server in front of the receiver (not app.start): it checks before Bolt buffers anything.
      server = createSlackHttpServer({ receiver, signingSecret, endpoint: HTTP_ENDPOINT, logger });
      await listen(server, port);
      const bound = (server.address() as AddressInfo).port;
      logger.info({ port: bound, path: HTTP_ENDPOINT }, 'Slack listening (HTTP mode)');
      return { port: bound };
    },
    async stop() {
      if (receiver instanceof SocketModeReceiver) {
        // A shutdown is not an outage: stop watching first. Bolt's stop() does not wait for the WebSocket
        // close handshake; wait here so no timer is left.
        watch?.stop();
        await receiver.client.disconnect();
        return;
      }
      if (server !== undefined) await closeServer(server);
      server = undefined;
    },
  };
}

/** Listens on `port` (all interfaces, as Bolt did), resolving once bound; rejects when it cannot (port taken). */
function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/**
 * Bolt's OAuth installer: /slack/install redirects to Slack with a signed state (and a cookie binding it to the
 * browser), /slack/oauth_redirect checks both before exchanging the code, and installations go to the store.
 */
function oauthReceiverOptions(
  oauth: NonNullable<SlackConfig['oauth']>,
  options: SlackAppOptions,
  clientOptions: webApi.WebClientOptions,
) {
  return {
    clientId: oauth.clientId,
    clientSecret: oauth.clientSecret,
    stateSecret: oauth.stateSecret,
    scopes: [...MANIFEST_BOT_SCOPES],
    installationStore: slackInstallationStore(() => options.services?.installations?.()),
    installerOptions: {
      installPath: INSTALL_PATH,
      redirectUriPath: REDIRECT_PATH,
      directInstall: true,
      stateVerification: true,
      clientOptions,
    },
  };
}

/** A workspace's bot token, from its installation; undefined when it is not installed (the post then fails). */
async function installedToken(
  services: ChatServices | undefined,
  workspaceId: string,
): Promise<string | undefined> {
  const found = await services?.installations?.()?.find('slack', workspaceId);
  const token = (found?.data as { bot?: { token?: unknown } } | undefined)?.bot?.token;
  return typeof token === 'string' ? token : undefined;
}

/** The bot's ids, from the config when both are given (no network), else from `auth.test`. */
async function resolveIdentity(
  config: SlackConfig,
  clientOptions: webApi.WebClientOptions,
): Promise<{ botId: string; botUserId: string }> {
  if (config.botId !== undefined && config.botUserId !== undefined) {
    return { botId: config.botId, botUserId: config.botUserId };
  }
  let result: webApi.AuthTestResponse;
  try {
    result = await new webApi.WebClient(config.botToken, clientOptions).auth.test();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Slack refused SLACK_BOT_TOKEN (auth.test failed: ${reason})`, { cause: error });
  }
  if (result.user_id === undefined || result.bot_id === undefined) {
    throw new Error('SLACK_BOT_TOKEN is not a bot token: auth.test returned no bot_id/user_id');
  }
  return { botId: result.bot_id, botUserId: result.user_id };
}
