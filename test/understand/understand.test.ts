// How questions are read over the bundled data: the intent and its slots, for the phrasings people actually use.
import { describe, expect, it } from 'vitest';
import table from '../../data/understanding/intents.json' with { type: 'json' };
import savedModel from '../../data/understanding/model.json' with { type: 'json' };
import { loadDataset } from '../../src/load/load-dataset.ts';
import { buildCatalog } from '../../src/model/catalog.ts';
import { buildTextIndex } from '../../src/search/text-index.ts';
import { INTENT_LABELS, LEXICON, LEXICON_HASH, lexiconSchema } from '../../src/understand/lexicon.ts';
import { templateFeatures } from '../../src/understand/template.ts';
import { exampleItems, trainOnLexicon } from '../../src/understand/train.ts';
import { createUnderstanding } from '../../src/understand/understand.ts';

const loaded = loadDataset('data/kubecon-eu-2026');
if (!loaded.ok) throw new Error('the bundled dataset does not load');
const catalog = buildCatalog(loaded.dataset);
const understanding = createUnderstanding(catalog, buildTextIndex(catalog), new Set(['kubecon']));
/** Tuesday of the conference week, 10:00 in Amsterdam. */
const NOW = Date.parse('2026-03-24T10:00:00+01:00');

describe('reading a question', () => {
  it.each([
    ['Who spoke about platform engineering?', { kind: 'topic', topic: 'platform engineering' }],
    ['Can you tell me who talked about GPU sharing?', { kind: 'topic', topic: 'gpu sharing' }],
    ['Which demo showed GPU sharing?', { kind: 'topic', topic: 'gpu sharing', sessionKind: 'demo' }],
    ['is there a talk about observability?', { kind: 'topic', topic: 'observability' }],
    ['what talks are there about eBPF?', { kind: 'topic', topic: 'ebpf' }],
    ['what talks can I attend about GPU sharing?', { kind: 'topic', topic: 'gpu sharing' }],
    ['which sessions do you have on Backstage?', { kind: 'topic', topic: 'backstage' }],
    ['What did Spectro Cloud announce?', { kind: 'activity', subject: 'spectro cloud', focus: 'announced' }],
    ['what did Google present?', { kind: 'activity', subject: 'google', focus: 'presented' }],
    ["Spectro Cloud's announcements", { kind: 'activity', subject: 'spectro cloud', focus: 'announced' }],
    ['what is Abby Bangsr talking about?', { kind: 'activity', subject: 'abby bangser', focus: 'presented' }],
    ['did anyone announce a partnership with WEKA?', { kind: 'partnership', partner: 'weka' }],
    ['who works at Syntasso?', { kind: 'members', organization: 'syntasso' }],
    ['who from Red Hat spoke?', { kind: 'members', organization: 'red hat' }],
    ['Who is Chad Beaudin?', { kind: 'identify', subject: 'chad beaudin', asked: 'who' }],
    ["what's HAMi", { kind: 'identify', subject: 'hami', asked: 'what' }],
    ['tell me about spectro clod', { kind: 'identify', subject: 'spectro cloud', asked: 'what' }],
    ['where is the Agones keynote?', { kind: 'where', subject: 'agones', sessionKind: 'keynote' }],
    [
      'when is the Universal Mesh keynote?',
      { kind: 'when', subject: 'universal mesh', sessionKind: 'keynote' },
    ],
    [
      "what's on Thursday morning?",
      { kind: 'schedule', day: { kind: 'weekday', weekday: 4 }, part: 'morning' },
    ],
    [
      'security talks on tuesday afternoon',
      { kind: 'schedule', day: { kind: 'weekday', weekday: 2 }, part: 'afternoon', topic: 'security' },
    ],
    // A whole day with no part, kind or topic is the day's digest.
    ["what's on tomorrow", { kind: 'digest', day: { kind: 'relative', offset: 1 } }],
    ['agenda for 26 March', { kind: 'digest', day: { kind: 'date', day: 26, month: 3 } }],
    ['digest', { kind: 'digest' }],
    ['digest for Thursday', { kind: 'digest', day: { kind: 'weekday', weekday: 4 } }],
    ["Thursday's digest", { kind: 'digest', day: { kind: 'weekday', weekday: 4 } }],
    ['show the daily digest for tomorrow', { kind: 'digest', day: { kind: 'relative', offset: 1 } }],
    ['who wrote the digest?', { kind: 'search', text: 'wrote digest' }],
    // A clock time: the sessions running then; today when no day is named.
    [
      "what's on at 3pm?",
      { kind: 'schedule', day: { kind: 'relative', offset: 0 }, time: { hour: 15, minute: 0 } },
    ],
    [
      'talks at 14:30 on Sunday',
      { kind: 'schedule', day: { kind: 'weekday', weekday: 7 }, time: { hour: 14, minute: 30 } },
    ],
    [
      "what's on at 3 on Thursday?",
      { kind: 'schedule', day: { kind: 'weekday', weekday: 4 }, time: { hour: 15, minute: 0 } },
    ],
    [
      "what's on at noon?",
      { kind: 'schedule', day: { kind: 'relative', offset: 0 }, time: { hour: 12, minute: 0 } },
    ],
    ["what's on at 26 March?", { kind: 'digest', day: { kind: 'date', day: 26, month: 3 } }],
    ["what's on tonight?", { kind: 'schedule', day: { kind: 'relative', offset: 0 }, part: 'evening' }],
    [
      "what's on in Janson on Saturday?",
      { kind: 'schedule', day: { kind: 'weekday', weekday: 6 }, topic: 'janson', placed: true },
    ],
    // A topic with a day at its end is that day's sessions on it; a weekday inside a name is no day.
    [
      'who spoke about eBPF on Thursday?',
      { kind: 'schedule', day: { kind: 'weekday', weekday: 4 }, topic: 'ebpf' },
    ],
    ['who spoke about Sun Microsystems?', { kind: 'topic', topic: 'sun microsystems' }],
    ['any workshops about soldering?', { kind: 'topic', topic: 'soldering', sessionKind: 'workshop' }],
    ['which track is Rootless containers in?', { kind: 'where', subject: 'rootless containers' }],
    ["what's the last talk on day 2?", { kind: 'opener', which: 'last', day: { kind: 'ordinal', index: 1 } }],
    ['how many talks are there?', { kind: 'list', subject: 'sessions' }],
    ['what was announced?', { kind: 'list', subject: 'announcements' }],
    ['who spoke?', { kind: 'list', subject: 'speakers' }],
    ['Who said Kubernetes is the OS for AI?', { kind: 'topic', topic: 'kubernetes os ai' }],
    ['anything left today?', { kind: 'schedule', day: { kind: 'relative', offset: 0 } }],
    [
      'when are the keynotes tomorrow?',
      { kind: 'schedule', day: { kind: 'relative', offset: 1 }, sessionKind: 'keynote' },
    ],
    ['any announcements?', { kind: 'list', subject: 'announcements' }],
    ['what demos were shown?', { kind: 'list', subject: 'sessions', sessionKind: 'demo' }],
    [
      "what were Spectro Cloud's announcements?",
      { kind: 'activity', subject: 'spectro cloud', focus: 'announced' },
    ],
    ['who spoke abt platform engineering', { kind: 'topic', topic: 'platform engineering' }],
    ['whats on rn', { kind: 'now' }],
    ['is anything on now?', { kind: 'now' }],
    ['who are the gold sponsors?', { kind: 'vendors', role: 'sponsor', topic: 'gold', listing: true }],
    ['list exhibitors', { kind: 'vendors', role: 'exhibitor', topic: '', listing: true }],
    ['what are the keynotes?', { kind: 'list', subject: 'keynotes' }],
    ['did anyone from Tesla speak?', { kind: 'members', organization: 'tesla' }],
    ['who from Nvidia is giving a keynote?', { kind: 'members', organization: 'nvidia' }],
    [
      'what products did Spectro Cloud announce?',
      { kind: 'activity', subject: 'spectro cloud', focus: 'announced' },
    ],
    [
      'is there anything after 6pm today?',
      { kind: 'schedule', day: { kind: 'relative', offset: 0 }, time: { hour: 18, minute: 0, onward: true } },
    ],
    ['where is the ZEISS talk?', { kind: 'where', subject: 'zeiss', sessionKind: 'talk' }],
    ['when does Abby Bangser talk?', { kind: 'when', subject: 'abby bangser' }],
    ['which booth is Trimble at?', { kind: 'where', subject: 'trimble' }],
    ['booth 1125', { kind: 'booth', booth: '1125' }],
    [
      "who's talking at 11?",
      { kind: 'schedule', day: { kind: 'relative', offset: 0 }, time: { hour: 11, minute: 0 } },
    ],
    ['which demos were there?', { kind: 'list', subject: 'sessions', sessionKind: 'demo' }],
    ['how many workshops are there?', { kind: 'list', subject: 'sessions', sessionKind: 'workshop' }],
    [
      'tell me what Spectro Cloud launched',
      { kind: 'activity', subject: 'spectro cloud', focus: 'announced' },
    ],
    ['who does Jago Macleod work for?', { kind: 'identify', subject: 'jago macleod', asked: 'who' }],
    ["what's on now?", { kind: 'now' }],
    ["what's on now in Hall 12?", { kind: 'now', place: 'hall 12' }],
    ['when is the next keynote?', { kind: 'next', sessionKind: 'keynote' }],
    ["what's the next talk in Hall 12?", { kind: 'next', place: 'hall 12' }],
    ["what's on in Hall 12 right now?", { kind: 'now', place: 'hall 12' }],
    ["what's next at the Cloud Native Theater?", { kind: 'next', place: 'cloud native theater' }],
    ["what's on now at the conference?", { kind: 'now' }],
    [
      "what's happening this afternoon?",
      { kind: 'schedule', day: { kind: 'relative', offset: 0 }, part: 'afternoon' },
    ],
    ["what's next?", { kind: 'next' }],
    [
      'Who kicked off the final day?',
      { kind: 'opener', which: 'first', day: { kind: 'ordinal', index: -1 } },
    ],
    ['who closed the conference?', { kind: 'opener', which: 'last' }],
    ['who is at booth 715', { kind: 'booth', booth: '715' }],
    ['list speakers', { kind: 'list', subject: 'speakers' }],
    ['what tracks are there?', { kind: 'list', subject: 'tracks' }],
    // "Their" is the one organisation the question names.
    [
      'I want to talk to someone from Spectro Cloud about GPUs, where is their booth?',
      { kind: 'where', subject: 'spectro cloud' },
    ],
    ['is there a talk about GPU sharing somewhere?', { kind: 'topic', topic: 'gpu sharing' }],
    // At a conference, "between 2 and 4" is the afternoon, both ends.
    [
      'what is on between 2 and 4 on thursday',
      {
        kind: 'schedule',
        day: { kind: 'weekday', weekday: 4 },
        time: { hour: 14, minute: 0, onward: true, until: { hour: 16, minute: 0 } },
      },
    ],
    ['give me a list of everybody on stage', { kind: 'list', subject: 'speakers' }],
    // Quoted words are the subject; the words around them are not.
    [
      'I keep hearing about a "universal mesh", who presented that?',
      { kind: 'topic', topic: 'universal mesh' },
    ],
    ['anyone covering “GPU sharing”? my team keeps asking', { kind: 'topic', topic: 'gpu sharing' }],
    // Words that only frame the question ("thing", "schedule") name no place.
    [
      'what is the very first thing on the schedule on thursday?',
      { kind: 'opener', which: 'first', day: { kind: 'weekday', weekday: 4 } },
    ],
    // Two letters off a surname, after a first name typed right.
    ['who is baptiste asman', { kind: 'identify', subject: 'baptiste assmann', asked: 'who' }],
    // "lightening" is an English word, but before "talks" it is the kind of session.
    ['list the lightening talks', { kind: 'list', subject: 'sessions', sessionKind: 'lightning-talk' }],
    [
      'What is in the Keynote Sessions track?',
      { kind: 'topic', topic: 'keynote sessions track', placed: true },
    ],
    [
      'whats in the vendor conversatons track',
      { kind: 'topic', topic: 'vendor conversations', placed: true },
    ],
    ['help', { kind: 'help' }],
    ['hey hallway, what can you do?', { kind: 'help' }],
    ['gpu', { kind: 'search', text: 'gpu' }],
  ])('%s', (question, intent) => {
    expect(understanding.read(question, NOW).intent).toEqual(intent);
  });
});

