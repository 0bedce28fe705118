// Finds when a question is about: days, dates, clock times and parts of the day by chrono-node, in the
// conference's zone and relative to now, plus the conference's own day words ("day 2", "the final day").
import type * as chrono from 'chrono-node';
import { DateTime } from 'luxon';
import type { ClockTime, DayRef } from '../engine/intent.ts';
import type { DayPart } from '../time/conference-time.ts';
import type { Lexicon } from './lexicon.ts';
import type { QuestionTokens } from './question-tokens.ts';
import { timeParser } from './time-parser.ts';

/** What a question says about time, and which of its words said it. */
export interface TimeReading {
  readonly day?: DayRef;
  readonly part?: DayPart;
  readonly time?: ClockTime;
  /** Indexes of the words that named a time; they leave the topic. */
  readonly words: ReadonlySet<number>;
}

export interface TimeContext {
  readonly nowMs: number;
  readonly timeZone: string;
  /** Words that belong to a recognised name ("Sun Microsystems"), which no date may claim. */
  readonly taken: ReadonlySet<number>;
}

const PART_TAGS: Readonly<Record<string, DayPart>> = {
  'casualReference/morning': 'morning',
  'casualReference/afternoon': 'afternoon',
  'casualReference/evening': 'evening',
  'casualReference/tonight': 'evening',
  'casualReference/night': 'evening',
};
/** Words before a clock time that make it "from then on". */
const ONWARD = new Set(['after', 'from', 'since', 'past']);
/** Weekday and month abbreviations that are also ordinary words; they count only after one of these. */
const DAY_LEAD = new Set(['on', 'this', 'next', 'last', 'by', 'until', 'till', 'for']);
const SHORT_NAME = 4;
/** At a conference, "at 3" means the afternoon. */
const EARLIEST_MORNING_HOUR = 8;

/** The wall clock of the last instant asked for, per zone: questions within a minute share it. */
let lastClock: { readonly key: string; readonly local: DateTime } | undefined;

/** The conference's wall clock at `nowMs`; converting zones is the costliest step of reading a time. */
function wallClock(nowMs: number, timeZone: string): DateTime {
  const key = `${Math.floor(nowMs / 60_000)}/${timeZone}`;
  if (lastClock?.key !== key) lastClock = { key, local: DateTime.fromMillis(nowMs, { zone: timeZone }) };
  return lastClock.local;
}

/** Reads the times in a tokenised question. */
export function readTimes(tokens: QuestionTokens, lexicon: Lexicon, context: TimeContext): TimeReading {
  const words = new Set<number>();
  let day = conferenceDay(tokens, lexicon, words);
  let part: DayPart | undefined;
  let time: ClockTime | undefined;
  const local = wallClock(context.nowMs, context.timeZone);
  // chrono reads wall-clock fields; give it the conference's wall clock as if it were UTC.
  const instant = new Date(Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute));
  // Most questions name no time: chrono is asked only when a word could be one (a digit, a day, "tonight").
  const mayNameTime = tokens.words.some((word) => /\d/.test(word) || lexicon.timeWords.has(word));
  // Names are masked letter for letter, so "Hall 12 on Tuesday" reads as a Tuesday, not as 12 o'clock.
  const text = maskWords(tokens, context.taken);
  for (const result of mayNameTime ? timeParser.parse(text, { instant, timezone: 0 }) : []) {
    const span = wordSpan(tokens, result.index, result.text.length);
    if (span.some((index) => context.taken.has(index) || words.has(index))) continue;
    const tags = result.tags();
    if (tags.has('casualReference/now')) continue;
    const known = (name: chrono.Component) => result.start.isCertain(name);
    if (!plausible(tokens, span, result, known)) continue;
    for (const index of span) words.add(index);
    const first = span[0] ?? 0;
    const before = tokens.words[first - 1];
    if (before !== undefined && (ONWARD.has(before) || before === 'at' || before === 'around'))
      words.add(first - 1);
    for (const [tag, value] of Object.entries(PART_TAGS)) if (tags.has(tag)) part ??= value;
    // Of two days ("I came on Sunday; what did I miss yesterday?"), the later one is what is asked.
    day = dayOf(result, known, local) ?? day;
    if (known('hour') && !tags.has('casualReference/tonight')) {
      const hour = result.start.get('hour') ?? 0;
      const minute = result.start.get('minute') ?? 0;
      const afternoon = !known('meridiem') && hour < EARLIEST_MORNING_HOUR;
      const end = result.end;
      const at = { hour: afternoon ? hour + 12 : hour, minute };
      if (tags.has('result/relativeDate') && words.has(first) && tokens.words[first] === 'next') {
        // "In the next 30 minutes": from now until then.
        time = { hour: local.hour, minute: local.minute, onward: true, until: at };
      } else if (end?.isCertain('hour') === true) {
        // "From 2 to 4pm", "between 9 and 10": that span; its end is in the afternoon when its start is.
        const endHour = end.get('hour') ?? at.hour;
        const endAfternoon =
          !known('meridiem') &&
          !end.isCertain('meridiem') &&
          endHour + 12 <= 23 &&
          (afternoon || endHour < at.hour);
        time = {
          ...at,
          onward: true,
          until: { hour: endAfternoon ? endHour + 12 : endHour, minute: end.get('minute') ?? 0 },
        };
      } else
        time = { ...at, ...(before !== undefined && ONWARD.has(before) ? { onward: true as const } : {}) };
      // "In 30 minutes", "at 3pm": today, unless a day was named.
      day ??= { kind: 'relative', offset: 0 };
    }
  }
  tokens.words.forEach((word, index) => {
    const named = lexicon.parts.get(word);
    if (named === undefined || context.taken.has(index)) return;
    part ??= named;
    words.add(index);
    if (word === 'tonight') day ??= { kind: 'relative', offset: 0 };
  });
  // "This afternoon" is today's afternoon.
  if (
    part !== undefined &&
    day === undefined &&
    tokens.words.some((word) => word === 'this' || word === 'tonight')
  )
    day = { kind: 'relative', offset: 0 };
  return {
    ...(day === undefined ? {} : { day }),
    ...(part === undefined ? {} : { part }),
    ...(time === undefined ? {} : { time }),
    words,
  };
}

