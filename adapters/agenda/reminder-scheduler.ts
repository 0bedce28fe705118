// Sends each starred session's reminder by DM, exactly once, with one timer for the next due reminder (never one per
// reminder); after a restart, catches up on reminders whose session has not started yet. Also sends change notices.
import type { AgendaOutcome, ChangeReport, Engine } from '../../src/index.ts';
import type { Logger } from '../shared/logger.ts';
import type { Awaitable } from '../store/store.ts';
import { type AgendaMessenger, deliveryKeyText } from './agenda-messenger.ts';
import type { AgendaStore, AgendaUser, DeliveryClaim, DeliveryKey, DueReminder } from './agenda-store.ts';
import { changeKeyAt } from './change-key.ts';

/** setTimeout and clearTimeout, injected so tests drive the clock. */
export interface Timers {
  set(run: () => void, delayMs: number): unknown;
  clear(handle: unknown): void;
}

export interface ReminderSchedulerOptions {
  readonly store: AgendaStore;
  readonly engine: () => Engine;
  /** The platforms connected now. */
  readonly messengers: () => readonly AgendaMessenger[];
  readonly clock: () => number;
  readonly logger: Logger;
  readonly timers?: Timers;
  /** Reminders handled per pass: a burst at a popular session's time is taken in slices. */
  readonly batch?: number;
  /** How long a claimed DM is this scheduler's before another (replica) may take it over; two minutes. */
  readonly leaseMs?: number;
  /**
   * With SQLite (one process per file) only: ends the leases of claims a crashed run left, so they are taken
   * over at once, and returns them. Replicas sharing PostgreSQL wait for the leases instead: the claim may be
   * another live replica's.
   */
  readonly releaseAbandoned?: () => Awaitable<readonly DeliveryKey[]>;
}

/** What happened to one DM. */
export type DeliveryOutcome =
  | { readonly kind: 'sent'; readonly key: DeliveryKey }
  | { readonly kind: 'failed'; readonly key: DeliveryKey; readonly reason: string }
  | { readonly kind: 'dropped'; readonly key: DeliveryKey; readonly reason: string }
  | { readonly kind: 'already'; readonly key: DeliveryKey }
  /** Another run (replica) holds the claim under a live lease: it sends, this one does not. */
  | { readonly kind: 'held'; readonly key: DeliveryKey };

/** setTimeout's longest delay; a reminder further away re-arms the timer when this one fires. */
const MAX_DELAY_MS = 2 ** 31 - 1;
const DEFAULT_BATCH = 500;
/** How soon a reminder left due by a failed pass is tried again. */
const RETRY_DELAY_MS = 5_000;
const MINUTE_MS = 60_000;
const DEFAULT_LEASE_MS = 2 * MINUTE_MS;

