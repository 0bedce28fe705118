// What the engine found, as typed values with no wording. `answer/` turns a finding into words.

import type { AgendaRequest } from '../agenda/agenda-request.ts';
import type { Digest } from '../digest/build-digest.ts';
import type { ChangeReport } from '../merge/change-report.ts';
import type { Catalog } from '../model/catalog.ts';
import type {
  Announcement,
  Conference,
  Organization,
  Person,
  Project,
  Session,
  Term,
} from '../model/schema.ts';
import type { NameIndex, NameMatch } from '../search/name-index.ts';
import type { Correction, TextHit, TextIndex } from '../search/text-index.ts';
import type { DayPart } from '../time/conference-time.ts';
import type { ActivityFocus, DayRef, ListSubject, VendorRole } from './intent.ts';
import type { CoverageGap } from './resolve/coverage-gap.ts';

/** Which side of an organisation a question is about: what it did, who works there, where it is, or all. */
export type OrganizationFocus = ActivityFocus | 'members' | 'location' | 'profile';

/** A session with how well it fits the question (1 = best). */
export interface RankedSession {
  readonly session: Session;
  readonly score: number;
}

/** A track or room a question named. */
export interface PlaceRef {
  readonly kind: 'track' | 'room';
  readonly name: string;
}

/** Why a list of sessions was chosen; the wording of the answer depends on it. */
export type SessionsReason =
  | { readonly kind: 'now'; readonly atMs: number; readonly place?: PlaceRef }
  | {
      readonly kind: 'next';
      readonly atMs: number;
      readonly startsMs: number;
      /** Whether something is on at `atMs` (the answer then does not say "nothing is running"). */
      readonly running: boolean;
      readonly place?: PlaceRef;
    }
  | {
      readonly kind: 'schedule';
      readonly date: string;
      readonly part?: DayPart;
      /** A wall-clock time: "at 11:00" (what runs then) or "from 18:00" (what starts from then on). */
      readonly at?: string;
      /** Sessions of the window already over and left out, when asked during it. */
      readonly over?: number;
      readonly sessionKind?: string;
      readonly topic?: string;
      /** The track or room the day's sessions were narrowed to. */
      readonly place?: PlaceRef;
    }
  | {
      readonly kind: 'place';
      readonly place: PlaceRef;
      /** Sessions of the place already over and left out, during the conference; 0 otherwise. */
      readonly over: number;
    }
  | { readonly kind: 'opener'; readonly date: string; readonly which: 'first' | 'last' }
  | { readonly kind: 'keynotes' }
  | { readonly kind: 'of-kind'; readonly sessionKind: string }
  | { readonly kind: 'where' | 'when'; readonly subject: string; readonly person?: Person };

/** One entry of a list answer ("list tracks"): a label, a count or detail, and the record behind it if any. */
export interface ListEntry {
  readonly label: string;
  readonly detail?: string;
  readonly count?: number;
}

/** How a name in the question was matched, so the answer can say "closest match" for typos. */
export interface MatchNote {
  readonly typed: string;
  readonly matchedName: string;
  readonly exact: boolean;
}

/** Why nothing was found; decides the wording and the suggestions. */
export type Miss =
  | { readonly kind: 'topic'; readonly topic: string }
  | { readonly kind: 'name'; readonly name: string; readonly expected: 'organization' | 'person' | 'any' }
  | { readonly kind: 'day-not-in-conference'; readonly day: DayRef; readonly date?: string }
  | {
      readonly kind: 'empty-window';
      readonly date: string;
      readonly part?: DayPart;
      readonly at?: string;
      readonly topic?: string;
      /** A room or track that has nothing then ("in Hall 12"). */
      readonly place?: string;
      /** Nothing left after now, though the window may have had sessions earlier. */
      readonly more?: true;
      /** The data has nothing that day (`day`) or at those hours (`hours`): a gap in the data, not a quiet time. */
      readonly gap?: CoverageGap;
    }
  | {
      readonly kind: 'outside-conference';
      readonly atMs: number;
      readonly when: 'before' | 'after' | 'between';
    }
  | { readonly kind: 'booth'; readonly booth: string }
  | { readonly kind: 'place'; readonly place: string }
  /** A question about times over a dataset with no timed sessions (an exhibitor list on its own). */
  | { readonly kind: 'no-schedule' }
  | { readonly kind: 'nothing'; readonly text: string };

/** Real names from the dataset, so that help shows questions that work on it. */
export interface HelpExamples {
  readonly topic?: string;
  readonly person?: string;
  readonly organization?: string;
  readonly project?: string;
  readonly session?: string;
  /** A conference day, `YYYY-MM-DD`. */
  readonly day?: string;
}