/** The question's text with the words at `taken` replaced by as many x's, offsets unchanged. */
function maskWords(tokens: QuestionTokens, taken: ReadonlySet<number>): string {
  if (taken.size === 0) return tokens.text;
  return tokens.words.map((word, index) => (taken.has(index) ? 'x'.repeat(word.length) : word)).join(' ');
}

/** The indexes of the words that a character range covers. */
function wordSpan(tokens: QuestionTokens, start: number, length: number): number[] {
  const end = start + length;
  const span: number[] = [];
  tokens.starts.forEach((wordStart, index) => {
    const wordEnd = wordStart + (tokens.words[index]?.length ?? 0);
    if (wordStart < end && wordEnd > start) span.push(index);
  });
  return span;
}

/** Drops readings that are ordinary words: "sun" in a name, "march of progress", "may I ask". */
function plausible(
  tokens: QuestionTokens,
  span: readonly number[],
  result: chrono.ParsedResult,
  known: (name: chrono.Component) => boolean,
): boolean {
  if (!known('day') && !known('weekday') && !known('hour') && result.tags().size === 0) return false;
  if (known('month') && !known('day')) return false;
  const named = span.map((index) => tokens.words[index] ?? '').filter((word) => /^[a-z]+$/.test(word));
  const lead = span[0] === undefined ? undefined : tokens.words[span[0]];
  const shortName = named.some((word) => word.length < SHORT_NAME && !DAY_LEAD.has(word) && word !== 'at');
  if (known('weekday') && !known('hour') && shortName && !(lead !== undefined && DAY_LEAD.has(lead)))
    return false;
  return true;
}

function dayOf(
  result: chrono.ParsedResult,
  known: (name: chrono.Component) => boolean,
  local: DateTime,
): DayRef | undefined {
  const { start } = result;
  if (known('day') && known('month')) {
    const date = { month: start.get('month') ?? 0, day: start.get('day') ?? 0 };
    const relative = [...result.tags()].some(
      (tag) => tag.startsWith('casualReference/') || tag.startsWith('result/relative'),
    );
    if (relative) {
      const then = DateTime.fromObject(
        { year: start.get('year') ?? local.year, ...date },
        { zone: local.zone },
      );
      const offset = Math.round(then.startOf('day').diff(local.startOf('day'), 'days').days);
      return { kind: 'relative', offset };
    }
    return known('year')
      ? { kind: 'date', ...date, year: start.get('year') ?? local.year }
      : { kind: 'date', ...date };
  }
  if (known('weekday')) {
    const weekday = start.get('weekday') ?? 0;
    return { kind: 'weekday', weekday: weekday === 0 ? 7 : weekday };
  }
  return undefined;
}

/** "day 2", "the second day", "the final day", "opening day": a day counted in the programme. */
function conferenceDay(tokens: QuestionTokens, lexicon: Lexicon, words: Set<number>): DayRef | undefined {
  const { words: list } = tokens;
  for (let index = 0; index < list.length; index++) {
    const word = list[index] ?? '';
    const next = list[index + 1];
    const after = list[index + 2];
    if (word === 'day' && next !== undefined) {
      const count = lexicon.ordinals.get(next) ?? dayNumber(next);
      if (count !== undefined) {
        words.add(index).add(index + 1);
        return { kind: 'ordinal', index: count };
      }
    }
    // "On the 27th": a day of the month, unless it counts days ("the 2nd day").
    const dayOfMonth = /^([1-9]|[12]\d|3[01])(?:st|nd|rd|th)$/.exec(word);
    if (dayOfMonth !== null && next !== 'day') {
      words.add(index);
      if (list[index - 1] === 'the') words.add(index - 1);
      return { kind: 'month-day', day: Number(dayOfMonth[1]) };
    }
    const ordinal = lexicon.ordinals.get(word);
    if (ordinal === undefined) continue;
    const dayAt =
      next === 'day' ? index + 1 : next === 'conference' && after === 'day' ? index + 2 : undefined;
    if (dayAt === undefined) continue;
    for (let taken = index; taken <= dayAt; taken++) words.add(taken);
    return { kind: 'ordinal', index: ordinal };
  }
  return undefined;
}

function dayNumber(word: string): number | undefined {
  return /^[1-9]$/.test(word) ? Number(word) - 1 : undefined;
}
