// Reads one question into a template and its slots: names linked to the catalog, times, kinds and collections.

import { eng as ENGLISH_STOP_WORDS } from 'stopword';
import type { ListSubject } from '../engine/intent.ts';
import type { SessionKind } from '../model/schema.ts';
import { STOP_WORDS } from '../text/stop-words.ts';
import type { Lexicon } from './lexicon.ts';
import type { EntityLinker, EntitySpan, EntityType } from './link-entities.ts';
import { mendFramingTypo, mendKindPhrases } from './mend-typos.ts';
import { fromWords, type QuestionTokens, questionTokens } from './question-tokens.ts';
import { readTimes, type TimeReading } from './read-times.ts';
import type { TemplateItem } from './template.ts';

/** A subject slot: words of the question that name something, linked to the catalog or not. */
export interface SubjectSlot {
  readonly words: readonly string[];
  /** Every word names the event itself. */
  readonly eventOnly: boolean;
  /** The one catalog name the slot is, when it is one ("trimbel" linked to Trimble Inc.). */
  readonly entity?: EntitySpan;
  /** The catalog names inside the slot, with their types ("netlify" in "the ceo of netlify"). */
  readonly named: ReadonlyArray<{
    readonly words: readonly string[];
    readonly types: ReadonlySet<EntityType>;
  }>;
  /** Catalog types the words name; empty when they name nothing known. */
  readonly types: ReadonlySet<EntityType>;
  /** The word before the slot ("in", "at", "from", "about"), which says how it is used. */
  readonly before?: string;
  /** Where the slot starts and ends (exclusive) among the question's words. */
  readonly start: number;
  readonly end: number;
}

/** Everything read from a question before its intent is decided. */
export interface QuestionReading {
  readonly tokens: QuestionTokens;
  readonly roles: readonly WordRole[];
  readonly items: readonly TemplateItem[];
  readonly times: TimeReading;
  readonly sessionKind?: SessionKind;
  readonly collection?: ListSubject;
  /** Words that point back at the previous answer ("it", "there"). */
  readonly pronouns: readonly string[];
}

export interface ReadingContext {
  readonly lexicon: Lexicon;
  readonly linker: EntityLinker;
  /** Words of the example table outside slots: the words that frame a question. */
  readonly cueWords: ReadonlySet<string>;
  /** Whether the dataset uses a word, so that it is never taken for a typo. */
  readonly isCorpusWord: (word: string) => boolean;
  readonly nowMs: number;
  readonly timeZone: string;
}

const GENERAL_STOP_WORDS: ReadonlySet<string> = new Set([...ENGLISH_STOP_WORDS, ...STOP_WORDS]);

/** True for words that never carry a subject: general stop words and the lexicon's filler. */
export function isEmptyWord(word: string, lexicon: Lexicon): boolean {
  return GENERAL_STOP_WORDS.has(word) || lexicon.filler.has(word);
}

export function readQuestion(question: string, context: ReadingContext): QuestionReading {
  const { lexicon } = context;
  const tokens = questionTokens(question, lexicon);
  const words = tokens.words.map((word, index) =>
    tokens.glued.has(index) ? word : mendFramingTypo(word, context),
  );
  mendKindPhrases(words, lexicon);
  const phrases = findPhrases(words, lexicon);
  // A word typed in capitals is a name, whatever it means in lower case ("where is the HERE booth?").
  const inCapitals = new Set([...tokens.capitals].map((index) => words[index]));
  const framing = (word: string) =>
    !inCapitals.has(word) &&
    (context.cueWords.has(word) || isEmptyWord(word, lexicon) || lexicon.pronouns.has(word));
  const spans = context.linker.link(words, framing).filter((span) => !overlapsPhrase(span, phrases));
  const taken = new Set<number>();
  for (const span of spans) for (let index = span.start; index < span.end; index++) taken.add(index);
  // The mended words, re-joined, so that the dates are read from "thursday", not "thursdy".
  const mended = fromWords(
    words,
    [...tokens.glued],
    [...tokens.breaks],
    [...tokens.quoted],
    [...tokens.capitals],
  );
  const times = readTimes(mended, lexicon, {
    nowMs: context.nowMs,
    timeZone: context.timeZone,
    taken,
  });

  // What each word is: part of a name, a time, a kind or collection, filler, or a plain word.
  // A hyphenated word is a subject word whatever its parts are: "closed-loop" is not "closed".
  const roles: WordRole[] = words.map((_, index) =>
    tokens.glued.has(index) ? { kind: 'word', glued: true } : { kind: 'word' },
  );
  for (const span of spans) {
    for (let index = span.start; index < span.end; index++) roles[index] = { kind: 'entity', span };
  }
  for (const index of times.words) if (roles[index]?.kind === 'word') roles[index] = { kind: 'time' };
  for (const phrase of phrases) {
    for (let index = phrase.start; index < phrase.end; index++) {
      if (roles[index]?.kind === 'word') roles[index] = { kind: 'phrase', phrase };
    }
  }
  words.forEach((word, index) => {
    if (roles[index]?.kind === 'word' && lexicon.filler.has(word)) roles[index] = { kind: 'filler' };
  });
  const phraseKinds = phrases.filter((phrase) => roles[phrase.start]?.kind === 'phrase');
  const sessionKind = phraseKinds.find((phrase) => phrase.kind !== undefined)?.kind;
  const collection = phraseKinds.find((phrase) => phrase.collection !== undefined)?.collection;
  const reading = {
    tokens: mended,
    roles,
    times,
    ...(sessionKind === undefined ? {} : { sessionKind }),
    ...(collection === undefined ? {} : { collection }),
    pronouns: words.filter((word, index) => roles[index]?.kind === 'word' && lexicon.pronouns.has(word)),
  };
  return { ...reading, items: templateItems(reading, context) };
}

