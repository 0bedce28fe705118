// The words Hallway reads questions with, loaded from data/understanding/intents.json and checked once at start.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import raw from '../../data/understanding/intents.json' with { type: 'json' };
import keptModel from '../../data/understanding/model.json' with { type: 'json' };
import type { ListSubject } from '../engine/intent.ts';
import type { SessionKind } from '../model/schema.ts';
import { MONTH_NAMES, WEEKDAY_NAMES } from '../time/calendar-names.ts';
import type { DayPart } from '../time/conference-time.ts';

/** What the classifier can answer; each maps onto an `Intent` once the slots are read. */
export const INTENT_LABELS = [
  'help',
  'list',
  'vendors-list',
  'vendors',
  'now',
  'next',
  'schedule',
  'first',
  'last',
  'booth',
  'where',
  'when',
  'announced',
  'presented',
  'partnership',
  'members',
  'topic',
  'who-is',
  'what-is',
  'digest',
  'catch-up',
  'summary',
  'event',
  'agenda-add',
  'agenda-remove',
  'agenda-show',
  'agenda-clear',
  'agenda-lead',
  'forget-me',
  'none',
] as const;
export type IntentLabel = (typeof INTENT_LABELS)[number];

const wordList = z.array(z.string().min(1));
/** What intents.json must hold; exported for the test that keeps the start's shortcut honest. */
export const lexiconSchema = z.object({
  intents: z.record(
    z.enum(INTENT_LABELS),
    z.object({ examples: wordList.min(1), counter: wordList.optional() }),
  ),
  collections: z.record(z.string(), wordList),
  sessionKinds: z.record(z.string(), wordList),
  dayWords: z.object({
    ordinals: z.record(z.string(), z.number().int()),
    parts: z.record(z.string(), z.enum(['morning', 'afternoon', 'evening'])),
  }),
  rewrites: z.record(z.string(), z.string()),
  phraseRewrites: z.record(z.string(), z.string()),
  filler: wordList,
  leadingFiller: wordList,
  leadingPhrases: wordList,
  pronouns: wordList,
  roles: z.object({ sponsor: wordList, exhibitor: wordList }),
  eventWords: wordList,
  timeWords: wordList,
  asides: wordList,
});

export interface Lexicon {
  readonly examples: ReadonlyMap<IntentLabel, readonly string[]>;
  readonly counters: ReadonlyMap<IntentLabel, readonly string[]>;
  /** Word or phrase → what a "list …" question names. */
  readonly collections: ReadonlyMap<string, ListSubject>;
  readonly sessionKinds: ReadonlyMap<string, SessionKind>;
  readonly ordinals: ReadonlyMap<string, number>;
  readonly parts: ReadonlyMap<string, DayPart>;
  /** Chat spellings and contractions, token → replacement words ("whats" → "what is"). */
  readonly rewrites: ReadonlyMap<string, readonly string[]>;
  /** Word sequences said one way ("tl dr" → "summary", "right now" → "now"), longest first. */
  readonly phraseRewrites: ReadonlyArray<{
    readonly from: readonly string[];
    readonly to: readonly string[];
  }>;
  /** Words that never carry meaning in a question ("thanks", "stuff"). */
  readonly filler: ReadonlySet<string>;
  /** Words dropped at the very start only ("channel" from Slack's `<!channel>`, "hey"). */
  readonly leadingFiller: ReadonlySet<string>;
  /** Polite openings dropped at the start ("can you tell me"), as word lists, longest first. */
  readonly leadingPhrases: readonly (readonly string[])[];
  /** Words that point back at the previous answer ("it", "that", "there"). */
  readonly pronouns: ReadonlySet<string>;
  readonly sponsorWords: ReadonlySet<string>;
  /** Words that can name a time besides digits and calendar names ("tonight", "noon"): chrono reads only then. */
  readonly timeWords: ReadonlySet<string>;
  /** Words that name any event ("the conference"): read like the event's own name. */
  readonly eventWords: ReadonlySet<string>;
  readonly exhibitorWords: ReadonlySet<string>;
  /** Remarks that ask nothing ("asking for a friend", "I overslept"): a clause like them is dropped from a question. */
  readonly asides: readonly string[];
}

function invert<T extends string>(table: Readonly<Record<string, readonly string[]>>): Map<string, T> {
  const map = new Map<string, T>();
  for (const [value, words] of Object.entries(table)) for (const word of words) map.set(word, value as T);
  return map;
}

/** The table's contents, checked against the schema unless `checked` (it is the table a kept model was made from). */
function tableData(checked: boolean): z.infer<typeof lexiconSchema> {
  if (checked) return raw as z.infer<typeof lexiconSchema>;
  const parsed = lexiconSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`data/understanding/intents.json: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

function readLexicon(checked: boolean): Lexicon {
  const data = tableData(checked);
  const examples = new Map<IntentLabel, string[]>();
  const counters = new Map<IntentLabel, string[]>();
  for (const [label, entry] of Object.entries(data.intents)) {
    examples.set(label as IntentLabel, entry.examples);
    if (entry.counter !== undefined) counters.set(label as IntentLabel, entry.counter);
  }
  return {
    examples,
    counters,
    collections: invert<ListSubject>(data.collections),
    sessionKinds: invert<SessionKind>(data.sessionKinds),
    ordinals: new Map(Object.entries(data.dayWords.ordinals)),
    parts: new Map(Object.entries(data.dayWords.parts)),
    rewrites: new Map(Object.entries(data.rewrites).map(([word, to]) => [word, to.split(' ')])),
    phraseRewrites: Object.entries(data.phraseRewrites)
      .map(([from, to]) => ({ from: from.split(' '), to: to.split(' ').filter((word) => word.length > 0) }))
      .sort((a, b) => b.from.length - a.from.length),
    filler: new Set(data.filler),
    leadingFiller: new Set(data.leadingFiller),
    leadingPhrases: data.leadingPhrases
      .map((phrase) => phrase.split(' '))
      .sort((a, b) => b.length - a.length),
    pronouns: new Set(data.pronouns),
    sponsorWords: new Set(data.roles.sponsor),
    eventWords: new Set(data.eventWords),
    timeWords: new Set([...data.timeWords, ...calendarNames()]),
    exhibitorWords: new Set(data.roles.exhibitor),
    asides: data.asides,
  };
}

/** A hash of the table as written: the kept model says which table it was kept for. */
export const LEXICON_HASH: string = createHash('sha256').update(JSON.stringify(raw)).digest('hex');
/**
 * The lexicon, read once. `npm run train` checked this very table before keeping a model for it, so when the
 * hashes agree a start skips the schema check (a profiled start spent 6 ms in it); any edit makes them differ.
 */
export const LEXICON: Lexicon = readLexicon(keptModel.table === LEXICON_HASH);

/** Weekday and month names, in full and as their usual abbreviations. */
function calendarNames(): string[] {
  return [...WEEKDAY_NAMES, ...MONTH_NAMES].flatMap((name) => [name, name.slice(0, 3), name.slice(0, 4)]);
}
