// When digests go out: a wall-clock time in the conference's zone, computed by croner, so 08:00 stays 08:00
// across the daylight-saving change; and which days count.
import { Cron } from 'croner';
import type { DigestKind } from './digest-store.ts';

/** A daily post time, "08:00" → { hour: 8, minute: 0 }. */
export interface DigestTime {
  readonly kind: DigestKind;
  readonly hour: number;
  readonly minute: number;
}

/** Conference days only (the default), every day, or the listed dates. */
export type DigestDays =
  | { readonly kind: 'conference' }
  | { readonly kind: 'every' }
  | { readonly kind: 'dates'; readonly dates: readonly string[] };

/** The croner pattern for a daily time: minute, hour, every day. */
export function cronPattern(time: DigestTime): string {
  return `${time.minute} ${time.hour} * * *`;
}

/** `YYYY-MM-DD` of an instant, in a zone. */
export function localDate(atMs: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date(atMs));
}

/**
 * The instant the digest of `date` goes out. On the spring-forward day a time inside the skipped hour runs when
 * the clock resumes (02:30 → 03:00), as croner does.
 */
export function scheduledAt(date: string, time: DigestTime, timeZone: string): number {
  const cron = new Cron(cronPattern(time), { timezone: timeZone, paused: true });
  // 14 hours before UTC midnight is before local midnight in every zone (UTC−12 to UTC+14).
  const from = new Date(Date.parse(`${date}T00:00:00Z`) - 14 * 60 * 60 * 1000);
  const run = cron.nextRuns(3, from).find((candidate) => localDate(candidate.getTime(), timeZone) === date);
  if (run === undefined) throw new Error(`no ${time.kind} digest time on ${date} in ${timeZone}`);
  return run.getTime();
}

/** Whether a digest goes out on `date`. */
export function postsOn(
  date: string,
  days: DigestDays,
  conference: { readonly startDate: string; readonly endDate: string },
): boolean {
  switch (days.kind) {
    case 'conference':
      return date >= conference.startDate && date <= conference.endDate;
    case 'every':
      return true;
    case 'dates':
      return days.dates.includes(date);
  }
}

/** The date after `date` (`YYYY-MM-DD`). */
export function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) + 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

/** The date before `date` (`YYYY-MM-DD`), for an evening digest caught up after midnight. */
export function previousDate(date: string): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) - 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}
