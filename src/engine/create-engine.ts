// The query engine every adapter shares: build the indexes once, then answer questions with `ask`.
import type { AgendaOutcome } from '../agenda/agenda-request.ts';
import type { Answer } from '../answer/answer.ts';
import { compose } from '../answer/compose.ts';
import { composeAgendaOutcome } from '../answer/compose-agenda.ts';
import { renderPlainText } from '../answer/plain-text.ts';
import { buildDigest, type DigestRequest } from '../digest/build-digest.ts';
import type { ChangeReport } from '../merge/change-report.ts';
import { buildCatalog, type Catalog } from '../model/catalog.ts';
import type { Dataset } from '../model/schema.ts';
import { buildNameIndex } from '../search/name-index.ts';
import { buildTextIndex } from '../search/text-index.ts';
import { wordTokens } from '../text/normalize.ts';
import { LEXICON } from '../understand/lexicon.ts';
import { createUnderstanding } from '../understand/understand.ts';
import { type ConversationContext, contextAfter } from './conversation.ts';
import type { EngineIndexes } from './engine-indexes.ts';
import type { Finding, ResolveContext } from './finding.ts';
import type { IntentKind } from './intent.ts';
import { resolve } from './resolve/resolve.ts';
import { sanitizeQuestion } from './sanitize.ts';

export interface EngineOptions {
  /** Returns the current time in epoch milliseconds; injected so "now" and "next" are testable. */
  readonly clock?: () => number;
  /** The schedule change reports of live sources, which digests list; none for static data. */
  readonly changes?: () => readonly ChangeReport[];
  /** The indexes, built before over this same dataset (read back from a snapshot); built here when absent. */
  readonly indexes?: EngineIndexes;
}

/** What one question may carry besides its text. */
export interface AskOptions {
  /** The conversation so far (the previous answer's `context`), for follow-ups such as "when is it?". */
  readonly context?: ConversationContext;
}

export interface Engine {
  /** Answers one question. Never throws: any input gets an answer. */
  ask(question: string, options?: AskOptions): Answer;
  readonly catalog: Catalog;
  /** The digest of one day (`YYYY-MM-DD`), as posted each morning (or evening). */
  digest(request: DigestRequest): Answer;
  /** Puts what an adapter did with a user's agenda into words: a confirmation, the list, a reminder, a notice. */
  agenda(outcome: AgendaOutcome): Answer;
  /** Plain minisearch over the same index for the question's terms (for benchmarks); returns the hit count. */
  rawSearch(question: string): number;
}

/** Builds the catalog and both search indexes over a validated dataset (from `options.indexes` when given). */
export function createEngine(dataset: Dataset, options: EngineOptions = {}): Engine {
  const catalog = buildCatalog(dataset);
  const clock = options.clock ?? Date.now;
  const noise = conferenceWords(dataset);
  const { indexes } = options;
  const context: ResolveContext = {
    catalog,
    text: buildTextIndex(catalog, { noise }, indexes?.text),
    names: buildNameIndex(catalog, indexes?.names),
    now: clock,
    conferenceWords: noise,
    changes: options.changes ?? (() => []),
  };
  const understanding = createUnderstanding(catalog, context.text, noise);
  const answerOf = (
    question: string,
    intent: IntentKind,
    finding: Finding,
    previous?: ConversationContext,
  ): Answer => {
    const composed = compose({ catalog, nowMs: clock(), question }, finding);
    return {
      question,
      intent,
      answered: composed.answered,
      title: composed.title,
      blocks: composed.blocks,
      results: composed.results,
      text: renderPlainText(composed.blocks),
      context: contextAfter(catalog, composed.results, previous),
      ...(finding.kind === 'agenda' ? { agenda: finding.request } : {}),
    };
  };

  return {
    catalog,
    rawSearch: (question) => context.text.rawSearch(sanitizeQuestion(question).text),
    ask(question, options = {}) {
      const clean = sanitizeQuestion(question);
      const previous = options.context;
      const { intent, renamed } = understanding.read(clean.text, clock(), previous?.focus);
      return answerOf(clean.text, intent.kind, resolve(context, intent, renamed), previous);
    },
    digest(request) {
      const changes = request.changes ?? context.changes();
      const digest = buildDigest(catalog, { ...request, changes });
      return answerOf(`digest for ${request.date}`, 'digest', { kind: 'digest', digest });
    },
    agenda(outcome) {
      const composed = composeAgendaOutcome({ catalog, nowMs: clock(), question: '' }, outcome);
      const { title, answered, blocks, results } = composed;
      return {
        question: '',
        intent: 'agenda-show',
        answered,
        title,
        blocks,
        results,
        text: renderPlainText(blocks),
      };
    },
  };
}

/** Words naming the event itself: in a question they describe nothing ("talks at <event> about X"). */
function conferenceWords(dataset: Dataset): Set<string> {
  const { conference } = dataset;
  const words = new Set(
    wordTokens([conference.name, conference.shortName ?? '', conference.city ?? ''].join(' ')),
  );
  for (const word of LEXICON.eventWords) words.add(word);
  // Years and edition markers ("2026", "eu") are too common in titles to be noise; keep them searchable.
  for (const word of [...words]) if (/^\d+$/.test(word) || word.length <= 2) words.delete(word);
  return words;
}
