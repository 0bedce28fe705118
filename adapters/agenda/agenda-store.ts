// The agenda store's contract: starred sessions, each user's reminder lead, and the DM delivery log. SQLite
// implements it now (sqlite-agenda-store.ts); a server database would implement the same interface.
import type { Platform } from '../shared/platforms.ts';

/** Where an agenda lives: a chat platform, or the console's local user. */
export type AgendaPlatform = Platform | 'console';

/** One user on one platform. */
export interface AgendaUser {
  readonly platform: AgendaPlatform;
  readonly userId: string;
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
 * by the moment of the refresh that reported it.
 */
export interface DeliveryKey extends AgendaUser {
  readonly sessionId: string;
  readonly kind: DeliveryKind;
  readonly keyAt: number;
}

/** What claiming a delivery found: a new claim; one a crash left unfinished; or one already finished. */
export type DeliveryClaim =
  | { readonly kind: 'new' }
  /** `intentAt`: when the crashed run claimed it, which is where to start looking for it. */
  | { readonly kind: 'interrupted'; readonly attempts: number; readonly intentAt: number }
  | { readonly kind: 'finished'; readonly state: 'sent' | 'failed' | 'dropped' };

/** The default reminder lead, in minutes. */
export const DEFAULT_LEAD_MINUTES = 10;
/** The longest lead a user may set: a day. */
export const MAX_LEAD_MINUTES = 24 * 60;

export interface AgendaStore {
  /** Stars a session (again is harmless); the reminder is set when it is still ahead. */
  star(
    user: AgendaUser,
    session: { readonly id: string; readonly startMs?: number },
    now: number,
  ): { readonly already: boolean; readonly remindAtMs?: number; readonly leadMinutes: number };
  /** Removes those of `sessionIds` the user starred; returns them. */
  unstar(user: AgendaUser, sessionIds: readonly string[]): string[];
  /** The user's stars, in no particular order. */
  stars(user: AgendaUser): Star[];
  /** Removes every star of the user; returns how many. */
  clear(user: AgendaUser): number;
  leadMinutes(user: AgendaUser): number;
  /** Sets the user's lead and moves their reminders still ahead accordingly. */
  setLeadMinutes(user: AgendaUser, minutes: number, now: number): void;
  /** Deletes every row about the user (stars, setting, delivery log); returns how many. */
  forget(user: AgendaUser): number;
  /** Reminders due at `now`, earliest first, at most `limit`. */
  dueReminders(now: number, limit: number): DueReminder[];
  /** When the next reminder is due, if any: the one timer waits for this. */
  nextReminderAt(): number | undefined;
  /** Who starred a session (for change notices). */
  starredBy(sessionId: string): AgendaUser[];
  /** A session moved (or was cancelled: `startMs` undefined): its stars' reminders follow. */
  reschedule(sessionId: string, startMs: number | undefined, now: number): void;
  /** The reminder of a star was sent or dropped: it is no longer due. */
  markReminded(user: AgendaUser, sessionId: string): void;
  /** Claims a delivery (the intent row) before the DM is sent. */
  claimDelivery(key: DeliveryKey, now: number): DeliveryClaim;
  /** Records the delivery's result (the result row). */
  finishDelivery(key: DeliveryKey, state: 'sent' | 'failed' | 'dropped', now: number, error?: string): void;
  /** Deliveries a crash left claimed and unfinished, oldest first. */
  interruptedDeliveries(): DeliveryKey[];
}
