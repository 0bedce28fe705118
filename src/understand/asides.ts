// Asides: remarks around a question that ask nothing ("overslept, what did I miss?", "asking for a friend"). A
// clause that reads as one is dropped before the question is read, so its words never become the subject.
import type { IntentClassifier } from './intent-classifier.ts';
import type { IntentLabel } from './lexicon.ts';
import { splitClauses } from './question-tokens.ts';
import type { QuestionReading } from './read-question.ts';
import { templateFeatures } from './template.ts';
import type { AsideModel } from './train.ts';

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

export interface AsideFilterParts {
  readonly classifier: IntentClassifier<IntentLabel>;
  readonly asides: AsideModel;
  /** The words that frame questions. */
  readonly cueWords: ReadonlySet<string>;
  /** Whether the dataset uses a word, or nearly does. */
  readonly carriesWeight: (word: string) => boolean;
  /** Reads a text as a question at `nowMs`, with other cue words when given. */
  readonly read: (text: string, nowMs: number, cueWords?: ReadonlySet<string>) => QuestionReading;
}

/** The question without its asides, or as it is when it has none or nothing would be left to ask. */
export function asideFilter(parts: AsideFilterParts): (question: string, nowMs: number) => string {
  const { classifier, asides, cueWords, carriesWeight, read } = parts;
  // What is left of a question must still ask something: not a bare search, nor a call for help.
  const asks = (text: string, nowMs: number): boolean => {
    const label = classifier.classify(templateFeatures(read(text, nowMs).items)).label;
    return label !== 'none' && label !== 'help';
  };
  const names = (reading: QuestionReading): boolean =>
    reading.roles.some((role) => role.kind === 'entity' || role.kind === 'time' || role.kind === 'phrase');
  // A remark names nothing, and reads like an aside; or it holds no word that a question or a session uses, and
  // the rest of the question names its own subject ("overslept, what did I miss this morning?"). An unknown name
  // that the rest points back to ("Nintendo: which booth?") is the subject, not a remark.
  const isAside = (clause: string, rest: () => QuestionReading, nowMs: number): boolean => {
    const reading = read(clause, nowMs, asides.cueWords);
    if (names(reading)) return false;
    if (asides.classifier.classify(templateFeatures(reading.items)).label === 'aside') return true;
    const weightless = reading.tokens.words.every(
      (word, index) => reading.roles[index]?.kind !== 'word' || (!cueWords.has(word) && !carriesWeight(word)),
    );
    if (!weightless) return false;
    const others = rest();
    return names(others) && others.pronouns.length === 0;
  };
  // Drops the asides of a question of several clauses, as long as what is left still asks something.
  const withoutAsides = (question: string, nowMs: number): string => {
    const clauses = splitClauses(question);
    if (clauses.length < 2) return withoutUnmarkedAside(question, nowMs);
    if (clauses.length > MAX_CLAUSES) return question;
    const kept = clauses.filter((clause, index) => {
      const others = clauses.filter((_, other) => other !== index).join(', ');
      // The rest is read only for a clause that might be a weightless remark: most clauses are decided before.
      return !isAside(clause, () => read(others, nowMs), nowMs);
    });
    if (kept.length === 0 || kept.length === clauses.length) return question;
    const rest = kept.join(', ');
    return asks(rest, nowMs) ? rest : question;
  };
  // Chat often has no punctuation ("sorry total newbie here where do the keynotes happen"): an aside at the start
  // or the end is looked for at every word, shortest first, and dropped only when the model is sure of it and the
  // rest still asks something.
  const withoutUnmarkedAside = (question: string, nowMs: number): string => {
    const words = question.trim().split(/\s+/);
    if (words.length < MIN_WORDS_FOR_UNMARKED_ASIDE || words.length > MAX_WORDS_FOR_ASIDES) return question;
    const sureAside = (text: string): boolean => {
      const reading = read(text, nowMs, asides.cueWords);
      if (names(reading)) return false;
      const { label, confidence } = asides.classifier.classify(templateFeatures(reading.items));
      return label === 'aside' && confidence >= SURE_ASIDE;
    };
    const longest = Math.min(MAX_UNMARKED_ASIDE_WORDS, words.length - MIN_ASIDE_WORDS);
    for (let size = MIN_ASIDE_WORDS; size <= longest; size++) {
      const tail = words.slice(words.length - size).join(' ');
      const beforeTail = words.slice(0, words.length - size).join(' ');
      if (sureAside(tail) && asks(beforeTail, nowMs)) return beforeTail;
      const head = words.slice(0, size).join(' ');
      const afterHead = words.slice(size).join(' ');
      if (sureAside(head) && asks(afterHead, nowMs)) return afterHead;
    }
    return question;
  };
  return withoutAsides;
}
