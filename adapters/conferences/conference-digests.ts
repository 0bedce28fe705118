// The digest with several conferences: one store (subscriptions, post log, bindings), one scheduler per
// conference timed in its zone, each posting to the channels bound to that conference (unbound ones: the default).
import {
  type DigestRuntime,
  type DigestRuntimeOptions,
  formatPostTime,
  sweepEvery,
} from '../digest/digest-runtime.ts';
import { DigestScheduler } from '../digest/digest-scheduler.ts';
import { runSubscriptionCommand } from '../digest/digest-subscriptions.ts';
import { SqliteStore } from '../store/sqlite-store.ts';
import type { Awaitable } from '../store/store.ts';
import type { ChannelPlace } from './binding-store.ts';
import type { ConferenceRegistry } from './conference-registry.ts';

/** The single-conference digest's options, with the conferences in place of the one engine. */
export interface ConferenceDigestsOptions extends Omit<DigestRuntimeOptions, 'engine'> {
  readonly registry: ConferenceRegistry;
  /** The conference a channel answers about (its binding, its server's, else the default). */
  readonly conferenceOf: (place: ChannelPlace) => Awaitable<string>;
}

/**
 * Builds a scheduler per conference over the one store (SQLite, or PostgreSQL shared by replicas); the runtime's
 * `scheduler` is the default conference's.
 */
export function createConferenceDigests(options: ConferenceDigestsOptions): DigestRuntime {
  const { config, registry, logger } = options;
  const opened = options.store;
  const store = opened.digest;
  // One process per SQLite file: claims left in it at start are a stopped process's. Replicas sweep instead.
  const sqlite = opened instanceof SqliteStore ? opened : undefined;
  const schedulers = new Map(
    registry.entries().map((entry) => {
      const zone = config.schedule.timeZone ?? entry.timeZone;
      const scheduler = new DigestScheduler({
        store,
        leaseMs: config.leaseMs,
        engine: () => {
          const engine = registry.peek(entry.id);
          if (engine === undefined)
            throw new Error(`${entry.id} is not loaded; digests run while holding it`);
          return engine;
        },
        posters: options.posters,
        schedule: { ...config.schedule, ...(zone === undefined ? {} : { timeZone: zone }) },
        clock: options.clock,
        logger: logger.child({ component: 'digest', conference: entry.id }),
        belongs: async (platform, channelId, workspaceId) =>
          (await options.conferenceOf({
            platform,
            channelId,
            ...(workspaceId === undefined ? {} : { workspaceId }),
          })) === entry.id,
        ...(sqlite === undefined ? { sweepMs: sweepEvery(config.leaseMs) } : {}),
        around: (run) => registry.holding(entry.id, run),
        ...(options.onOutcome === undefined ? {} : { onOutcome: options.onOutcome }),
      });
      return [entry.id, { scheduler, zoneKnown: zone !== undefined }] as const;
    }),
  );
  const of = (id: string) => {
    const found = schedulers.get(id) ?? schedulers.get(registry.defaultId);
    if (found === undefined) throw new Error('no conference is configured');
    return found;
  };
  const all = () => [...schedulers.values()].map(({ scheduler }) => scheduler);
  const runtime: DigestRuntime = {
    store: opened,
    scheduler: of(registry.defaultId).scheduler,
    // The reply says when the channel's conference's next digest goes out, so that conference is opened for it.
    subscriptions: async (command, context) => {
      const id = await options.conferenceOf(context);
      const { scheduler } = of(id);
      return registry.holding(id, async () => {
        const reply = await runSubscriptionCommand(
          {
            store,
            schedule: config.schedule,
            nextPost: () => {
              const next = scheduler.nextPost();
              return next === undefined ? undefined : formatPostTime(next.at, scheduler.timeZone());
            },
            clock: options.clock,
            logger,
          },
          command,
          context,
        );
        const about =
          reply.refused || command === 'list'
            ? ''
            : ` It follows this channel's conference, ${registry.label(id)}.`;
        return { ...reply, text: `${reply.text}${about}` };
      });
    },
    async start() {
      // One process per SQLite file: any claim left in it belongs to a process that has stopped. Released once,
      // before any scheduler claims, so that no scheduler's start ends another's live claim.
      sqlite?.digest.releaseAbandoned(options.clock());
      // A scheduler needs its conference's data only for its zone when the file does not give one.
      for (const [id, { scheduler, zoneKnown }] of schedulers) {
        const outcomes = zoneKnown
          ? await scheduler.start()
          : await registry.holding(id, () => scheduler.start());
        const posted = outcomes.filter((outcome) => outcome.kind === 'posted').length;
        logger.info({ conference: id, caughtUp: posted }, 'digest ready');
      }
    },
    async stop() {
      await Promise.all(all().map((scheduler) => scheduler.stop()));
    },
  };
  return runtime;
}
