// Understanding a question: entities first, then times, then the intent from the example-trained classifier,
// then the slots. Built once per dataset; `read` is pure given the clock and the conversation.

import savedModel from '../../data/understanding/model.json' with { type: 'json' };
import type { ConversationFocus } from '../engine/conversation.ts';
import type { Intent } from '../engine/intent.ts';
import type { Catalog } from '../model/catalog.ts';
import type { TextIndex } from '../search/text-index.ts';
import { analyzeToken } from '../text/analyzer.ts';
import { QUESTION_NOISE_WORDS } from '../text/stop-words.ts';
import type { IntentLabel } from './lexicon.ts';
import { LEXICON, LEXICON_HASH } from './lexicon.ts';
import { buildEntityLinker } from './link-entities.ts';
import { splitClauses } from './question-tokens.ts';
import { isEmptyWord, type QuestionReading, type ReadingContext, readQuestion } from './read-question.ts';
import { templateFeatures } from './template.ts';
import { toIntent } from './to-intent.ts';
import { type TrainedUnderstanding, trainOnLexicon } from './train.ts';

/** The intent of a question, with the label the classifier chose and how sure it was. */
export interface Understood {
  readonly intent: Intent;
  /** A name typed with a typo, asked about by the catalog name it was linked to. */
  readonly renamed?: { readonly typed: string; readonly name: string };
  readonly label: IntentLabel;
  readonly confidence: number;
}

export interface Understanding {
  read(question: string, nowMs: number, focus?: ConversationFocus): Understood;
}

/** A message longer than this, or of more clauses, is no chat question with a remark: it is read as it is. */
const MAX_WORDS_FOR_ASIDES = 30;
const MAX_CLAUSES = 4;
/** A question this short has no room for an unmarked aside besides what it asks. */
const MIN_WORDS_FOR_UNMARKED_ASIDE = 7;
/** An unmarked aside is at least this long: one word alone is too often part of the question. */
const MIN_ASIDE_WORDS = 2;
/** Remarks are short; looking for longer ones costs a reading per word for nothing. */
const MAX_UNMARKED_ASIDE_WORDS = 6;
/** Without punctuation to mark it, an aside is dropped only when the model is this sure of it. */
const SURE_ASIDE = 0.8;

/** Read (or, when the kept model is stale, trained) once per process: the table is the same for every dataset. */
let trained: TrainedUnderstanding | undefined;
function training(): TrainedUnderstanding {
  trained ??= trainOnLexicon(LEXICON, { saved: savedModel, table: LEXICON_HASH });
  return trained;
}

