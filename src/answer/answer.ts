// The engine's platform-neutral answer: blocks that every adapter renders, and machine-readable results.

import type { AgendaRequest } from '../agenda/agenda-request.ts';
import type { ConversationContext } from '../engine/conversation.ts';
import type { IntentKind } from '../engine/intent.ts';
import type { RecordType } from '../model/catalog.ts';

/** One labelled value shown with an item, such as People, When or Where. */
export interface AnswerField {
  readonly label: string;
  readonly value: string;
}

/** A link to what an answer is based on. */
export interface SourceLink {
  readonly title: string;
  readonly url?: string;
}

/** One record shown in an answer: a session, a person, an announcement… */
export interface AnswerItem {
  readonly title: string;
  readonly url?: string;
  readonly fields: readonly AnswerField[];
  /** A short description, already shortened to fit a chat message. */
  readonly text?: string;
}

/** The building blocks of an answer; renderers map each type to their platform's format. */
export type AnswerBlock =
  | { readonly type: 'paragraph'; readonly text: string }
  | { readonly type: 'heading'; readonly text: string }
  | { readonly type: 'item'; readonly item: AnswerItem }
  | { readonly type: 'bullets'; readonly items: readonly string[] }
  | { readonly type: 'more'; readonly count: number; readonly noun: string }
  | { readonly type: 'suggestions'; readonly items: readonly string[] }
  | { readonly type: 'sources'; readonly sources: readonly SourceLink[] };

export type AnswerBlockType = AnswerBlock['type'];

/** One result, for programs (`--json`) and for adapters that want more than the blocks. */
export interface AnswerResult {
  readonly type: RecordType;
  readonly id: string;
  readonly title: string;
  /** Names of the people involved (speakers, or the person themself). */
  readonly people: readonly string[];
  /** Names of the organisations involved. */
  readonly organizations: readonly string[];
  /** When, in the conference's time zone ("Thu 26 Mar, 09:00–09:03 CET"). */
  readonly when?: string;
  readonly where?: string;
  /** ISO start and end, for programs that do their own time arithmetic. */
  readonly start?: string;
  readonly end?: string;
  readonly url?: string;
  /** Relevance from 0 to 1; lists ordered by time score 1. */
  readonly score: number;
}

/** Everything an adapter needs to reply. `text` is the whole answer as plain text. */
export interface Answer {
  readonly question: string;
  readonly intent: IntentKind;
  /** False when nothing relevant was found; the blocks then say so and suggest what exists. */
  readonly answered: boolean;
  /** A short headline for platforms that show one. */
  readonly title: string;
  readonly blocks: readonly AnswerBlock[];
  readonly results: readonly AnswerResult[];
  readonly text: string;
  /** What a follow-up question in the same conversation can refer to; pass it back with the next question. */
  readonly context?: ConversationContext;
  /** An agenda question: what the adapter, which knows the asker, should do with their stars. */
  readonly agenda?: AgendaRequest;
}
