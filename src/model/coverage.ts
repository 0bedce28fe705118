// What a dataset covers: the days it has sessions on, the hours of each, its rooms and its session count.
// Answers use it to say what the data holds, rather than state a gap in the data as a fact about the conference.
import { DateTime } from 'luxon';
import type { Dataset } from './schema.ts';

/** One day with sessions, in the conference's zone. */
export interface CoveredDay {
  /** `YYYY-MM-DD`, local to the conference. */
  readonly date: string;
  /** The first start and the last end that day, as epoch milliseconds. */
  readonly fromMs: number;
  readonly toMs: number;
  /** Local wall-clock hours, "09:00" and "10:30", for display and for comparing with a question's time. */
  readonly from: string;
  readonly to: string;
  readonly sessions: number;
}

/** The data's coverage; the conference's own dates may be wider. */
export interface Coverage {
  /** Days with at least one timed session, in date order. */
  readonly days: readonly CoveredDay[];
  /** Rooms named by any session, in the order first seen. */
  readonly rooms: readonly string[];
  /** Every session, timed or not. */
  readonly sessions: number;
  /** Sessions with no start time, which no day covers. */
  readonly untimed: number;
  /** Whether the covered days are fewer than the conference's declared days. */
  readonly partial: boolean;
}

const cache = new WeakMap<Dataset, Coverage>();

/** The dataset's coverage (a pure function of it; cached per dataset object). */
export function coverageOf(dataset: Dataset): Coverage {
  const cached = cache.get(dataset);
  if (cached !== undefined) return cached;
  const zone = dataset.conference.timeZone;
  const days = new Map<string, { fromMs: number; toMs: number; sessions: number }>();
  const rooms = new Set<string>();
  let untimed = 0;
  for (const session of dataset.sessions) {
    if (session.room !== undefined) rooms.add(session.room);
    if (session.start === undefined) {
      untimed++;
      continue;
    }
    const startMs = Date.parse(session.start);
    const endMs = session.end === undefined ? startMs : Date.parse(session.end);
    const date = DateTime.fromMillis(startMs, { zone }).toISODate() ?? '';
    const day = days.get(date) ?? { fromMs: startMs, toMs: endMs, sessions: 0 };
    day.fromMs = Math.min(day.fromMs, startMs);
    day.toMs = Math.max(day.toMs, endMs);
    day.sessions++;
    days.set(date, day);
  }
  const covered = [...days]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, day]) => ({ date, ...day, from: clock(day.fromMs, zone), to: clock(day.toMs, zone) }));
  const declared =
    DateTime.fromISO(dataset.conference.endDate).diff(DateTime.fromISO(dataset.conference.startDate), 'days')
      .days + 1;
  const coverage: Coverage = {
    days: covered,
    rooms: [...rooms],
    sessions: dataset.sessions.length,
    untimed,
    partial: covered.length < declared,
  };
  cache.set(dataset, coverage);
  return coverage;
}

/** Whether the data has sessions on `date` overlapping the local hours [fromMs, toMs); no window: any at all. */
export function coversWindow(
  coverage: Coverage,
  date: string,
  window?: { fromMs: number; toMs: number },
): boolean {
  const day = coverage.days.find((covered) => covered.date === date);
  if (day === undefined) return false;
  return window === undefined || (window.fromMs <= day.toMs && window.toMs > day.fromMs);
}

function clock(epochMs: number, zone: string): string {
  return DateTime.fromMillis(epochMs, { zone }).toFormat('HH:mm');
}