/** How one word of a question was read. */
export type WordRole =
  | { readonly kind: 'word'; readonly glued?: true }
  | { readonly kind: 'filler' }
  | { readonly kind: 'time' }
  | { readonly kind: 'entity'; readonly span: EntitySpan }
  | { readonly kind: 'phrase'; readonly phrase: PhraseSpan };

/** The template the classifier reads: framing words as they are, everything else as slots. */
function templateItems(reading: Omit<QuestionReading, 'items'>, context: ReadingContext): TemplateItem[] {
  const items: TemplateItem[] = [];
  let lastSpan: EntitySpan | undefined;
  let lastPhrase: PhraseSpan | undefined;
  reading.roles.forEach((role, index) => {
    const word = reading.tokens.words[index] ?? '';
    switch (role.kind) {
      case 'filler':
        return;
      case 'time':
        items.push({ kind: 'slot', slot: 'TIME' });
        return;
      case 'entity': {
        if (role.span !== lastSpan) {
          // The event's name inside a title ("Welcome to <event> 2026") is part of that title, not the event.
          const inTitle = role.span.types.has('conference') && besideSubjectWord(reading, role.span, context);
          items.push(
            inTitle ? { kind: 'slot', slot: 'X' } : { kind: 'slot', slot: 'X', type: firstType(role.span) },
          );
        }
        lastSpan = role.span;
        return;
      }
      case 'phrase':
        if (role.phrase !== lastPhrase) {
          const { collection } = role.phrase;
          items.push(
            collection === undefined
              ? { kind: 'slot', slot: 'KIND' }
              : { kind: 'slot', slot: 'COLL', type: collection },
          );
        }
        lastPhrase = role.phrase;
        return;
      case 'word':
        if (role.glued) items.push({ kind: 'slot', slot: 'X' });
        else if (context.cueWords.has(word) || context.lexicon.pronouns.has(word))
          items.push({ kind: 'word', word });
        else if (!GENERAL_STOP_WORDS.has(word)) items.push({ kind: 'slot', slot: 'X' });
        return;
    }
  });
  return items;
}

/** Whether the nearest word before or after a span, past stop words, is a plain subject word. */
function besideSubjectWord(
  reading: Omit<QuestionReading, 'items'>,
  span: EntitySpan,
  context: ReadingContext,
): boolean {
  const plain = (index: number): boolean | undefined => {
    const role = reading.roles[index];
    const word = reading.tokens.words[index] ?? '';
    if (role === undefined) return false;
    if (role.kind === 'word' && isEmptyWord(word, context.lexicon)) return undefined;
    return role.kind === 'word' && !context.cueWords.has(word);
  };
  for (let index = span.start - 1; index >= 0; index--) {
    const verdict = plain(index);
    if (verdict !== undefined) {
      if (verdict) return true;
      break;
    }
  }
  for (let index = span.end; index < reading.roles.length; index++) {
    const verdict = plain(index);
    if (verdict !== undefined) return verdict;
  }
  return false;
}

function firstType(span: EntitySpan): EntityType {
  // The event's own name wins: "<event> summary" is about the event, whoever shares a word of its name.
  if (span.types.has('conference')) return 'conference';
  return [...span.types][0] ?? 'term';
}

export interface PhraseSpan {
  readonly start: number;
  readonly end: number;
  readonly kind?: SessionKind;
  readonly collection?: ListSubject;
}

/** Kinds of session ("lightning talk") and collections ("speakers"), longest first. */
function findPhrases(words: readonly string[], lexicon: Lexicon): PhraseSpan[] {
  const found: PhraseSpan[] = [];
  for (let index = 0; index < words.length; index++) {
    const two = `${words[index]} ${words[index + 1] ?? ''}`;
    const one = words[index] ?? '';
    const kindTwo = lexicon.sessionKinds.get(two);
    if (kindTwo !== undefined) {
      found.push({ start: index, end: index + 2, kind: kindTwo });
      index++;
      continue;
    }
    const kind = lexicon.sessionKinds.get(one);
    const collection = lexicon.collections.get(one);
    if (kind !== undefined) found.push({ start: index, end: index + 1, kind });
    else if (collection !== undefined) found.push({ start: index, end: index + 1, collection });
  }
  return found;
}

function overlapsPhrase(span: EntitySpan, phrases: readonly PhraseSpan[]): boolean {
  // A name that is only a kind or collection word ("Demo", "Tracks") is read as that word.
  return phrases.some((phrase) => phrase.start === span.start && phrase.end === span.end);
}
