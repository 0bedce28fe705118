// The query engine every adapter shares: build the indexes once, then answer questions with `ask`.
import type { Answer } from '../answer/answer.ts';
import { compose } from '../answer/compose.ts';
import { renderPlainText } from '../answer/plain-text.ts';
import { buildCatalog, type Catalog } from '../model/catalog.ts';
import type { Dataset } from '../model/schema.ts';
import { buildNameIndex } from '../search/name-index.ts';
import { buildTextIndex } from '../search/text-index.ts';
import { wordTokens } from '../text/normalize.ts';
import type { ResolveContext } from './finding.ts';
import { parseIntent } from './parse-intent.ts';
import { resolve } from './resolve/resolve.ts';
import { sanitizeQuestion } from './sanitize.ts';

export interface EngineOptions {
  /** Returns the current time in epoch milliseconds; injected so "now" and "next" are testable. */
  readonly clock?: () => number;
}

export interface Engine {
  /** Answers one question. Never throws: any input gets an answer. */
  ask(question: string): Answer;
  readonly catalog: Catalog;
  /** Plain minisearch over the same index for the question's terms (for benchmarks); returns the hit count. */
  rawSearch(question: string): number;
}

/** Builds the catalog and both search indexes over a validated dataset. */
export function createEngine(dataset: Dataset, options: EngineOptions = {}): Engine {
  const catalog = buildCatalog(dataset);
  const clock = options.clock ?? Date.now;
  const noise = conferenceWords(dataset);
  const context: ResolveContext = {
    catalog,
    text: buildTextIndex(catalog, { noise }),
    names: buildNameIndex(catalog),
    now: clock,
    conferenceWords: noise,
  };

  return {
    catalog,
    rawSearch: (question) => context.text.rawSearch(sanitizeQuestion(question).text),
    ask(question) {
      const clean = sanitizeQuestion(question);
      const intent = parseIntent(clean.text);
      const finding = resolve(context, intent);
      const composed = compose({ catalog, nowMs: clock(), question: clean.text }, finding);
      return {
        question: clean.text,
        intent: intent.kind,
        answered: composed.answered,
        title: composed.title,
        blocks: composed.blocks,
        results: composed.results,
        text: renderPlainText(composed.blocks),
      };
    },
  };
}

/** Words naming the event itself: in a question they describe nothing ("talks at KubeCon about X"). */
function conferenceWords(dataset: Dataset): Set<string> {
  const { conference } = dataset;
  const words = new Set(
    wordTokens([conference.name, conference.shortName ?? '', conference.city ?? ''].join(' ')),
  );
  for (const word of ['conference', 'event', 'summit', 'con']) words.add(word);
  // Years and edition markers ("2026", "eu") are too common in titles to be noise; keep them searchable.
  for (const word of [...words]) if (/^\d+$/.test(word) || word.length <= 2) words.delete(word);
  return words;
}
