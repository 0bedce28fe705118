// The agenda store's contract: starred sessions, each user's reminder lead, and the DM delivery log. Part of the
// one store (adapters/store/store.ts): SQLite (sqlite-agenda-store.ts) or PostgreSQL (postgres-agenda.ts).
import type { Platform } from '../shared/platforms.ts';
import type { Awaitable } from '../store/store.ts';

/** Where an agenda lives: a chat platform, or the console's local user. */
export type AgendaPlatform = Platform | 'console';

/** One user on one platform. */
export interface AgendaUser {
  readonly platform: AgendaPlatform;
  readonly userId: string;
  /**
   * The Slack workspace (or org, for an org-wide install) the user starred from: in multi-workspace mode its
   * installation's token sends their DMs. Not part of who the user is.
   */
  readonly workspaceId?: string;
}

/** One starred session. */
export interface Star extends AgendaUser {
  readonly sessionId: string;
  /** The session's start (epoch ms) as last known; undefined when the schedule gives none. */
  readonly sessionStartMs?: number;
  /** When its reminder is due; undefined once sent or dropped, or when none will come. */
  readonly remindAtMs?: number;
  readonly createdAt: number;
}

/** A reminder whose time has come. */
export interface DueReminder extends AgendaUser {
  readonly sessionId: string;
  readonly sessionStartMs: number;
  readonly remindAtMs: number;
}

export type DeliveryKind = 'reminder' | 'moved' | 'cancelled';

/**
 * Which DM: a reminder is keyed by the session's start (a session that moves gets a new reminder); a change notice
 * by what the session became (change-key.ts), the same on every replica that sees the change.
 */
export interface DeliveryKey extends AgendaUser {
  readonly sessionId: string;
  readonly kind: DeliveryKind;
  readonly keyAt: number;
}

export type DeliveryState = 'sent' | 'failed' | 'dropped';

/**
 * What claiming a delivery found: a new claim; one whose owner's lease ran out (it crashed) or was released at
 * start, taken over; one another run holds under a live lease (send nothing); or one already finished.
 * `attempt` fences the claim: a result recorded under an older attempt is ignored.
 */
export type DeliveryClaim =
  | { readonly kind: 'new'; readonly attempt: number }
  /** `intentAt`: when the first run claimed it, which is where to start looking for it. */
  | { readonly kind: 'interrupted'; readonly attempt: number; readonly intentAt: number }
  | { readonly kind: 'held' }
  | { readonly kind: 'finished'; readonly state: DeliveryState };

/** The default reminder lead, in minutes. */
export const DEFAULT_LEAD_MINUTES = 10;
/** The longest lead a user may set: a day. */
export const MAX_LEAD_MINUTES = 24 * 60;

export interface AgendaStore {
  /**
   * Stars a session (again is harmless); the reminder is set when it is still ahead. A `workspaceId` becomes
   * that of all the user's stars: their DMs go through the workspace they last starred from (where Hallway is
   * installed), which also fills in rows from before the workspace was kept.
   */
  star(
    user: AgendaUser,
    session: { readonly id: string; readonly startMs?: number },
    now: number,
  ): Awaitable<{ readonly already: boolean; readonly remindAtMs?: number; readonly leadMinutes: number }>;
  /** Removes those of `sessionIds` the user starred; returns them. */
  unstar(user: AgendaUser, sessionIds: readonly string[]): Awaitable<string[]>;
  /** The user's stars, in no particular order. */
  stars(user: AgendaUser): Awaitable<Star[]>;
  /** Removes every star of the user; returns how many. */
  clear(user: AgendaUser): Awaitable<number>;
  leadMinutes(user: AgendaUser): Awaitable<number>;
  /** Sets the user's lead and moves their reminders still ahead accordingly. */
  setLeadMinutes(user: AgendaUser, minutes: number, now: number): Awaitable<void>;
  /** Deletes every row about the user (stars, setting, delivery log); returns how many. */
  forget(user: AgendaUser): Awaitable<number>;
  /** Reminders due at `now`, earliest first, at most `limit`. */
  dueReminders(now: number, limit: number): Awaitable<DueReminder[]>;
  /** When the next reminder is due, if any: the one timer waits for this. */
  nextReminderAt(): Awaitable<number | undefined>;
  /** Who starred a session (for change notices). */
  starredBy(sessionId: string): Awaitable<AgendaUser[]>;
  /** A session moved (or was cancelled: `startMs` undefined): its stars' reminders follow. */
  reschedule(sessionId: string, startMs: number | undefined, now: number): Awaitable<void>;
  /** The reminder of a star was sent or dropped: it is no longer due. */
  markReminded(user: AgendaUser, sessionId: string): Awaitable<void>;
  /**
   * Claims a delivery (the intent row, its unique key deciding who sends) with a lease until `now + leaseMs`.
   * An intent whose lease ran out is taken over; a live one is `held`, and the caller must not send.
   */
  claimDelivery(key: DeliveryKey, now: number, leaseMs: number): Awaitable<DeliveryClaim>;
  /** Records the delivery's result (the result row), unless a newer attempt has taken the row over. */
  finishDelivery(
    key: DeliveryKey,
    attempt: number,
    state: DeliveryState,
    now: number,
    error?: string,
  ): Awaitable<void>;
  /** Deliveries claimed and not finished (a crash, or another replica sending now), oldest first. */
  interruptedDeliveries(): Awaitable<DeliveryKey[]>;
}
