// `npm start`: load the environment and the dataset, start every configured chat adapter, else the console.

import type { AskOptions } from '../src/index.ts';
import { type AgendaRuntime, createAgendaRuntime } from './agenda/agenda-runtime.ts';
import type { BindingStore, ChannelPlace } from './conferences/binding-store.ts';
import { createConferenceDigests } from './conferences/conference-digests.ts';
import { registerConferenceMetrics } from './conferences/conference-metrics.ts';
import type { ConferenceRegistry } from './conferences/conference-registry.ts';
import { ConferenceService } from './conferences/conference-service.ts';
import { readConferencesFile } from './conferences/conferences-config.ts';
import { openConferences } from './conferences/open-conferences.ts';
import { runConsole } from './console/console-adapter.ts';
import { createConsoleAgenda } from './console/console-agenda.ts';
import { type DigestConfig, readDigestConfig } from './digest/digest-config.ts';
import { createDigestRuntime, type DigestRuntime } from './digest/digest-runtime.ts';
import type { PostOutcome } from './digest/post-digest.ts';
import { discordAdapterFactory } from './discord/discord-adapter.ts';
import { countRefreshes } from './ops/count-refreshes.ts';
import { engineInstrumenter, instrumentEngine } from './ops/instrument-engine.ts';
import { recordDigestPost } from './ops/metrics-sink.ts';
import { type Operations, startOperations } from './ops/operations.ts';
import { parseAdminList } from './shared/admins.ts';
import type { AdapterFactory, ChatAdapter } from './shared/chat-adapter.ts';
import { codeCacheCheckpoint } from './shared/code-cache.ts';
import { ConversationMemory } from './shared/conversation-memory.ts';
import { createChatServices } from './shared/create-chat-services.ts';
import { readCoreEnv } from './shared/env.ts';
import { loadDotenvUnlessDisabled } from './shared/load-dotenv.ts';
import { createLogger, type Logger } from './shared/logger.ts';
import { openData } from './shared/open-engine.ts';
import { DEFAULT_CACHE_DIR } from './shared/paths.ts';
import { PLATFORMS, type Platform } from './shared/platforms.ts';
import { readRateLimitConfig } from './shared/rate-limit-config.ts';
import type { RateLimitConfig } from './shared/rate-limiter.ts';
import { slackAdapterFactory } from './slack/slack-adapter.ts';
import type { LiveData } from './sources/live-data.ts';
import { openStore, type StoreChoice } from './store/open-store.ts';
import type { HallwayStore } from './store/store.ts';

/** Each platform's adapter; the compiler asks for one per entry of PLATFORMS. Each decides whether it runs. */
const FACTORY_OF = {
  slack: slackAdapterFactory,
  discord: discordAdapterFactory,
} as const satisfies Record<Platform, AdapterFactory>;
/** Chat platforms, in start order (PLATFORMS' order). */
const FACTORIES = PLATFORMS.map((platform) => ({ platform, factory: FACTORY_OF[platform] }));

/** An exit code, or `running`: adapters or the HTTP endpoints keep the process up until SIGTERM or SIGINT. */
type Outcome = number | 'running';

