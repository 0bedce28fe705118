// What a question asks for, as a typed value. Parsing produces it; resolvers consume it.
import type { SessionKind } from '../model/schema.ts';
import type { DayPart } from '../time/conference-time.ts';

/** A day as people name it: "Thursday", "tomorrow", "the final day", "26 March". */
export type DayRef =
  | { readonly kind: 'weekday'; readonly weekday: number }
  | { readonly kind: 'relative'; readonly offset: number }
  | { readonly kind: 'ordinal'; readonly index: number }
  | { readonly kind: 'date'; readonly month: number; readonly day: number; readonly year?: number }
  /** "On the 27th": a day of the month, whichever of the conference's months has it. */
  | { readonly kind: 'month-day'; readonly day: number };

/** A wall-clock time in the conference's zone, as in "what's on at 11:00?". */
export interface ClockTime {
  readonly hour: number;
  readonly minute: number;
  /** "after 6pm", "from 14:00": from then to the end of the day, rather than at that moment. */
  readonly onward?: true;
  /** With `onward`: up to this wall-clock time ("between 9 and 10", "in the next 30 minutes"). */
  readonly until?: { readonly hour: number; readonly minute: number };
}

/** The collections a "list …" question can ask for. */
export const LIST_SUBJECTS = [
  'speakers',
  'organizations',
  'tracks',
  'days',
  'rooms',
  'projects',
  'keynotes',
  'announcements',
  'sessions',
] as const;
export type ListSubject = (typeof LIST_SUBJECTS)[number];

/** The kind of organisation a "which sponsors do X" question asks for; `any` for companies in general. */
export type VendorRole = 'sponsor' | 'exhibitor' | 'any';

/** What an organisation or person did: announced things, presented sessions, or either. */
export type ActivityFocus = 'announced' | 'presented' | 'any';

export type Intent =
  | { readonly kind: 'help' }
  /** `sessionKind` with `sessions`: every session of that kind ("which demos were there?"). */
  | { readonly kind: 'list'; readonly subject: ListSubject; readonly sessionKind?: SessionKind }
  /** `place`: the words after "in" ("what's on now in Hall 12?"), a room or track to narrow to. */
  | { readonly kind: 'now'; readonly place?: string }
  | {
      readonly kind: 'next';
      readonly place?: string;
      readonly sessionKind?: SessionKind;
      /** "What's after it?": the title of the session to count from, instead of now. */
      readonly after?: string;
    }
  | {
      readonly kind: 'schedule';
      readonly day: DayRef;
      readonly part?: DayPart;
      /** Sessions running at this time, rather than the whole day or part. */
      readonly time?: ClockTime;
      readonly sessionKind?: SessionKind;
      readonly topic?: string;
      /** The topic followed "in" or "at" ("what's on in Janson"), so it may name a room or a track. */
      readonly placed?: true;
      /** "What did I miss this morning?": only the sessions of the window that are already over. */
      readonly missed?: true;
    }
  | {
      readonly kind: 'opener';
      readonly day?: DayRef;
      readonly which: 'first' | 'last';
      /** "The first talk in the Go devroom": a room or track to look in. */
      readonly place?: string;
      /** "The first keynote": only sessions of this kind. */
      readonly sessionKind?: SessionKind;
    }
  | { readonly kind: 'booth'; readonly booth: string }
  | { readonly kind: 'where'; readonly subject: string; readonly sessionKind?: SessionKind }
  | { readonly kind: 'when'; readonly subject: string; readonly sessionKind?: SessionKind }
  | { readonly kind: 'activity'; readonly subject: string; readonly focus: ActivityFocus }
  | { readonly kind: 'partnership'; readonly partner: string }
  | { readonly kind: 'members'; readonly organization: string }
  /** `listing`: "who are the gold sponsors?", every organisation of the role, `topic` naming a tier or none. */
  | { readonly kind: 'vendors'; readonly role: VendorRole; readonly topic: string; readonly listing?: true }
  | {
      readonly kind: 'topic';
      readonly topic: string;
      readonly sessionKind?: SessionKind;
      /** Parts of the topic to try, in order, when the whole of it matches nothing. */
      readonly alternatives?: readonly string[];
      /** The topic is a room or track the question placed itself in ("what's in Moncreiff 2?"). */
      readonly placed?: true;
    }
  | { readonly kind: 'identify'; readonly subject: string; readonly asked: 'who' | 'what' }
  /** `part`: only that part of the day ("what did I miss this morning?"). */
  | { readonly kind: 'digest'; readonly day?: DayRef; readonly part?: DayPart }
  /** "Summarize the conference", "main themes": the topics the programme spends most sessions on. */
  | { readonly kind: 'summary' }
  /** A fact about the event itself ("how many people attended?"), from the conference's own description. */
  | {
      readonly kind: 'event';
      readonly question: string;
      /** Nothing but the event and the words that frame the question is named ("where does it take place?"). */
      readonly eventOnly?: true;
    }
  | { readonly kind: 'search'; readonly text: string }
  /** The asker's own agenda: the engine names the session(s); the adapter, which knows the user, keeps the stars. */
  | AgendaIntent;

/** "Add the Agones keynote to my agenda", "what's on my agenda today?", "remind me 15 minutes before", "forget me". */
export type AgendaIntent =
  | { readonly kind: 'agenda-add'; readonly subject: string }
  | { readonly kind: 'agenda-remove'; readonly subject: string }
  | { readonly kind: 'agenda-show'; readonly day?: DayRef }
  | { readonly kind: 'agenda-clear' }
  /** `minutes`: how long before each starred session the reminder comes; undefined when none was read. */
  | { readonly kind: 'agenda-lead'; readonly minutes?: number }
  | { readonly kind: 'forget-me' };

export type IntentKind = Intent['kind'];

/** Fails to compile when a switch over a union misses a case. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
