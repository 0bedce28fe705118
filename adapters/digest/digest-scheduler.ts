// Posts the daily digest to every subscribed channel at the configured times (croner, in the conference's zone),
// catches up late after a restart within a window, and never posts a (channel, date, kind) twice, even when
// several replicas share the ledger.
import { Cron } from 'croner';
import type { Engine } from '../../src/index.ts';
import type { Logger } from '../shared/logger.ts';
import type { Platform } from '../shared/platforms.ts';
import type { RetryPolicy } from '../shared/retry.ts';
import type { Awaitable, DigestRecords, PostKey, Subscription } from '../store/store.ts';
import type { DigestPoster } from './digest-poster.ts';
import {
  cronPattern,
  type DigestDays,
  type DigestTime,
  localDate,
  nextDate,
  postsOn,
  previousDate,
  scheduledAt,
} from './digest-times.ts';
import { type PostOutcome, postDigestOnce } from './post-digest.ts';

export interface DigestSchedule {
  /** The morning post and the optional evening recap; empty means no scheduled posts. */
  readonly times: readonly DigestTime[];
  readonly days: DigestDays;
  /** A digest missed while Hallway was down goes out late if it starts within this long after the time. */
  readonly catchUpMs: number;
  /** Overrides the conference's zone. */
  readonly timeZone?: string;
  /** Channels from the environment, which get the digest without a subscription. */
  readonly defaultChannels: ReadonlyArray<{ readonly platform: Platform; readonly channelId: string }>;
}

export interface DigestSchedulerOptions {
  readonly store: DigestRecords;
  /**
   * Run at start, before the catch-up: with SQLite (one process per file) the claims left by a stopped process
   * are ended at once, so the catch-up takes them over instead of waiting for their leases to run out.
   */
  readonly releaseAbandoned?: () => Awaitable<unknown>;
  /** How long a claim holds off other replicas without progress (default two minutes). */
  readonly leaseMs?: number;
  /**
   * With replicas, how often to look again for due digests: a claim whose replica died is taken over at the next
   * look after its lease runs out. Off by default (one process: croner's runs and the start's catch-up suffice).
   */
  readonly sweepMs?: number;
  readonly engine: () => Engine;
  /** The platforms that are connected now. */
  readonly posters: () => readonly DigestPoster[];
  readonly schedule: DigestSchedule;
  readonly clock: () => number;
  readonly logger: Logger;
  readonly retry?: { readonly policy?: RetryPolicy; readonly sleep?: (ms: number) => Promise<void> };
  /** Told of every post's outcome, for metrics. */
  readonly onOutcome?: (outcome: PostOutcome) => void;
  /**
   * With several conferences, one scheduler per conference: the channels that belong to this one (bound to it,
   * or unbound and this is the default). Absent, every channel does.
   */
  readonly belongs?: (platform: Platform, channelId: string, workspaceId?: string) => Awaitable<boolean>;
  /** Wraps each run, so a conference loaded on demand is opened and kept in memory while its digest is posted. */
  readonly around?: <T>(run: () => Promise<T>) => Promise<T>;
}

/** A digest posted this long after its time (a slow start, a busy loop) is not called late. */
const LATE_NOTE_AFTER_MS = 5 * 60 * 1000;
/** How far ahead "the next digest" is looked for. */
const LOOK_AHEAD_DAYS = 60;
/** Without a previous post, a digest lists the changes of the last day. */
const DAY_MS = 24 * 60 * 60 * 1000;

/** One scheduled digest that is due now. */
interface Due {
  readonly date: string;
  readonly time: DigestTime;
  readonly at: number;
}

export class DigestScheduler {
  private readonly jobs: Cron[] = [];
  private sweep: ReturnType<typeof setInterval> | undefined;
  private running: Promise<unknown> = Promise.resolve();
  private stopped = false;

  constructor(private readonly options: DigestSchedulerOptions) {}

