// Starts the real Discord adapter (as `npm start` would) against the loopback fake, with its logs captured.
import { Writable } from 'node:stream';
import { createDiscordAdapterFactory } from '../../adapters/discord/discord-adapter.ts';
import type { ChatAdapter } from '../../adapters/shared/chat-adapter.ts';
import { createLogger } from '../../adapters/shared/logger.ts';
import type { Engine } from '../../src/index.ts';
import { DEFAULT_DATASET, engineFor } from '../helpers/engines.ts';
import { type FakeDiscord, type FakeDiscordOptions, startFakeDiscord, TOKEN } from './fake-discord.ts';

/** One JSON log line. */
export type LogLine = { level: number; msg: string } & Record<string, unknown>;

export interface Harness {
  readonly fake: FakeDiscord;
  readonly adapter: ChatAdapter;
  readonly logs: LogLine[];
  close(): Promise<void>;
}

export interface HarnessOptions {
  readonly env?: Record<string, string>;
  readonly fake?: FakeDiscordOptions;
  readonly engine?: () => Engine;
}

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
  const factory = createDiscordAdapterFactory({ rest: { api: fake.api, retries: 0 } });
  const plan = factory.plan({
    engine: options.engine ?? kubeconEngine,
    env: { DISCORD_TOKEN: TOKEN, ...options.env },
    logger,
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
    async close() {
      await adapter.stop();
      await fake.close();
    },
  };
}
