// `npm start`: load the environment and the dataset, start every configured chat adapter, else the console.
import { config as loadDotenv } from 'dotenv';
import { runConsole } from './console/console-adapter.ts';
import { discordAdapterFactory } from './discord/discord-adapter.ts';
import type { AdapterFactory, ChatAdapter } from './shared/chat-adapter.ts';
import { readCoreEnv } from './shared/env.ts';
import { createLogger } from './shared/logger.ts';
import { openData } from './shared/open-engine.ts';
import { slackAdapterFactory } from './slack/slack-adapter.ts';

/** Chat platforms, in start order. Each decides from its own variables whether it runs. */
const FACTORIES: readonly AdapterFactory[] = [slackAdapterFactory, discordAdapterFactory];

async function main(): Promise<number> {
  loadDotenv({ quiet: true });
  const env = readCoreEnv(process.env);
  if (!env.ok) {
    console.error(
      `Hallway cannot start; fix these variables (see .env.example):\n  ${env.problems.join('\n  ')}`,
    );
    return 2;
  }
  const { fixedNow, configFile, cacheDir, timeZone, refreshMinutes } = env.value;
  const logger = createLogger({ level: env.value.logLevel });
  const opened = await openData({
    entries: env.value.dataPaths,
    logger,
    refreshMinutes,
    ...(configFile === undefined ? {} : { configFile }),
    ...(fixedNow === undefined ? {} : { fixedNow }),
    ...(cacheDir === undefined ? {} : { cacheDir }),
    ...(timeZone === undefined ? {} : { timeZone }),
  });
  if (!opened.ok) {
    console.error(
      `Hallway refuses to start: the data could not be loaded.\n  ${opened.problems.join('\n  ')}`,
    );
    return 1;
  }
  const { live } = opened;
  live.start();
  const engine = () => live.current();

  const started: ChatAdapter[] = [];
  let failed = 0;
  for (const factory of FACTORIES) {
    const plan = factory.plan({ engine, env: process.env, logger });
    if (plan.kind === 'skip') console.error(`${factory.name}: skipped (${plan.reason}; see .env.example)`);
    if (plan.kind === 'invalid') {
      console.error(
        `${factory.name}: not started; fix these variables (see .env.example):\n  ${plan.problems.join('\n  ')}`,
      );
    }
    if (plan.kind === 'invalid') failed++;
    if (plan.kind === 'start') {
      try {
        await plan.adapter.start();
        started.push(plan.adapter);
        console.error(`${factory.name}: started`);
      } catch (error) {
        // One platform refusing (a wrong token) must not take the others down; it says what to fix.
        failed++;
        console.error(`${factory.name}: could not start. ${(error as Error).message}`);
      }
    }
  }
  if (started.length > 0) {
    const stop = async () => {
      await Promise.allSettled(started.map((adapter) => adapter.stop()));
      process.exit(0);
    };
    process.once('SIGINT', () => void stop());
    process.once('SIGTERM', () => void stop());
    return await new Promise<number>(() => {});
  }
  // A chat platform was configured but none started: fail loudly rather than fall back to the console.
  if (failed > 0) {
    console.error(
      'No chat adapter could start; fix the problems above, or unset their variables to use the console.',
    );
    return 1;
  }

  const interactive = process.stdin.isTTY === true;
  const { conference } = engine().catalog;
  if (FACTORIES.length === 0)
    console.error('No chat adapter is configured; starting the console (see .env.example).');
  await runConsole({
    ask: (question) => engine().ask(question),
    input: process.stdin,
    output: process.stdout,
    interactive,
    greeting: `Hallway for ${conference.name}. Ask a question, "help" for examples, "quit" to leave.`,
  });
  live.stop();
  return 0;
}

process.exitCode = await main();