  /** The zone digests are timed in: the configured one, else the conference's. */
  timeZone(): string {
    return this.options.schedule.timeZone ?? this.options.engine().catalog.conference.timeZone;
  }

  /**
   * Settles posts a crash interrupted (never posted again), starts one croner job per post time, and catches up
   * on any digest missed while Hallway was down. Resolves when the catch-up is done.
   */
  async start(): Promise<PostOutcome[]> {
    const { logger, schedule } = this.options;
    await this.options.releaseAbandoned?.();
    const timezone = this.timeZone();
    for (const time of schedule.times) {
      const job = new Cron(
        cronPattern(time),
        { timezone, protect: true, catch: (error) => logger.error({ err: error }, 'digest run failed') },
        async () => {
          await this.runDue();
        },
      );
      this.jobs.push(job);
      logger.info({ kind: time.kind, next: job.nextRun()?.toISOString(), timezone }, 'digest scheduled');
    }
    if (this.options.sweepMs !== undefined) {
      this.sweep = setInterval(() => {
        this.runDue().catch((error: unknown) => logger.error({ err: error }, 'digest run failed'));
      }, this.options.sweepMs);
      this.sweep.unref();
    }
    return this.runDue();
  }

  /** Stops the timers and waits for a run in progress to finish its posts. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const job of this.jobs.splice(0)) job.stop();
    clearInterval(this.sweep);
    await this.running;
  }

  /** Posts every digest due now (on time, or late within the catch-up window). Runs one at a time. */
  runDue(): Promise<PostOutcome[]> {
    const around = this.options.around ?? ((work) => work());
    const run = this.running.then(async () =>
      // A conference without channels is not even opened.
      this.stopped || !(await this.hasChannels()) ? [] : around(() => this.postDue()),
    );
    this.running = run.catch(() => undefined);
    return run;
  }

  /** The next scheduled post after now, on a day that gets one; undefined when none is coming (within 60 days). */
  nextPost(): { readonly date: string; readonly kind: DigestTime['kind']; readonly at: number } | undefined {
    const now = this.options.clock();
    const { schedule } = this.options;
    const zone = this.timeZone();
    const { conference } = this.options.engine().catalog;
    let date = localDate(now, zone);
    for (let day = 0; day < LOOK_AHEAD_DAYS; day += 1, date = nextDate(date)) {
      if (!postsOn(date, schedule.days, conference)) continue;
      const upcoming = schedule.times
        .map((time) => ({ date, kind: time.kind, at: scheduledAt(date, time, zone) }))
        .filter((post) => post.at > now)
        .sort((a, b) => a.at - b.at);
      if (upcoming[0] !== undefined) return upcoming[0];
    }
    return undefined;
  }

  /** The digests due at the clock's now. */
  due(): Due[] {
    const now = this.options.clock();
    const { schedule } = this.options;
    const zone = this.timeZone();
    const { conference } = this.options.engine().catalog;
    const today = localDate(now, zone);
    return [previousDate(today), today].flatMap((date) =>
      schedule.times
        .map((time) => ({ date, time, at: scheduledAt(date, time, zone) }))
        .filter((due) => due.at <= now && now - due.at <= schedule.catchUpMs)
        .filter((due) => postsOn(due.date, schedule.days, conference)),
    );
  }

  private async postDue(): Promise<PostOutcome[]> {
    const now = this.options.clock();
    const outcomes: PostOutcome[] = [];
    for (const due of this.due()) {
      // Channels are posted to side by side: one slow or failing channel never holds up the others.
      const targets = await Promise.all(
        this.options
          .posters()
          .map(async (poster) => ({ poster, channels: await this.channels(poster.platform, due.at) })),
      );
      const settled = await Promise.allSettled(
        targets.flatMap(({ poster, channels }) =>
          channels.map(({ channelId, workspaceId }) =>
            this.postOne(poster, channelId, workspaceId, due, now),
          ),
        ),
      );
      for (const result of settled) {
        if (result.status === 'fulfilled') outcomes.push(result.value);
        else this.options.logger.error({ err: result.reason }, 'digest post crashed');
      }
    }
    return outcomes;
  }

