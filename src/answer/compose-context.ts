// What composing an answer needs besides the finding: the data, the moment, and the question as asked.
import type { Catalog } from '../model/catalog.ts';
import type { Session } from '../model/schema.ts';
import type { AnswerBlock, AnswerResult } from './answer.ts';
import { AnswerBuilder } from './answer-builder.ts';

export interface ComposeContext {
  readonly catalog: Catalog;
  readonly nowMs: number;
  /** The question as the user typed it (cleaned), to echo their own spelling back. */
  readonly question: string;
}

/** A composed answer before the plain text is rendered. */
export interface Composed {
  readonly title: string;
  readonly answered: boolean;
  readonly blocks: readonly AnswerBlock[];
  readonly results: readonly AnswerResult[];
}

export function builder(context: ComposeContext): AnswerBuilder {
  return new AnswerBuilder(context.catalog);
}

/** Past tense once a session is over, present tense before: answers read right during and after the event. */
export function isOver(context: ComposeContext, session: Session): boolean {
  const end = session.end ?? session.start;
  return end === undefined ? context.nowMs > lastMoment(context) : Date.parse(end) <= context.nowMs;
}

function lastMoment(context: ComposeContext): number {
  return Date.parse(`${context.catalog.conference.endDate}T23:59:59Z`);
}

/** A phrase from the parsed question in the user's own capitals ("Backstage", not "backstage"), when found. */
export function asTyped(context: ComposeContext, phrase: string): string {
  const at = context.question.toLowerCase().indexOf(phrase.toLowerCase());
  return at < 0 ? phrase : context.question.slice(at, at + phrase.length);
}
