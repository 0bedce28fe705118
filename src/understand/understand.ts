// Understanding a question: entities first, then times, then the intent from the example-trained classifier,
// then the slots. Built once per dataset; `read` is pure given the clock and the conversation.

import savedModel from '../../data/understanding/model.json' with { type: 'json' };
import type { ConversationFocus } from '../engine/conversation.ts';
import type { Intent } from '../engine/intent.ts';
import type { Catalog } from '../model/catalog.ts';
import type { TextIndex } from '../search/text-index.ts';
import { analyzeToken } from '../text/analyzer.ts';
import { QUESTION_NOISE_WORDS } from '../text/stop-words.ts';
import { asideFilter } from './asides.ts';
import type { IntentLabel } from './lexicon.ts';
import { LEXICON, LEXICON_HASH } from './lexicon.ts';
import { buildEntityLinker } from './link-entities.ts';
import { isEmptyWord, type ReadingContext, readQuestion } from './read-question.ts';
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
  const withoutAsides = asideFilter({
    classifier,
    asides,
    cueWords,
    carriesWeight,
    read: (text, nowMs, cues) =>
      readQuestion(text, { ...contextAt(nowMs), ...(cues === undefined ? {} : { cueWords: cues }) }),
  });
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
