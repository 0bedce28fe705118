// Dates and times in the conference's own time zone: day windows, day lists, and how times are shown.
import { DateTime } from 'luxon';
import type { Conference } from '../model/schema.ts';

/** Parts of a day, as people ask for them ("Thursday morning"). Hours are local to the conference. */
export const DAY_PARTS = {
  morning: { fromHour: 0, toHour: 12 },
  afternoon: { fromHour: 12, toHour: 17 },
  evening: { fromHour: 17, toHour: 24 },
} as const;
export type DayPart = keyof typeof DAY_PARTS;

/** A span of time, as epoch milliseconds, start inclusive and end exclusive. */
export interface TimeWindow {
  readonly startMs: number;
  readonly endMs: number;
}

/** The conference's dates, first to last, as `YYYY-MM-DD`. */
export function conferenceDays(conference: Conference): string[] {
  const days: string[] = [];
  let day = DateTime.fromISO(conference.startDate, { zone: conference.timeZone });
  const last = DateTime.fromISO(conference.endDate, { zone: conference.timeZone });
  while (day <= last && days.length < 366) {
    days.push(day.toISODate() ?? conference.startDate);
    day = day.plus({ days: 1 });
  }
  return days;
}

/** The local date (`YYYY-MM-DD`) of an instant in the given zone. */
export function localDate(epochMs: number, timeZone: string): string {
  return DateTime.fromMillis(epochMs, { zone: timeZone }).toISODate() ?? '';
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a date. */
export function weekdayOf(isoDate: string): number {
  return DateTime.fromISO(isoDate).weekday;
}

/** Adds days to a date, in calendar terms. */
export function addDays(isoDate: string, days: number): string {
  return DateTime.fromISO(isoDate).plus({ days }).toISODate() ?? isoDate;
}

/** The window of one local day, or of part of it, in the zone; correct across daylight-saving changes. */
export function dayWindow(isoDate: string, timeZone: string, part?: DayPart): TimeWindow {
  const midnight = DateTime.fromISO(isoDate, { zone: timeZone }).startOf('day');
  const hours = part === undefined ? { fromHour: 0, toHour: 24 } : DAY_PARTS[part];
  // Wall-clock hours, not elapsed ones: on a daylight-saving day "17:00" is still 17:00 on the clock.
  const start = midnight.set({ hour: hours.fromHour });
  const end = hours.toHour === 24 ? midnight.plus({ days: 1 }) : midnight.set({ hour: hours.toHour });
  return { startMs: start.toMillis(), endMs: end.toMillis() };
}

/** The instant a wall-clock time happens on a local day in the zone ("11:00 on 1 Feb in Brussels"). */
export function wallClockInstant(isoDate: string, timeZone: string, hour: number, minute: number): number {
  return DateTime.fromISO(isoDate, { zone: timeZone })
    .set({ hour, minute, second: 0, millisecond: 0 })
    .toMillis();
}

/** "11:00", "09:05": a wall-clock time as answers write it. */
export function clockLabel(hour: number, minute: number): string {
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

const formatters = new Map<
  string,
  { day: Intl.DateTimeFormat; time: Intl.DateTimeFormat; zone: Intl.DateTimeFormat }
>();

function formattersFor(timeZone: string) {
  let cached = formatters.get(timeZone);
  if (cached === undefined) {
    cached = {
      day: new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', day: 'numeric', month: 'short' }),
      time: new Intl.DateTimeFormat('en-GB', {
        timeZone,
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }),
      zone: new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'short' }),
    };
    formatters.set(timeZone, cached);
  }
  return cached;
}

/** "Thu 26 Mar, 09:00–09:03 CET": when a session runs, in the conference's zone. */
export function formatTimeRange(startMs: number, endMs: number | undefined, timeZone: string): string {
  const { day, time } = formattersFor(timeZone);
  const date = new Date(startMs);
  const zoneName = zoneAbbreviation(startMs, timeZone);
  const end = endMs !== undefined && endMs > startMs ? `–${time.format(new Date(endMs))}` : '';
  return `${day.format(date).replace(',', '')}, ${time.format(date)}${end} ${zoneName}`;
}

/** "Thu 26 Mar": a local date for people. */
export function formatDay(isoDate: string, timeZone: string): string {
  const noon = DateTime.fromISO(isoDate, { zone: timeZone }).set({ hour: 12 }).toMillis();
  return formattersFor(timeZone).day.format(new Date(noon)).replace(',', '');
}

/** "09:29": a local clock time. */
export function formatClock(epochMs: number, timeZone: string): string {
  return formattersFor(timeZone).time.format(new Date(epochMs));
}

/** "CET" or "CEST" (or "GMT+1" where a zone has no common abbreviation). */
export function zoneAbbreviation(epochMs: number, timeZone: string): string {
  const parts = formattersFor(timeZone).zone.formatToParts(new Date(epochMs));
  return parts.find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
}
