// What an agenda question asks the adapter to do, and what the adapter did: typed values with no wording.
import type { Session } from '../model/schema.ts';

/** Where and when a session is, before or after a change. */
export type SessionPlace = Pick<Session, 'start' | 'end' | 'room'>;

/**
 * The request an agenda question carries on its answer (`Answer.agenda`). The engine names the sessions; the
 * adapter, which knows who asked, reads and writes that user's stars.
 */
export type AgendaRequest =
  /** `sessionIds`: the sessions the words name, best first; one is starred, several ask "which one?". */
  | { readonly kind: 'add'; readonly sessionIds: readonly string[] }
  /** `sessionIds`: the sessions the words name; the adapter removes those the user starred. */
  | { readonly kind: 'remove'; readonly sessionIds: readonly string[] }
  /** `date`: one conference day (`YYYY-MM-DD`), or the whole agenda. */
  | { readonly kind: 'show'; readonly date?: string }
  | { readonly kind: 'clear' }
  /** `minutes`: the new reminder lead; undefined when the words gave no number. */
  | { readonly kind: 'lead'; readonly minutes?: number }
  | { readonly kind: 'forget' };

export type AgendaRequestKind = AgendaRequest['kind'];

/** A session's schedule change, as a starred user hears of it. */
export type AgendaChange =
  | {
      readonly kind: 'moved';
      readonly sessionId: string;
      readonly title: string;
      readonly before: SessionPlace;
      readonly after: SessionPlace;
    }
  | {
      readonly kind: 'cancelled';
      readonly sessionId: string;
      readonly title: string;
      readonly start?: string;
    };

/** What the adapter did with a user's agenda, for the engine to put into words (`Engine.agenda`). */
export type AgendaOutcome =
  | {
      readonly kind: 'added';
      readonly sessionId: string;
      /** It was starred already: starring twice is harmless, and says so. */
      readonly already: boolean;
      /** When the reminder will come (epoch ms); undefined when the session has no time or starts too soon. */
      readonly remindAtMs?: number;
      readonly leadMinutes: number;
    }
  | { readonly kind: 'removed'; readonly sessionIds: readonly string[] }
  /** A remove named sessions none of which is on the agenda. */
  | { readonly kind: 'not-starred'; readonly sessionIds: readonly string[] }
  /** The user's starred sessions (ids the data no longer has are shown as gone), optionally one day's. */
  | { readonly kind: 'list'; readonly sessionIds: readonly string[]; readonly date?: string }
  | { readonly kind: 'cleared'; readonly count: number }
  | { readonly kind: 'lead-set'; readonly minutes: number }
  | { readonly kind: 'lead-missing'; readonly minutes: number }
  | { readonly kind: 'forgotten'; readonly rows: number }
  /** The DM before a starred session. */
  | { readonly kind: 'reminder'; readonly sessionId: string; readonly leadMinutes: number }
  /** The DM after a live refresh moved or cancelled a starred session. */
  | { readonly kind: 'changed'; readonly change: AgendaChange }
  /** An agenda request where no agenda is kept (a platform without a store). */
  | { readonly kind: 'unavailable' };