/** Builds the reader over one dataset; `conferenceWords` are the event's own names (its name, short name and city). */
export function createUnderstanding(
  catalog: Catalog,
  text: TextIndex,
  conferenceWords: ReadonlySet<string>,
): Understanding {
  const { classifier, cueWords, cuesByLabel, asides } = training();
  const isCorpusWord = (word: string): boolean => {
    const term = analyzeToken(word);
    return term !== null && text.documentFrequency(term) > 0;
  };
  const linker = buildEntityLinker(catalog, [...conferenceWords], isCorpusWord);
  const carriesWeight = (word: string): boolean =>
    !isEmptyWord(word, LEXICON) && (isCorpusWord(word) || text.corrections(word).length > 0);
  // Words that only frame a question carry no weight in its topic; every other word counts, so that an unknown
  // subject ("quantum computing") is answered with an honest "nothing", never with half of it.
  const weighTopic = (words: readonly string[]): string[] =>
    words.filter((word) => !isEmptyWord(word, LEXICON) && !QUESTION_NOISE_WORDS.has(word));
  const contextAt = (nowMs: number): ReadingContext => ({
    lexicon: LEXICON,
    linker,
    cueWords,
    isCorpusWord,
    nowMs,
    timeZone: catalog.conference.timeZone,
  });
  const names = (reading: QuestionReading): boolean =>
    reading.roles.some((role) => role.kind === 'entity' || role.kind === 'time' || role.kind === 'phrase');
  // A remark names nothing, and reads like an aside; or it holds no word that a question or a session uses, and
  // the rest of the question names its own subject ("overslept, what did I miss this morning?"). An unknown name
  // that the rest points back to ("Nintendo: which booth?") is the subject, not a remark.
  const isAside = (clause: string, rest: QuestionReading, nowMs: number): boolean => {
    const reading = readQuestion(clause, { ...contextAt(nowMs), cueWords: asides.cueWords });
    if (names(reading)) return false;
    if (asides.classifier.classify(templateFeatures(reading.items)).label === 'aside') return true;
    const weightless = reading.tokens.words.every(
      (word, index) => reading.roles[index]?.kind !== 'word' || (!cueWords.has(word) && !carriesWeight(word)),
    );
    return weightless && names(rest) && rest.pronouns.length === 0;
  };
  // Drops the asides of a question of several clauses, as long as what is left still asks something.
  const withoutAsides = (question: string, nowMs: number): string => {
    const clauses = splitClauses(question);
    if (clauses.length < 2) return withoutUnmarkedAside(question, nowMs);
    if (clauses.length > MAX_CLAUSES) return question;
    const kept = clauses.filter((clause, index) => {
      const others = clauses.filter((_, other) => other !== index).join(', ');
      return !isAside(clause, readQuestion(others, contextAt(nowMs)), nowMs);
    });
    if (kept.length === 0 || kept.length === clauses.length) return question;
    const rest = kept.join(', ');
    const label = classifier.classify(templateFeatures(readQuestion(rest, contextAt(nowMs)).items)).label;
    return label === 'none' || label === 'help' ? question : rest;
  };
  // Chat often has no punctuation ("sorry total newbie here where do the keynotes happen"): an aside at the start
  // or the end is looked for at every word, shortest first, and dropped only when the model is sure of it and the
  // rest still asks something.
  const withoutUnmarkedAside = (question: string, nowMs: number): string => {
    const words = question.trim().split(/\s+/);
    if (words.length < MIN_WORDS_FOR_UNMARKED_ASIDE || words.length > MAX_WORDS_FOR_ASIDES) return question;
    const asks = (text: string): boolean => {
      const label = classifier.classify(templateFeatures(readQuestion(text, contextAt(nowMs)).items)).label;
      return label !== 'none' && label !== 'help';
    };
    const sureAside = (text: string): boolean => {
      const reading = readQuestion(text, { ...contextAt(nowMs), cueWords: asides.cueWords });
      if (names(reading)) return false;
      const { label, confidence } = asides.classifier.classify(templateFeatures(reading.items));
      return label === 'aside' && confidence >= SURE_ASIDE;
    };
    const longest = Math.min(MAX_UNMARKED_ASIDE_WORDS, words.length - MIN_ASIDE_WORDS);
    for (let size = MIN_ASIDE_WORDS; size <= longest; size++) {
      const tail = words.slice(words.length - size).join(' ');
      const beforeTail = words.slice(0, words.length - size).join(' ');
      if (sureAside(tail) && asks(beforeTail)) return beforeTail;
      const head = words.slice(0, size).join(' ');
      const afterHead = words.slice(size).join(' ');
      if (sureAside(head) && asks(afterHead)) return afterHead;
    }
    return question;
  };
  return {
    read(question, nowMs, focus) {
      const reading = readQuestion(withoutAsides(question, nowMs), contextAt(nowMs));
      if (reading.tokens.words.length === 0)
        return { intent: { kind: 'help' }, label: 'help', confidence: 1 };
      const { label, confidence } = classifier.classify(templateFeatures(reading.items));
      const cues = cuesByLabel.get(label) ?? cueWords;
      let renamed: Understood['renamed'];
      const intent = toIntent(label, reading, {
        onRenamed: (typed, name) => {
          renamed = { typed, name };
        },
        lexicon: LEXICON,
        weighTopic,
        cues,
        carriesWeight,
        hasPeople: catalog.dataset.people.length > 0,
        ...(focus === undefined ? {} : { focus }),
      });
      return { intent, label, confidence, ...(renamed === undefined ? {} : { renamed }) };
    },
  };
}
