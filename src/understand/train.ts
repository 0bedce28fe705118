// Turns the example table into training data: each example read into the same template a live question gets.

import { createHash } from 'node:crypto';
import {
  classifierFrom,
  type IntentClassifier,
  type SavedClassifier,
  trainClassifier,
} from './intent-classifier.ts';
import { INTENT_LABELS, type IntentLabel, type Lexicon } from './lexicon.ts';
import type { EntityType } from './link-entities.ts';
import { questionTokens } from './question-tokens.ts';
import { type SlotName, type TemplateItem, templateFeatures } from './template.ts';

const SLOTS: Readonly<Record<string, { slot: SlotName; type?: EntityType | 'place' }>> = {
  topic: { slot: 'X' },
  name: { slot: 'X' },
  session: { slot: 'X' },
  booth: { slot: 'X' },
  person: { slot: 'X', type: 'person' },
  org: { slot: 'X', type: 'organization' },
  place: { slot: 'X', type: 'place' },
  event: { slot: 'X', type: 'conference' },
  time: { slot: 'TIME' },
  kind: { slot: 'KIND' },
  coll: { slot: 'COLL' },
};

/** The template of an example such as "who spoke about {topic} on {time}". */
export function exampleItems(example: string, lexicon: Lexicon): TemplateItem[] {
  const items: TemplateItem[] = [];
  for (const part of example.split(/(\{[a-z]+\})/)) {
    const slot = /^\{([a-z]+)\}$/.exec(part)?.[1];
    if (slot !== undefined) {
      const known = SLOTS[slot];
      if (known === undefined) throw new Error(`intents.json: unknown slot {${slot}} in "${example}"`);
      items.push({
        kind: 'slot',
        slot: known.slot,
        ...(known.type === undefined ? {} : { type: known.type }),
      });
      continue;
    }
    const { words } = questionTokens(part, lexicon);
    for (let index = 0; index < words.length; index++) {
      const word = words[index] ?? '';
      const two = `${word} ${words[index + 1] ?? ''}`;
      if (lexicon.sessionKinds.has(two)) {
        items.push({ kind: 'slot', slot: 'KIND' });
        index++;
      } else if (lexicon.sessionKinds.has(word)) items.push({ kind: 'slot', slot: 'KIND' });
      else if (lexicon.eventWords.has(word)) items.push({ kind: 'slot', slot: 'X', type: 'conference' });
      else if (lexicon.collections.has(word))
        items.push({ kind: 'slot', slot: 'COLL', type: lexicon.collections.get(word) ?? 'sessions' });
      else if (!lexicon.filler.has(word)) items.push({ kind: 'word', word });
    }
  }
  return items;
}

/**
 * A question shaped exactly like an example gets that example's intent; the model decides the rest. A shape that
 * two intents share is left to the model (and the table test reports it).
 */
function withMemory(
  training: ReadonlyArray<readonly [IntentLabel, readonly string[]]>,
  model: IntentClassifier<IntentLabel>,
): IntentClassifier<IntentLabel> {
  const memory = new Map<string, IntentLabel | null>();
  for (const [label, features] of training) {
    const key = features.join('|');
    const known = memory.get(key);
    memory.set(key, known === undefined || known === label ? label : null);
  }
  return {
    classify(features) {
      const remembered = memory.get(features.join('|'));
      return remembered === undefined || remembered === null
        ? model.classify(features)
        : { label: remembered, confidence: 1 };
    },
  };
}

/** Tells a remark that asks nothing from a question, over templates read with the asides' own words as cues. */
export interface AsideModel {
  readonly classifier: IntentClassifier<'aside' | 'question'>;
  /** The question's cue words and the asides' words. */
  readonly cueWords: ReadonlySet<string>;
}

export interface TrainedUnderstanding {
  readonly classifier: IntentClassifier<IntentLabel>;
  /** Every word the examples frame questions with. */
  readonly cueWords: ReadonlySet<string>;
  /** The framing words of each intent's own examples: what is left of a question is its subject. */
  readonly cuesByLabel: ReadonlyMap<IntentLabel, ReadonlySet<string>>;
  readonly asides: AsideModel;
  /** The models as JSON, for `npm run train` to keep. */
  readonly model: SavedUnderstanding;
}

/**
 * What training produces, as plain JSON. `data/understanding/model.json` keeps one (`npm run train` writes it), so
 * a start reads the models instead of training them; it is used only when `trainedOn` matches the table as it is.
 */
export interface SavedUnderstanding {
  /** A hash of the training data: a model trained on another table is never used. */
  readonly trainedOn: string;
  readonly intents: SavedClassifier;
  readonly asides: SavedClassifier;
}

/** Trains the classifier on every example (a counter-example trains as a plain search), unless `saved` fits. */
export function trainOnLexicon(
  lexicon: Lexicon,
  options: { readonly leaveOut?: { label: IntentLabel; index: number }; readonly saved?: unknown } = {},
): TrainedUnderstanding {
  const { leaveOut } = options;
  const training: Array<readonly [IntentLabel, readonly string[]]> = [];
  const questions: Array<readonly string[]> = [];
  const cueWords = new Set<string>();
  const cuesByLabel = new Map<IntentLabel, Set<string>>();
  for (const label of INTENT_LABELS) {
    (lexicon.examples.get(label) ?? []).forEach((example, index) => {
      if (leaveOut?.label === label && leaveOut.index === index) return;
      const items = exampleItems(example, lexicon);
      const own = cuesByLabel.get(label) ?? new Set<string>();
      cuesByLabel.set(label, own);
      for (const item of items) {
        if (item.kind !== 'word') continue;
        own.add(item.word);
        cueWords.add(item.word);
      }
      const features = templateFeatures(items);
      training.push([label, features]);
      questions.push(features);
    });
    for (const counter of lexicon.counters.get(label) ?? []) {
      const items = exampleItems(counter, lexicon);
      for (const item of items) if (item.kind === 'word') cueWords.add(item.word);
      training.push(['none', templateFeatures(items)]);
    }
  }
  const asides = asideTraining(lexicon, cueWords, questions);
  const trainedOn = createHash('sha256')
    .update(JSON.stringify([training, asides.training]))
    .digest('hex');
  const saved = options.saved as Partial<SavedUnderstanding> | undefined;
  const fits = saved?.trainedOn === trainedOn && saved.intents !== undefined && saved.asides !== undefined;
  const model: SavedUnderstanding = fits
    ? (saved as SavedUnderstanding)
    : { trainedOn, intents: trainClassifier(training), asides: trainClassifier(asides.training) };
  return {
    classifier: withMemory(training, classifierFrom<IntentLabel>(model.intents)),
    cueWords,
    cuesByLabel,
    asides: { classifier: classifierFrom(model.asides), cueWords: asides.cueWords },
    model,
  };
}

/** Asides against every example of every intent: a remark is told by words no question is framed with. */
function asideTraining(
  lexicon: Lexicon,
  questionCues: ReadonlySet<string>,
  questions: ReadonlyArray<readonly string[]>,
): {
  readonly training: ReadonlyArray<readonly ['aside' | 'question', readonly string[]]>;
  readonly cueWords: ReadonlySet<string>;
} {
  const cueWords = new Set(questionCues);
  const asides = lexicon.asides.map((aside) => exampleItems(aside, lexicon));
  for (const items of asides) for (const item of items) if (item.kind === 'word') cueWords.add(item.word);
  const training: Array<readonly ['aside' | 'question', readonly string[]]> = asides.map((items) => [
    'aside',
    templateFeatures(items),
  ]);
  for (const features of questions) training.push(['question', features]);
  return { training, cueWords };
}
