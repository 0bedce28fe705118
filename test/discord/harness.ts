// Starts the real Discord adapter (as `npm start` would) against the loopback fake, with its logs captured.
import { Writable } from 'node:stream';
import type { RESTOptions, WebSocketOptions } from 'discord.js';
import type { ChannelPlace } from '../../adapters/conferences/binding-store.ts';
import { createDiscordAdapterFactory } from '../../adapters/discord/discord-adapter.ts';
import type { AskIn, ChatAdapter } from '../../adapters/shared/chat-adapter.ts';
import type { ChatServices } from '../../adapters/shared/chat-services.ts';
import { createLogger, type Logger } from '../../adapters/shared/logger.ts';
import type { Engine } from '../../src/index.ts';
import { DEFAULT_DATASET, engineFor } from '../helpers/engines.ts';
import { type FakeDiscord, type FakeDiscordOptions, startFakeDiscord } from './fake-discord.ts';
import { TOKEN } from './fake-discord-world.ts';

/** One JSON log line. */
export type LogLine = { level: number; msg: string } & Record<string, unknown>;

export interface Harness {
  readonly fake: FakeDiscord;
  readonly adapter: ChatAdapter;
  readonly logs: LogLine[];
  /** The logger the adapter writes to (into `logs`), for the digest scheduler beside it. */
  readonly logger: Logger;
  /** What the adapter told `npm start` about its connection (false: dropped, true: back), for /healthz. */
  readonly connection: boolean[];
  close(): Promise<void>;
}

export interface HarnessOptions {
  readonly env?: Record<string, string>;
  readonly fake?: FakeDiscordOptions;
  readonly engine?: () => Engine;
  /** With several conferences: what `npm start` gives as `ask` (the channel's or the named conference). */
  readonly ask?: AskIn;
  /** With several conferences: the channel's conference's engine, for suggestions. */
  readonly engineIn?: (place: ChannelPlace) => Promise<Engine>;
  /** The services `npm start` would give, built on the harness's logger so their audit lines are captured. */
  readonly services?: (logger: Logger) => ChatServices;
  /** Times gateway outages. */
  readonly clock?: () => number;
  /** Overrides of Hallway's own REST policy, which the harness otherwise keeps (only `api` points at the fake). */
  readonly rest?: Partial<RESTOptions>;
  readonly ws?: WebSocketOptions;
}

/**
 * Gateway options that skip discord.js's identify throttle (one IDENTIFY per 5 s, Discord's limit), which the
 * fake does not impose: a test of a new session then needs no five-second wait.
 */
export const NO_IDENTIFY_THROTTLE: WebSocketOptions = {
  buildIdentifyThrottler: () => ({ waitForIdentify: async () => {} }),
};

let sharedEngine: Engine | undefined;

/** The engine over the embedded KubeCon dataset, built once per test file. */
export function kubeconEngine(): Engine {
  sharedEngine ??= engineFor(DEFAULT_DATASET);
  return sharedEngine;
}

/** A capturing pino logger: every line parsed into `logs`. */
export function captureLogs() {
  const logs: LogLine[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n'))
        if (line.trim() !== '') logs.push(JSON.parse(line));
      done();
    },
  });
  return { logs, logger: createLogger({ level: 'debug', destination }) };
}

/** The fake, then the adapter planned from `env` (DISCORD_TOKEN preset) and started against it. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const fake = await startFakeDiscord(options.fake);
  const { logs, logger } = captureLogs();
  const connection: boolean[] = [];
  const factory = createDiscordAdapterFactory({
    rest: { api: fake.api, ...options.rest },
    ...(options.ws === undefined ? {} : { ws: options.ws }),
    ...(options.clock === undefined ? {} : { clock: options.clock }),
  });
  const plan = factory.plan({
    engine: options.engine ?? kubeconEngine,
    ...(options.ask === undefined ? {} : { ask: options.ask }),
    ...(options.engineIn === undefined ? {} : { engineIn: options.engineIn }),
    env: { DISCORD_TOKEN: TOKEN, ...options.env },
    logger,
    onConnectionChange: (connected) => connection.push(connected),
    ...(options.services === undefined ? {} : { services: options.services(logger) }),
  });
  if (plan.kind !== 'start') {
    await fake.close();
    throw new Error(`the adapter did not plan to start: ${JSON.stringify(plan)}`);
  }
  const adapter = plan.adapter;
  try {
    await adapter.start();
  } catch (error) {
    await fake.close();
    throw error;
  }
  return {
    fake,
    adapter,
    logs,
    logger,
    connection,
    async close() {
      await adapter.stop();
      await fake.close();
    },
  };
}
