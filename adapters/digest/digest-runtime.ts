// The digest as `npm start` runs it: over the one store (SQLite, or PostgreSQL by DATABASE_URL), the scheduler
// started once the chat platforms are up, the subscription commands answered, and stopped on shutdown.
import type { Engine } from '../../src/index.ts';
import type { Logger } from '../shared/logger.ts';
import { describeDatabaseUrl } from '../store/database-url.ts';
import { SqliteStore } from '../store/sqlite-store.ts';
import type { HallwayStore } from '../store/store.ts';
import type { DigestConfig } from './digest-config.ts';
import type { DigestPoster } from './digest-poster.ts';
import { DigestScheduler } from './digest-scheduler.ts';
import {
  type CommandContext,
  type CommandReply,
  runSubscriptionCommand,
  type SubscriptionCommand,
} from './digest-subscriptions.ts';
import type { PostOutcome } from './post-digest.ts';

export interface DigestRuntimeOptions {
  readonly config: DigestConfig;
  /** The one store, opened (and closed) by whoever runs Hallway. */
  readonly store: HallwayStore;
  readonly engine: () => Engine;
  readonly posters: () => readonly DigestPoster[];
  readonly clock: () => number;
  readonly logger: Logger;
  readonly onOutcome?: (outcome: PostOutcome) => void;
}

export interface DigestRuntime {
  /** All of Hallway's state; the digest uses its ledger, the platforms the rest. */
  readonly store: HallwayStore;
  readonly scheduler: DigestScheduler;
  /** Async with several conferences: the channel's conference is opened to say when its next digest goes out. */
  subscriptions(command: SubscriptionCommand, context: CommandContext): CommandReply | Promise<CommandReply>;
  /** Settles interrupted posts, starts the timers and catches up; call once the chat platforms are connected. */
  start(): Promise<void>;
  /** Stops the timers and lets posts in flight finish (the shutdown's "stop new work"); the store stays open. */
  stop(): Promise<void>;
}

/** Replicas look for abandoned claims this many times per lease. */
const SWEEPS_PER_LEASE = 2;

/** How often replicas sharing PostgreSQL look for claims abandoned by a replica that died. */
export function sweepEvery(leaseMs: number): number {
  return Math.max(1_000, Math.round(leaseMs / SWEEPS_PER_LEASE));
}

/** Builds the scheduler over the store's digest ledger. */
export function createDigestRuntime(options: DigestRuntimeOptions): DigestRuntime {
  const { config, logger, store } = options;
  const where =
    config.databaseUrl === undefined ? config.databasePath : describeDatabaseUrl(config.databaseUrl);
  const sqlite = store instanceof SqliteStore ? store : undefined;
  const scheduler = new DigestScheduler({
    store: store.digest,
    leaseMs: config.leaseMs,
    // One process per SQLite file: at start, any claim in it belongs to a process that has stopped.
    ...(sqlite === undefined
      ? { sweepMs: sweepEvery(config.leaseMs) }
      : { releaseAbandoned: () => sqlite.digest.releaseAbandoned(options.clock()) }),
    engine: options.engine,
    posters: options.posters,
    schedule: config.schedule,
    clock: options.clock,
    logger: logger.child({ component: 'digest' }),
    ...(options.onOutcome === undefined ? {} : { onOutcome: options.onOutcome }),
  });
  const nextPost = () => {
    const next = scheduler.nextPost();
    return next === undefined ? undefined : formatPostTime(next.at, scheduler.timeZone());
  };
  return {
    store,
    scheduler,
    subscriptions: (command, context) =>
      runSubscriptionCommand(
        { store: store.digest, schedule: config.schedule, nextPost, clock: options.clock, logger },
        command,
        context,
      ),
    async start() {
      const outcomes = await scheduler.start();
      const posted = outcomes.filter((outcome) => outcome.kind === 'posted').length;
      logger.info({ db: where, caughtUp: posted, next: nextPost() }, 'digest ready');
    },
    stop: () => scheduler.stop(),
  };
}

/** "Thu 26 Mar, 08:00 CET": when a digest goes out, in the zone it is timed in. */
export function formatPostTime(atMs: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
    timeZoneName: 'short',
  }).formatToParts(new Date(atMs));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('weekday')} ${part('day')} ${part('month')}, ${part('hour')}:${part('minute')} ${part('timeZoneName')}`;
}
