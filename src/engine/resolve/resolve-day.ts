// Turns "Thursday", "tomorrow" or "the final day" into a date, using the conference's days and the clock.
import type { Conference } from '../../model/schema.ts';
import { addDays, conferenceDays, localDate, weekdayOf } from '../../time/conference-time.ts';
import type { DayRef } from '../intent.ts';

export type ResolvedDay =
  | { readonly ok: true; readonly date: string }
  | { readonly ok: false; readonly date?: string };

/**
 * The date a day phrase means. Ordinals count the programme's days (`days`); a weekday is looked for there
 * first, then among all the conference's calendar days.
 */
export function resolveDay(
  day: DayRef,
  conference: Conference,
  days: readonly string[],
  nowMs: number,
): ResolvedDay {
  switch (day.kind) {
    case 'relative':
      return { ok: true, date: addDays(localDate(nowMs, conference.timeZone), day.offset) };
    case 'ordinal': {
      const date = day.index < 0 ? days[days.length + day.index] : days[day.index];
      return date === undefined ? { ok: false } : { ok: true, date };
    }
    case 'weekday': {
      const date = [...days, ...conferenceDays(conference)].find(
        (candidate) => weekdayOf(candidate) === day.weekday,
      );
      return date === undefined ? { ok: false } : { ok: true, date };
    }
    case 'month-day': {
      const date = [...days, ...conferenceDays(conference)].find(
        (candidate) => Number(candidate.slice(8)) === day.day,
      );
      return date === undefined ? { ok: false } : { ok: true, date };
    }
    case 'date': {
      const year = day.year ?? Number(conference.startDate.slice(0, 4));
      const date = `${year}-${pad(day.month)}-${pad(day.day)}`;
      return /^\d{4}-\d{2}-\d{2}$/.test(date) ? { ok: true, date } : { ok: false };
    }
  }
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