const REAL_TIMERS: Timers = {
  set: (run, delayMs) => {
    const handle = setTimeout(run, delayMs);
    // A pending reminder must not keep a finished process (a test, the console) alive.
    handle.unref();
    return handle;
  },
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export class ReminderScheduler {
  private timer: unknown;
  private running: Promise<unknown> = Promise.resolve();
  private stopped = true;
  /** Bumped by each rearm: an older rearm that read the next due time before a newer one sets no timer. */
  private arming = 0;

  constructor(private readonly options: ReminderSchedulerOptions) {}

  private get timers(): Timers {
    return this.options.timers ?? REAL_TIMERS;
  }

  private get leaseMs(): number {
    return this.options.leaseMs ?? DEFAULT_LEASE_MS;
  }

  /** Logs DMs a crash left unfinished (their reminders are still due, and resume), catches up, and arms the timer. */
  async start(): Promise<DeliveryOutcome[]> {
    this.stopped = false;
    for (const key of (await this.options.releaseAbandoned?.()) ?? []) {
      this.options.logger.warn(
        { ...key },
        'an agenda DM was interrupted by a crash; it is checked for before any new try',
      );
    }
    return this.runDue();
  }

  /** Stops the timer and waits for DMs in flight. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.disarm();
    await this.running;
  }

  /** Re-arms the one timer for the next due reminder (after a star, a new lead, a forget). Never rejects. */
  async rearm(): Promise<void> {
    this.disarm();
    if (this.stopped) return;
    const mine = ++this.arming;
    let next: number | undefined;
    try {
      next = await this.options.store.nextReminderAt();
    } catch (error) {
      this.options.logger.error({ err: error }, 'agenda reminders: the next due time could not be read');
      return;
    }
    // A later rearm read a fresher time, or a stop came meanwhile.
    if (mine !== this.arming || this.stopped || next === undefined) return;
    this.disarm();
    // A reminder still due after a pass (its database write failed, or another replica holds its claim): try it
    // again a little later rather than at once, so a lasting fault cannot spin the timer.
    const wait = next - this.options.clock();
    const delay = wait <= 0 ? RETRY_DELAY_MS : Math.min(wait, MAX_DELAY_MS);
    this.timer = this.timers.set(() => {
      this.timer = undefined;
      this.runDue().catch((error: unknown) =>
        this.options.logger.error({ err: error }, 'agenda reminders failed'),
      );
    }, delay);
  }

  /** Sends every reminder due now, then re-arms. Runs one pass at a time. */
  runDue(): Promise<DeliveryOutcome[]> {
    const run = this.running.then(() => this.sendDue());
    this.running = run.catch(() => undefined);
    return run.finally(() => this.rearm());
  }

  /**
   * After a live refresh: everyone who starred a session that moved or was cancelled gets one DM saying what
   * changed, and its reminder follows the session.
   */
  notifyChanges(report: ChangeReport): Promise<DeliveryOutcome[]> {
    const run = this.running.then(() => this.sendChanges(report));
    this.running = run.catch(() => undefined);
    return run.finally(() => this.rearm());
  }

  private disarm(): void {
    if (this.timer !== undefined) this.timers.clear(this.timer);
    this.timer = undefined;
  }

  private async sendDue(): Promise<DeliveryOutcome[]> {
    const { store, clock } = this.options;
    const outcomes: DeliveryOutcome[] = [];
    const batch = this.options.batch ?? DEFAULT_BATCH;
    for (;;) {
      const due = await store.dueReminders(clock(), batch);
      if (due.length === 0) return outcomes;
      // Side by side: one user's slow or failing DM never holds up another's.
      const settled = await Promise.allSettled(due.map((reminder) => this.remind(reminder)));
      let handled = 0;
      for (const result of settled) {
        if (result.status === 'fulfilled') {
          outcomes.push(result.value);
          // One held by another replica stays due until that one marks it: it would come back the same.
          if (result.value.kind !== 'held') handled += 1;
        } else this.options.logger.error({ err: result.reason }, 'agenda reminder crashed');
      }
      // A pass begun before a stop finishes its slice; the next slice waits for the next start. A slice with
      // nothing handled would come back the same: the timer retries it later instead.
      if (due.length < batch || this.stopped || handled === 0) return outcomes;
    }
  }

  private async remind(due: DueReminder): Promise<DeliveryOutcome> {
    const { store, clock, logger } = this.options;
    const now = clock();
    const user: AgendaUser = {
      platform: due.platform,
      userId: due.userId,
      ...(due.workspaceId === undefined ? {} : { workspaceId: due.workspaceId }),
    };
    const key: DeliveryKey = {
      ...user,
      sessionId: due.sessionId,
      kind: 'reminder',
      keyAt: due.sessionStartMs,
    };
    const session = this.options.engine().catalog.sessions.get(due.sessionId);
    const startMs = session?.start === undefined ? undefined : Date.parse(session.start);
    if (startMs !== due.sessionStartMs) {
      // The data moved or dropped it without a change report (a restart on newer data): follow the data.
      await store.reschedule(due.sessionId, startMs, now);
      return { kind: 'dropped', key, reason: 'the session moved; its reminder follows it' };
    }
    if (startMs <= now)
      return this.drop(user, key, 'the session had started before its reminder could go out');
    const messenger = this.options.messengers().find((candidate) => candidate.platform === due.platform);
    if (messenger === undefined) return this.drop(user, key, `${due.platform} is not connected`);
    const claim = await store.claimDelivery(key, now, this.leaseMs);
    if (claim.kind === 'held') return { kind: 'held', key };
    if (claim.kind === 'finished') {
      await store.markReminded(user, due.sessionId);
      return { kind: 'already', key };
    }
    const minutesLeft = Math.max(1, Math.round((startMs - now) / MINUTE_MS));
    const outcome: AgendaOutcome = { kind: 'reminder', sessionId: due.sessionId, leadMinutes: minutesLeft };
    const late = now - due.remindAtMs > MINUTE_MS ? { lateByMs: now - due.remindAtMs } : {};
    const result = await this.deliver(messenger, key, claim.attempt, outcome, resumedFrom(claim));
    await store.markReminded(user, due.sessionId);
    if (result.kind === 'sent') logger.info({ ...key, ...late }, 'agenda reminder sent');
    return result;
  }

  private async sendChanges(report: ChangeReport): Promise<DeliveryOutcome[]> {
    const { store, clock } = this.options;
    const now = clock();
    const jobs: Array<Promise<DeliveryOutcome>> = [];
    const notify = async (
      sessionId: string,
      kind: 'moved' | 'cancelled',
      keyAt: number,
      outcome: AgendaOutcome,
    ) => {
      for (const user of await store.starredBy(sessionId)) {
        const messenger = this.options.messengers().find((candidate) => candidate.platform === user.platform);
        const key: DeliveryKey = { ...user, sessionId, kind, keyAt };
        if (messenger === undefined) {
          jobs.push(this.drop(user, key, `${user.platform} is not connected`));
          continue;
        }
        const claim = await store.claimDelivery(key, now, this.leaseMs);
        if (claim.kind === 'finished') jobs.push(Promise.resolve({ kind: 'already', key }));
        else if (claim.kind === 'held') jobs.push(Promise.resolve({ kind: 'held', key }));
        else jobs.push(this.deliver(messenger, key, claim.attempt, outcome, resumedFrom(claim)));
      }
    };
    for (const moved of report.moved) {
      const startMs = moved.after.start === undefined ? undefined : Date.parse(moved.after.start);
      const { after } = moved;
      await notify(moved.id, 'moved', changeKeyAt('moved', after.start, after.end, after.room), {
        kind: 'changed',
        change: {
          kind: 'moved',
          sessionId: moved.id,
          title: moved.title,
          before: moved.before,
          after: moved.after,
        },
      });
      await store.reschedule(moved.id, startMs, now);
    }
    for (const cancelled of report.cancelled) {
      const start = cancelled.start === undefined ? {} : { start: cancelled.start };
      await notify(cancelled.id, 'cancelled', changeKeyAt('cancelled', cancelled.start), {
        kind: 'changed',
        change: { kind: 'cancelled', sessionId: cancelled.id, title: cancelled.title, ...start },
      });
      await store.reschedule(cancelled.id, undefined, now);
    }
    const settled = await Promise.allSettled(jobs);
    return settled.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  }

  /** Sends one claimed DM and records its result; a DM that fails after the retries is recorded, never thrown. */
  private async deliver(
    messenger: AgendaMessenger,
    key: DeliveryKey,
    attempt: number,
    outcome: AgendaOutcome,
    resumed: number | undefined,
  ): Promise<DeliveryOutcome> {
    const { store, clock, logger } = this.options;
    try {
      const answer = this.options.engine().agenda(outcome);
      await messenger.send(key, answer, deliveryKeyText(key), resumed);
      await store.finishDelivery(key, attempt, 'sent', clock());
      if (key.kind !== 'reminder') logger.info({ ...key }, 'agenda change notice sent');
      return { kind: 'sent', key };
    } catch (error) {
      const reason = (error as Error).message;
      await store.finishDelivery(key, attempt, 'failed', clock(), reason);
      logger.warn({ ...key, reason }, 'agenda DM failed; gave up after the retries');
      return { kind: 'failed', key, reason };
    }
  }

  private async drop(user: AgendaUser, key: DeliveryKey, reason: string): Promise<DeliveryOutcome> {
    if (key.kind === 'reminder') await this.options.store.markReminded(user, key.sessionId);
    this.options.logger.info({ ...key, reason }, 'agenda DM dropped');
    return { kind: 'dropped', key, reason };
  }
}

/** When a crashed run claimed this delivery, if one did. */
function resumedFrom(claim: DeliveryClaim): number | undefined {
  return claim.kind === 'interrupted' ? claim.intentAt : undefined;
}