/** A topic or track that many sessions share, for "main themes". */
export interface Theme {
  readonly label: string;
  readonly sessions: readonly Session[];
  /** For a dataset of organisations only: those of the theme (a sponsorship tier). */
  readonly organizations: readonly Organization[];
}

/** What can be offered instead when nothing fits. */
export interface Suggestions {
  /** Names close to what was typed ("did you mean"). */
  readonly names: readonly string[];
  /** Topics or questions the dataset can answer. */
  readonly topics: readonly string[];
  /** The organisations with the most announcements and sessions, when an organisation was asked for. */
  readonly organizations: readonly string[];
  /** A list worth browsing instead: organisations when the dataset has any, else tracks, else speakers. */
  readonly browse: 'organizations' | 'tracks' | 'speakers';
}

export type Finding =
  | { readonly kind: 'help'; readonly conference: Conference; readonly examples: HelpExamples }
  | {
      readonly kind: 'list';
      readonly subject: ListSubject;
      readonly entries: readonly ListEntry[];
      /** Only those of sessions of this kind ("the companies at the keynotes"). */
      readonly sessionKind?: string;
    }
  | {
      readonly kind: 'sessions';
      readonly reason: SessionsReason;
      readonly sessions: readonly RankedSession[];
    }
  | {
      readonly kind: 'person';
      readonly person: Person;
      readonly sessions: readonly Session[];
      readonly match: MatchNote;
    }
  | {
      readonly kind: 'organization';
      readonly organization: Organization;
      readonly focus: OrganizationFocus;
      readonly people: readonly Person[];
      readonly sessions: readonly Session[];
      readonly announcements: readonly Announcement[];
      readonly partnerIn: readonly Announcement[];
      readonly products: readonly Project[];
      readonly match: MatchNote;
    }
  | {
      readonly kind: 'project';
      readonly project: Project;
      readonly sessions: readonly Session[];
      readonly announcements: readonly Announcement[];
      readonly match: MatchNote;
    }
  | {
      readonly kind: 'term';
      readonly term: Term;
      readonly sessions: readonly Session[];
      readonly match: MatchNote;
    }
  /** `fact`: the sentence of the conference's description that answers the question, when that is the answer. */
  | {
      readonly kind: 'conference';
      readonly conference: Conference;
      readonly days: readonly string[];
      readonly fact?: string;
    }
  | {
      readonly kind: 'partnership';
      readonly partner: string;
      readonly announcements: readonly Announcement[];
    }
  | { readonly kind: 'booth'; readonly booth: string; readonly organizations: readonly Organization[] }
  | {
      readonly kind: 'vendors';
      readonly role: VendorRole;
      readonly topic: string;
      /** Every organisation of the role, of the tier `topic` names (all tiers when empty), best tier first. */
      readonly listing?: true;
      readonly organizations: readonly Organization[];
      /** False when none matched the role asked for, and these are organisations of any kind. */
      readonly roleMatched: boolean;
    }
  | { readonly kind: 'ambiguous'; readonly typed: string; readonly candidates: readonly NameMatch[] }
  | {
      readonly kind: 'topic';
      readonly topic: string;
      readonly sessionKind?: string;
      readonly hits: readonly TextHit[];
      /** Words the dataset never uses that were searched as the closest known word instead. */
      readonly corrections?: readonly Correction[];
    }
  | { readonly kind: 'search'; readonly hits: readonly TextHit[] }
  /** The programme's main themes, most sessions first; empty when the data has no topics or tracks. */
  | {
      readonly kind: 'themes';
      readonly conference: Conference;
      readonly sessionCount: number;
      readonly themes: readonly Theme[];
    }
  /** `asked`: a question's answer rather than a scheduled post, so it has no "good morning". */
  | { readonly kind: 'digest'; readonly digest: Digest; readonly asked?: true }
  | { readonly kind: 'not-found'; readonly miss: Miss; readonly suggestions: Suggestions }
  /** An agenda question: what the adapter should do, with the sessions the words named (`typed`). */
  | {
      readonly kind: 'agenda';
      readonly request: AgendaRequest;
      readonly typed: string;
      readonly sessions: readonly Session[];
    };

/** Everything a resolver may consult. The clock is injected so "now" is testable. */
export interface ResolveContext {
  readonly catalog: Catalog;
  readonly text: TextIndex;
  readonly names: NameIndex;
  readonly now: () => number;
  /** Words that name the conference itself (its short name, its city): noise in a query. */
  readonly conferenceWords: ReadonlySet<string>;
  /** Schedule change reports from live sources, for digests; empty for static data. */
  readonly changes: () => readonly ChangeReport[];
}
