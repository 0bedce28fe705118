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
function memoryOf(
  training: ReadonlyArray<readonly [IntentLabel, readonly string[]]>,
): Map<string, IntentLabel | null> {
  const memory = new Map<string, IntentLabel | null>();
  for (const [label, features] of training) {
    const key = features.join('|');
    const known = memory.get(key);
    memory.set(key, known === undefined || known === label ? label : null);
  }
  return memory;
}

function withMemory(
  memory: ReadonlyMap<string, IntentLabel | null>,
  model: IntentClassifier<IntentLabel>,
): IntentClassifier<IntentLabel> {
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
  /**
   * A hash of the table file as written, and what reading its examples gives: a start whose table hashes the same
   * reads them from here instead of reading 1,000 examples (the test suite checks them against a fresh reading).
   */
  readonly table?: string;
  readonly read?: {
    readonly cueWords: readonly string[];
    readonly cuesByLabel: Readonly<Record<string, readonly string[]>>;
    readonly asideCueWords: readonly string[];
    /** Each example's template, and its label (null when two intents share it). */
    readonly memory: ReadonlyArray<readonly [string, IntentLabel | null]>;
  };
}

/** Trains the classifier on every example (a counter-example trains as a plain search), unless `saved` fits. */
export function trainOnLexicon(
  lexicon: Lexicon,
  options: {
    readonly leaveOut?: { label: IntentLabel; index: number };
    readonly saved?: unknown;
    /** The hash of the table file as written; when the saved model was kept for it, nothing is read again. */
    readonly table?: string;
  } = {},
): TrainedUnderstanding {
  const { leaveOut } = options;
  const kept = options.saved as Partial<SavedUnderstanding> | undefined;
  if (
    leaveOut === undefined &&
    options.table !== undefined &&
    kept?.table === options.table &&
    kept.read !== undefined
  )
    return fromKept(kept as SavedUnderstanding & Required<Pick<SavedUnderstanding, 'read'>>);
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
  const memory = memoryOf(training);
  const model: SavedUnderstanding = {
    trainedOn,
    // The saved weights when they were trained on exactly this data; training is the one costly step.
    intents: fits && saved.intents !== undefined ? saved.intents : trainClassifier(training),
    asides: fits && saved.asides !== undefined ? saved.asides : trainClassifier(asides.training),
    ...(options.table === undefined ? {} : { table: options.table }),
    read: {
      cueWords: [...cueWords],
      cuesByLabel: Object.fromEntries([...cuesByLabel].map(([label, cues]) => [label, [...cues]])),
      asideCueWords: [...asides.cueWords],
      memory: [...memory],
    },
  };
  return {
    classifier: withMemory(memory, classifierFrom<IntentLabel>(model.intents)),
    cueWords,
    cuesByLabel,
    asides: { classifier: classifierFrom(model.asides), cueWords: asides.cueWords },
    model,
  };
}

/** The understanding as kept: weights, cue words and the examples' templates, with no example read again. */
function fromKept(
  kept: SavedUnderstanding & Required<Pick<SavedUnderstanding, 'read'>>,
): TrainedUnderstanding {
  const { read } = kept;
  return {
    classifier: withMemory(new Map(read.memory), classifierFrom<IntentLabel>(kept.intents)),
    cueWords: new Set(read.cueWords),
    cuesByLabel: new Map(
      Object.entries(read.cuesByLabel).map(([label, cues]) => [label as IntentLabel, new Set(cues)]),
    ),
    asides: { classifier: classifierFrom(kept.asides), cueWords: new Set(read.asideCueWords) },
    model: kept,
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