async function main(): Promise<Outcome> {
  loadDotenvUnlessDisabled();
  const env = readCoreEnv(process.env);
  const digestConfig = readDigestConfig(process.env);
  const rateLimits = readRateLimitConfig(process.env);
  const problems = [env, digestConfig, rateLimits].flatMap((read) => (read.ok ? [] : read.problems));
  if (!env.ok || !digestConfig.ok || !rateLimits.ok) {
    console.error(
      `Hallway cannot start; fix these variables (see .env.example):\n  ${problems.join('\n  ')}`,
    );
    return 2;
  }
  const { fixedNow, configFile, cacheDir, timeZone, refreshMinutes, http } = env.value;
  const logger = createLogger({ level: env.value.logLevel });
  const started = await startOperations({ logger, ...(http === undefined ? {} : { http }) });
  if (!started.ok) {
    console.error(`Hallway cannot start; fix these variables (see .env.example):\n  ${started.problem}`);
    return 2;
  }
  const { ops } = started;
  ops.readiness.expect('data', 'loading');
  // A file listing several conferences: each is opened on first use; the default one now.
  const conferencesFile = configFile === undefined ? undefined : readConferencesFile(configFile);
  if (conferencesFile !== undefined && !conferencesFile.ok) {
    console.error(
      `Hallway cannot start; fix the conferences file:\n  ${conferencesFile.problems.join('\n  ')}`,
    );
    await ops.server?.close();
    return 2;
  }
  const opened = conferencesFile?.ok
    ? await openConferences({
        config: conferencesFile.config,
        logger,
        cacheDir: cacheDir ?? DEFAULT_CACHE_DIR,
        ...(fixedNow === undefined ? {} : { fixedNow }),
        ...(timeZone === undefined ? {} : { timeZone }),
        onLoad: (_id, loaded) => {
          if (ops.metrics !== undefined) countRefreshes(loaded, ops.metrics);
        },
      })
    : await openData({
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
    await ops.server?.close();
    return 1;
  }
  const registry = 'registry' in opened ? opened.registry : undefined;
  const live = 'registry' in opened ? opened.defaultLive : opened.live;
  if (registry === undefined) {
    if (ops.metrics !== undefined) countRefreshes(live, ops.metrics);
    live.start();
    ops.shutdown.onShutdown('source refresh', () => live.stop(), 'intake');
  } else {
    ops.shutdown.onShutdown('source refresh', () => registry.stop(), 'intake');
    if (ops.metricsRegistry !== undefined) registerConferenceMetrics(ops.metricsRegistry, registry);
  }
  ops.readiness.ready('data');
  codeCacheCheckpoint();

  const chat = await startChatAdapters(live, ops, logger, {
    digest: digestConfig.value,
    rateLimits: rateLimits.value,
    ...(registry === undefined ? {} : { registry }),
  });
  if (chat.started > 0) return 'running';
  if (chat.fatal !== undefined) {
    // A database path it cannot use is a configuration problem, like a wrong variable: exit 2.
    console.error(chat.fatal);
    await ops.server?.close();
    return 2;
  }
  // A chat platform was configured but none started: fail loudly rather than fall back to the console.
  if (chat.failed > 0) {
    console.error(
      'No chat adapter could start; fix the problems above, or unset their variables to use the console.',
    );
    await ops.server?.close();
    return 1;
  }
  return runConsoleUntilDone(live, ops, logger, storeChoice(digestConfig.value));
}

/**
 * Starts every configured platform; each answers through its own instrumented engine and shares the services.
 * When any will start, the digest's database is opened first: a file it cannot use stops the start (`fatal`).
 */
async function startChatAdapters(
  live: LiveData,
  ops: Operations,
  logger: Logger,
  config: {
    readonly digest: DigestConfig;
    readonly rateLimits: RateLimitConfig;
    readonly registry?: ConferenceRegistry;
  },
): Promise<{ started: number; failed: number; fatal?: string }> {
  const { readiness, shutdown, metrics } = ops;
  const started: ChatAdapter[] = [];
  let failed = 0;
  let digest: DigestRuntime | undefined;
  let bindings: BindingStore | undefined;
  const conferences =
    config.registry === undefined
      ? undefined
      : new ConferenceService({
          registry: config.registry,
          bindings: () => bindings,
          clock: Date.now,
          logger,
        });
  let agenda: AgendaRuntime | undefined;
  const services = createChatServices({
    live,
    rateLimits: config.rateLimits,
    admins: parseAdminList(process.env.HALLWAY_ADMINS),
    digest: () => digest,
    agenda: () => agenda?.service,
    logger,
    ...(conferences === undefined ? {} : { conferences }),
  });
  const plans = FACTORIES.map(({ platform, factory }) => {
    const instrumentation = {
      platform,
      logger,
      inFlight: shutdown.inFlight,
      ...(metrics === undefined ? {} : { metrics }),
    };
    const engine = instrumentEngine(() => live.current(), instrumentation);
    const wrap = engineInstrumenter(instrumentation);
    const ask =
      conferences === undefined
        ? {}
        : {
            ask: (question: string, place: ChannelPlace, options?: AskOptions) =>
              conferences.ask(question, place, wrap, options),
            engineIn: async (place: ChannelPlace) =>
              conferences.registry.engine(await conferences.conferenceOf(place)),
          };
    // A dropped connection turns /healthz to 503 until it is back.
    const onConnectionChange = (connected: boolean) =>
      connected ? readiness.ready(platform) : readiness.expect(platform, 'reconnecting');
    return {
      factory,
      platform,
      plan: factory.plan({ engine, ...ask, env: process.env, logger, services, onConnectionChange }),
    };
  });
  for (const { factory, platform, plan } of plans) {
    if (plan.kind === 'skip') console.error(`${factory.name}: skipped (${plan.reason}; see .env.example)`);
    if (plan.kind === 'invalid') {
      failed++;
      // Configured but not running: /healthz says so (degraded, with the reason) while the others serve.
      readiness.fail(platform, plan.problems.join('; '));
      console.error(
        `${factory.name}: not started; fix these variables (see .env.example):\n  ${plan.problems.join('\n  ')}`,
      );
    }
  }
  if (!plans.some(({ plan }) => plan.kind === 'start')) return { started: 0, failed };
  // One store for all of Hallway's state: the SQLite file, or PostgreSQL with DATABASE_URL (then nothing is
  // kept in the file).
  let opened: HallwayStore;
  try {
    opened = await openStore(storeChoice(config.digest));
  } catch (error) {
    return { started: 0, failed, fatal: `Hallway refuses to start: ${(error as Error).message}` };
  }
  bindings = opened.bindings;
  const common = {
    config: config.digest,
    store: opened,
    posters: () => started.flatMap((adapter) => adapter.digestPoster?.() ?? []),
    clock: Date.now,
    logger,
    onOutcome: (outcome: PostOutcome) => {
      if (outcome.kind === 'posted' || outcome.kind === 'failed') {
        recordDigestPost(outcome.key.platform, outcome.kind === 'posted');
      }
    },
  };
  const running =
    conferences === undefined
      ? createDigestRuntime({ ...common, engine: () => live.current() })
      : // Each conference's digest goes to the channels bound to it.
        createConferenceDigests({
          ...common,
          registry: conferences.registry,
          conferenceOf: (place) => conferences.conferenceOf(place),
        });
  digest = running;
  const agendaRuntime = createAgendaRuntime({
    store: opened,
    engine: () => live.current(),
    messengers: () => started.flatMap((adapter) => adapter.agendaMessenger?.() ?? []),
    clock: Date.now,
    logger,
    leaseMs: config.digest.leaseMs,
  });
  agenda = agendaRuntime;
  shutdown.onShutdown('agenda reminders', () => agendaRuntime.stop(), 'intake');
  // Replicas sharing PostgreSQL fetch each source once per interval between them, not once each.
  if (opened.engine === 'postgres')
    live.share({ copies: opened.sources, withLock: (name, work) => opened.withLock(name, work) });
  // Stop posting with the other intake, let posts in flight finish, and close the store after the platforms.
  shutdown.onShutdown('digest scheduler', () => running.stop(), 'intake');
  shutdown.onShutdown('database', () => opened.close(), 'close');
  for (const { factory, platform, plan } of plans) {
    if (plan.kind !== 'start') continue;
    readiness.expect(platform, 'connecting');
    try {
      await plan.adapter.start();
      started.push(plan.adapter);
      shutdown.onShutdown(factory.name, () => plan.adapter.stop(), 'disconnect');
      readiness.ready(platform);
      console.error(`${factory.name}: started`);
    } catch (error) {
      // One platform refusing (a wrong token) must not take the others down; it says what to fix.
      failed++;
      readiness.fail(platform, `could not start: ${(error as Error).message}`);
      console.error(`${factory.name}: could not start. ${(error as Error).message}`);
    }
  }
  if (started.length === 0) {
    await agendaRuntime.stop();
    await running.stop();
    await opened.close();
    return { started: 0, failed };
  }
  // Catching up on a missed digest may take a while (retries); answering questions does not wait for it.
  running.start().catch((error: unknown) => logger.error({ err: error }, 'digest could not start'));
  // A schedule change after a refresh: a DM to everyone who starred the session.
  live.onChange((report) => agendaRuntime.onChange(report));
  agendaRuntime.start().catch((error: unknown) => logger.error({ err: error }, 'agenda could not start'));
  return { started: started.length, failed };
}

/**
 * The console, until its input ends. Then the process exits, unless the HTTP endpoints are served: they stay up
 * (so `echo question | HALLWAY_HTTP_PORT=8080 npm start` can be scraped) until SIGTERM or SIGINT.
 */
async function runConsoleUntilDone(
  live: LiveData,
  ops: Operations,
  logger: Logger,
  store: StoreChoice,
): Promise<Outcome> {
  const { readiness, shutdown, metrics, server } = ops;
  const interactive = process.stdin.isTTY === true;
  const engine = instrumentEngine(() => live.current(), {
    platform: 'console',
    logger,
    inFlight: shutdown.inFlight,
    // On a terminal a JSON line after each answer would bury the conversation.
    level: interactive ? 'debug' : 'info',
    ...(metrics === undefined ? {} : { metrics }),
  });
  const { conference } = engine().catalog;
  if (FACTORIES.length === 0)
    console.error('No chat adapter is configured; starting the console (see .env.example).');
  const input = new AbortController();
  shutdown.onShutdown('console input', () => input.abort(), 'intake');
  // The local user's agenda; its reminders are printed here when due.
  const agenda = createConsoleAgenda({
    store,
    engine: () => live.current(),
    output: process.stdout,
    logger,
  });
  live.onChange((report) => agenda.notify(report));
  shutdown.onShutdown('console agenda', () => agenda.close(), 'close');
  readiness.ready('console');
  // One console session is one conversation: a follow-up refers to the previous answer.
  const conversation = new ConversationMemory();
  await runConsole({
    ask: async (question) =>
      agenda.reply(await conversation.ask('console', question, (q, options) => engine().ask(q, options))),
    input: process.stdin,
    output: process.stdout,
    interactive,
    greeting: `Hallway for ${conference.name}. Ask a question, "help" for examples, "quit" to leave.`,
    signal: input.signal,
  });
  // A signal ended the input: the shutdown it started exits the process.
  if (shutdown.stopping) return 'running';
  if (server !== undefined) {
    logger.info('console input ended; still serving until SIGTERM or SIGINT');
    return 'running';
  }
  live.stop();
  await agenda.close();
  return 0;
}

/** Where the state is kept: PostgreSQL when DATABASE_URL is set, else the SQLite file. */
function storeChoice(config: DigestConfig): StoreChoice {
  return {
    sqlitePath: config.databasePath,
    ...(config.databaseUrl === undefined ? {} : { databaseUrl: config.databaseUrl }),
  };
}

// A promise, not top-level await: the bundle is CommonJS so that it can start from V8's code cache.
void main().then((outcome) => {
  if (outcome !== 'running') process.exitCode = outcome;
});
