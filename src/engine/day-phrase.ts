// Recognises how people name a day ("Thursday", "tomorrow", "day 2", "26 March") and a part of it ("morning").
import type { DayPart } from '../time/conference-time.ts';
import type { ClockTime, DayRef } from './intent.ts';

const WEEKDAYS: Readonly<Record<string, number>> = {
  monday: 1,
  mon: 1,
  tuesday: 2,
  tue: 2,
  tues: 2,
  wednesday: 3,
  wed: 3,
  thursday: 4,
  thu: 4,
  thur: 4,
  thurs: 4,
  friday: 5,
  fri: 5,
  saturday: 6,
  sat: 6,
  sunday: 7,
  sun: 7,
};

const MONTHS: Readonly<Record<string, number>> = {
  january: 1,
  jan: 1,
  february: 2,
  feb: 2,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  may: 5,
  june: 6,
  jun: 6,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sep: 9,
  sept: 9,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};

const ORDINALS: Readonly<Record<string, number>> = {
  first: 0,
  '1st': 0,
  one: 0,
  '1': 0,
  second: 1,
  '2nd': 1,
  two: 1,
  '2': 1,
  third: 2,
  '3rd': 2,
  three: 2,
  '3': 2,
  fourth: 3,
  '4th': 3,
  four: 3,
  '4': 3,
  fifth: 4,
  '5th': 4,
  five: 4,
  '5': 4,
  sixth: 5,
  '6th': 5,
  six: 5,
  '6': 5,
  last: -1,
  final: -1,
  closing: -1,
  opening: 0,
};

const PARTS: Readonly<Record<string, DayPart>> = {
  morning: 'morning',
  am: 'morning',
  afternoon: 'afternoon',
  pm: 'afternoon',
  evening: 'evening',
  night: 'evening',
  tonight: 'evening',
};

const weekdayNames = Object.keys(WEEKDAYS).join('|');
const monthNames = Object.keys(MONTHS).join('|');
const ordinalWords = Object.keys(ORDINALS).join('|');
const partWords = Object.keys(PARTS).join('|');

/** A pattern for one kind of phrase, and how to read its match (undefined when it does not make sense). */
type PhrasePattern<T> = { pattern: RegExp; read: (match: RegExpMatchArray) => T | undefined };