  /** Subscribed channels, and the environment's; a channel subscribed after the post time is not owed it. */
  private async channels(
    platform: Platform,
    at: number,
  ): Promise<Array<{ channelId: string; workspaceId?: string }>> {
    const { store, schedule } = this.options;
    const belongs = this.options.belongs ?? (() => true);
    const fromEnv: string[] = [];
    for (const channel of schedule.defaultChannels)
      if (channel.platform === platform && (await belongs(platform, channel.channelId)))
        fromEnv.push(channel.channelId);
    const subscribed: Subscription[] = [];
    for (const subscription of await store.subscriptions(platform))
      if (
        subscription.createdAt <= at &&
        (await belongs(platform, subscription.channelId, subscription.workspaceId))
      )
        subscribed.push(subscription);
    // The subscription knows the channel's workspace, whose token posts there in multi-workspace mode.
    const workspaceOf = new Map(subscribed.map((s) => [s.channelId, s.workspaceId]));
    return [...new Set([...fromEnv, ...subscribed.map((s) => s.channelId)])].map((channelId) => {
      const workspaceId = workspaceOf.get(channelId);
      return workspaceId === undefined ? { channelId } : { channelId, workspaceId };
    });
  }

  /** Whether any connected platform has a channel for this scheduler's digest, whenever it subscribed. */
  private async hasChannels(): Promise<boolean> {
    for (const poster of this.options.posters())
      if ((await this.channels(poster.platform, Infinity)).length > 0) return true;
    return false;
  }

  private async postOne(
    poster: DigestPoster,
    channelId: string,
    workspaceId: string | undefined,
    due: Due,
    now: number,
  ): Promise<PostOutcome> {
    const { store, logger } = this.options;
    const key: PostKey = { platform: poster.platform, channelId, date: due.date, kind: due.time.kind };
    const late = now - due.at > LATE_NOTE_AFTER_MS ? now - due.at : undefined;
    const answer = this.options.engine().digest({
      date: due.date,
      kind: due.time.kind,
      changesSince: (await store.lastPostedAt(poster.platform, channelId)) ?? due.at - DAY_MS,
      ...(late === undefined ? {} : { lateByMs: late }),
    });
    // A day with nothing in the data and no changes is not worth a post saying so.
    if (!answer.answered) {
      logger.info(key, 'digest skipped: nothing scheduled, announced or changed that day');
      return { kind: 'empty', key };
    }
    const outcome = await postDigestOnce({
      store,
      ...(workspaceId === undefined ? {} : { workspaceId }),
      poster,
      key,
      answer,
      now: this.options.clock,
      ...(this.options.leaseMs === undefined ? {} : { leaseMs: this.options.leaseMs }),
      ...(late === undefined ? {} : { lateByMs: late }),
      ...(this.options.retry === undefined ? {} : { retry: this.options.retry }),
      onRetry: (info) => logger.warn({ ...key, ...info }, 'digest post failed; retrying'),
    });
    if (outcome.kind === 'posted') {
      logger.info({ ...key, messages: outcome.messageIds.length, lateByMs: late }, 'digest posted');
    }
    if (outcome.kind === 'interrupted') {
      logger.warn(
        { ...key, channel: key.channelId, partsPosted: outcome.partsPosted },
        'a digest was interrupted while posting; not posting it again, to avoid a duplicate',
      );
    }
    if (outcome.kind === 'failed') {
      logger.error(
        { ...key, reason: outcome.reason, partsPosted: outcome.partsPosted },
        'digest post failed',
      );
    }
    this.options.onOutcome?.(outcome);
    return outcome;
  }
}