describe('the kept model', () => {
  it('was kept for the table and the code as they are now (after changing either, run `npm run train`)', () => {
    // Read afresh, without the shortcut a start takes: the examples' templates, cue words and training data.
    const read = trainOnLexicon(LEXICON, { saved: savedModel });
    expect(savedModel.table).toBe(LEXICON_HASH);
    expect(read.model.trainedOn).toBe(savedModel.trainedOn);
    expect(read.model.read).toEqual(savedModel.read);
  });

  it('was kept for a table that passes the schema, which a start therefore does not check again', () => {
    expect(savedModel.table).toBe(LEXICON_HASH);
    expect(lexiconSchema.safeParse(table).success).toBe(true);
  });

  it('is what a start uses, read from the file without reading the examples', () => {
    const kept = trainOnLexicon(LEXICON, { saved: savedModel, table: LEXICON_HASH });
    expect(kept.model).toBe(savedModel);
  });

  it('classifies every example and aside as a model trained now does', () => {
    const kept = trainOnLexicon(LEXICON, { saved: savedModel, table: LEXICON_HASH });
    const fresh = trainOnLexicon(LEXICON, { saved: undefined });
    expect(fresh.model).not.toBe(savedModel);
    for (const example of [...[...LEXICON.examples.values()].flat(), ...LEXICON.asides]) {
      const features = templateFeatures(exampleItems(example, LEXICON));
      expect(kept.classifier.classify(features).label).toBe(fresh.classifier.classify(features).label);
      expect(kept.asides.classifier.classify(features).label).toBe(
        fresh.asides.classifier.classify(features).label,
      );
    }
  });

  it('is not used for a table it was not kept for', () => {
    const stale = { ...savedModel, trainedOn: 'another table', table: 'another table' };
    const trained = trainOnLexicon(LEXICON, { saved: stale, table: LEXICON_HASH });
    expect(trained.model).not.toBe(stale);
    expect(trained.model.trainedOn).toBe(savedModel.trainedOn);
  });
});

describe('the example table', () => {
  const { classifier } = trainOnLexicon(LEXICON, { saved: savedModel });
  const examples = INTENT_LABELS.flatMap((label) =>
    (LEXICON.examples.get(label) ?? []).map((example) => [label, example] as const),
  );
  const counters = INTENT_LABELS.flatMap((label) =>
    (LEXICON.counters.get(label) ?? []).map((example) => [label, example] as const),
  );

  it('has hundreds of examples, for every intent', () => {
    expect(examples.length).toBeGreaterThan(500);
    for (const label of INTENT_LABELS) expect(LEXICON.examples.get(label)?.length ?? 0).toBeGreaterThan(0);
  });

  it.each(examples)('%s: "%s" maps to its intent', (label, example) => {
    expect(classifier.classify(templateFeatures(exampleItems(example, LEXICON))).label).toBe(label);
  });

  it.each(counters)('not %s: "%s"', (label, example) => {
    expect(classifier.classify(templateFeatures(exampleItems(example, LEXICON))).label).not.toBe(label);
  });
});