const DAY_PATTERNS: ReadonlyArray<PhrasePattern<DayRef>> = [
  {
    pattern: /\b(\d{4})-(\d{2})-(\d{2})\b/,
    read: (m) => ({ kind: 'date', year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }),
  },
  {
    pattern: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?(?: of)? (${monthNames})\\b`),
    read: (m) => ({ kind: 'date', day: Number(m[1]), month: MONTHS[m[2] ?? ''] ?? 0 }),
  },
  {
    pattern: new RegExp(`\\b(${monthNames}) (\\d{1,2})(?:st|nd|rd|th)?\\b`),
    read: (m) => ({ kind: 'date', month: MONTHS[m[1] ?? ''] ?? 0, day: Number(m[2]) }),
  },
  { pattern: /\b(today|tonight)\b/, read: () => ({ kind: 'relative', offset: 0 }) },
  { pattern: /\b(tomorrow|tmrw|tmr)\b/, read: () => ({ kind: 'relative', offset: 1 }) },
  { pattern: /\byesterday\b/, read: () => ({ kind: 'relative', offset: -1 }) },
  {
    pattern: new RegExp(`\\b(${ordinalWords}) (?:conference )?day\\b`),
    read: (m) => ordinal(m[1]),
  },
  { pattern: /\bday (one|two|three|four|five|six|\d)\b/, read: (m) => ordinal(m[1]) },
  {
    pattern: new RegExp(`\\b(${weekdayNames})(?:'?s)?\\b`),
    read: (m) => ({ kind: 'weekday', weekday: WEEKDAYS[m[1] ?? ''] ?? 0 }),
  },
];

function ordinal(word: string | undefined): DayRef | undefined {
  const index = ORDINALS[word ?? ''];
  return index === undefined ? undefined : { kind: 'ordinal', index };
}

/** A day, a part of day and a clock time found in a question, and the question's words without them. */
export interface DayPhrase {
  readonly day?: DayRef;
  readonly part?: DayPart;
  readonly time?: ClockTime;
  readonly rest: string;
}

/** "at 11:00", "14:30", "at 3pm", "at 9 am", "at noon", "at 3" (a conference's 3 o'clock is in the afternoon). */
const CLOCK_PATTERNS: ReadonlyArray<{
  pattern: RegExp;
  read: (match: RegExpMatchArray) => ClockTime | undefined;
}> = [
  { pattern: /\b(?:at |around |by |after |from |since )?noon\b/, read: () => ({ hour: 12, minute: 0 }) },
  {
    pattern:
      /\b(?:at |around |by |after |from |since )?(\d{1,2})(?:[:.](\d{2}))? ?(am|pm|a\.m\.|p\.m\.)(?=\s|$)/,
    read: (m) => twelveHour(Number(m[1]), Number(m[2] ?? 0), (m[3] ?? '').startsWith('p')),
  },
  {
    pattern: /\b(?:at |around |by |after |from |since )?(\d{1,2})[:h](\d{2})\b/,
    read: (m) => clock(Number(m[1]), Number(m[2])),
  },
  {
    pattern:
      /\b(?:at|around|after|from|since) (\d{1,2})(?= |$)(?! (?:march|april|may|june|july|january|february|august|september|october|november|december)\b)/,
    read: (m) => {
      const hour = Number(m[1]);
      return clock(hour < 8 ? hour + 12 : hour, 0);
    },
  },
];

function clock(hour: number, minute: number): ClockTime | undefined {
  return hour <= 23 && minute <= 59 ? { hour, minute } : undefined;
}

function twelveHour(hour: number, minute: number, afternoon: boolean): ClockTime | undefined {
  if (hour < 1 || hour > 12) return undefined;
  return clock((hour % 12) + (afternoon ? 12 : 0), minute);
}

/** The value of the first pattern that matches and reads, and the text without what it matched. */
function takeFirst<T>(
  text: string,
  patterns: ReadonlyArray<PhrasePattern<T>>,
): { value?: T; matched?: string; rest: string } {
  for (const { pattern, read } of patterns) {
    const match = text.match(pattern);
    if (match === null) continue;
    const value = read(match);
    if (value !== undefined) return { value, matched: match[0], rest: text.replace(match[0], ' ') };
  }
  return { rest: text };
}

/** Finds a day, a clock time and a part of the day in folded text; `rest` is the text with them removed. */
export function findDayPhrase(text: string): DayPhrase {
  const dayFound = takeFirst(` ${text} `, DAY_PATTERNS);
  let day = dayFound.value;
  const timeFound = takeFirst(dayFound.rest, CLOCK_PATTERNS);
  // "After 6pm", "from 14:00": what starts from then on.
  const onward = /^\s*(?:after|from|since)\b/.test(timeFound.matched ?? '');
  const time =
    timeFound.value === undefined || !onward
      ? timeFound.value
      : { ...timeFound.value, onward: true as const };
  let rest = timeFound.rest;
  // "Tonight" is both a day and a part; the day pattern has taken the word.
  let part: DayPart | undefined = /\btonight\b/.test(text) ? 'evening' : undefined;
  const partMatch = rest.match(new RegExp(`\\b(?:in the |this |on the )?(${partWords})\\b`));
  if (partMatch !== null) {
    part = PARTS[partMatch[1] ?? ''];
    rest = rest.replace(partMatch[0], ' ');
    // "tonight" is both a day and a part.
    if (day === undefined && partMatch[1] === 'tonight') day = { kind: 'relative', offset: 0 };
  }
  return {
    ...(day === undefined ? {} : { day }),
    ...(part === undefined ? {} : { part }),
    ...(time === undefined ? {} : { time }),
    rest: rest.replace(/\s+/g, ' ').trim(),
  };
}
