// What `hallway check` warns about: signs that a schedule was read wrong, though it is valid.

import { looksLikeJobTitle } from '../text/job-title.ts';
import { normalizePhrase } from '../text/normalize.ts';
import { coverageOf } from './coverage.ts';
import type { Dataset } from './schema.ts';

/** One warning, typed so each can be tested and worded apart. */
export type ScheduleWarning =
  | { readonly kind: 'no-speakers'; readonly sessions: number }
  | { readonly kind: 'one-room'; readonly room: string; readonly sessions: number }
  | { readonly kind: 'outside-dates'; readonly titles: readonly string[]; readonly count: number }
  | { readonly kind: 'zone-unknown'; readonly timeZone: string }
  | { readonly kind: 'job-title-organizations'; readonly names: readonly string[] }
  | { readonly kind: 'duplicate-titles'; readonly titles: readonly string[]; readonly count: number };

/** Examples named in a warning; the rest are counted. */
const EXAMPLES = 3;

export interface WarningOptions {
  /** Whether the zone was given (flag or config) rather than read from the source or defaulted. */
  readonly zoneGiven: boolean;
}

/** Every warning about the dataset, in a fixed order; empty when nothing looks wrong. */
export function scheduleWarnings(dataset: Dataset, options: WarningOptions): ScheduleWarning[] {
  const warnings: ScheduleWarning[] = [];
  const { sessions, conference } = dataset;
  // Exhibitor lists have no sessions: nothing below applies to them.
  if (sessions.length > 0 && sessions.every((session) => session.speakers.length === 0)) {
    warnings.push({ kind: 'no-speakers', sessions: sessions.length });
  }
  const rooms = coverageOf(dataset).rooms;
  const placed = sessions.filter((session) => session.room !== undefined).length;
  if (placed > 1 && rooms.length === 1) {
    warnings.push({ kind: 'one-room', room: rooms[0] ?? '', sessions: placed });
  }
  const outside = strayDays(dataset);
  if (outside.length > 0) {
    const dates = new Set(outside.map((day) => day.date));
    const titles = sessions
      .filter((session) => session.start !== undefined && dates.has(session.start.slice(0, 10)))
      .map((session) => session.title);
    warnings.push({ kind: 'outside-dates', titles: titles.slice(0, EXAMPLES), count: titles.length });
  }
  // A source with no zone of its own is read as UTC; a real conference in UTC is rare enough to ask.
  if (
    !options.zoneGiven &&
    sessions.some((s) => s.start !== undefined) &&
    /^(?:UTC|Etc\/UTC|GMT)$/.test(conference.timeZone)
  ) {
    warnings.push({ kind: 'zone-unknown', timeZone: conference.timeZone });
  }
  const titled = dataset.organizations.filter((organization) => looksLikeJobTitle(organization.name));
  if (titled.length > 0) {
    warnings.push({
      kind: 'job-title-organizations',
      names: titled.map((o) => o.name).slice(0, EXAMPLES * 2),
    });
  }
  const seen = new Map<string, number>();
  for (const session of sessions) {
    if (session.start === undefined) continue;
    const key = `${normalizePhrase(session.title)}@${Date.parse(session.start)}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  const repeated = sessions.filter(
    (session) =>
      session.start !== undefined &&
      (seen.get(`${normalizePhrase(session.title)}@${Date.parse(session.start)}`) ?? 0) > 1,
  );
  if (repeated.length > 0) {
    const titles = [...new Set(repeated.map((session) => session.title))];
    warnings.push({ kind: 'duplicate-titles', titles: titles.slice(0, EXAMPLES), count: titles.length });
  }
  return warnings;
}

/** A day this many days from the rest of the programme is no part of it (a typo in the year, another event). */
const STRAY_GAP_DAYS = 7;

/**
 * Days with sessions outside the conference's dates, or far from the busiest run of days: importers widen the
 * dates to cover every session, so a stray session shows up as a gap rather than outside the dates.
 */
function strayDays(dataset: Dataset): ReadonlyArray<{ readonly date: string }> {
  const { days } = coverageOf(dataset);
  const { startDate, endDate } = dataset.conference;
  const runs: Array<Array<(typeof days)[number]>> = [];
  for (const day of days) {
    const run = runs.at(-1);
    const previous = run?.at(-1);
    if (run !== undefined && previous !== undefined && gapDays(previous.date, day.date) <= STRAY_GAP_DAYS)
      run.push(day);
    else runs.push([day]);
  }
  const size = (run: ReadonlyArray<{ sessions: number }>) => run.reduce((sum, day) => sum + day.sessions, 0);
  const main = runs.reduce<(typeof runs)[number] | undefined>(
    (best, run) => (best === undefined || size(run) > size(best) ? run : best),
    undefined,
  );
  return days.filter(
    (day) => day.date < startDate || day.date > endDate || (main !== undefined && !main.includes(day)),
  );
}

function gapDays(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}
