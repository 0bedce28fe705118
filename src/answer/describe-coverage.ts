// Says what the loaded data covers, in the bot's own voice: "My schedule for X covers only Thu 26 Mar, …".
import type { Coverage } from '../model/coverage.ts';
import type { Conference } from '../model/schema.ts';
import { formatDay } from '../time/conference-time.ts';
import { count } from './describe.ts';

/** Days listed one by one, each with its hours; more are summarised as a range. */
const DAYS_LISTED = 3;
/** Rooms named one by one; more are counted. */
const ROOMS_NAMED = 3;

/** The name answers use for the conference: its short name when it has one. */
export function conferenceLabel(conference: Conference): string {
  return conference.shortName ?? conference.name;
}

/**
 * "My schedule for <Event> covers only Thu 26 Mar, 09:00–10:30, Hall 12 (14 sessions)." Says "only"
 * when the data has fewer days than the conference declares, so a gap in the data is never read as an empty day.
 */
export function coverageSentence(conference: Conference, coverage: Coverage): string {
  const owner = `My schedule for ${conferenceLabel(conference)}`;
  const sessions = count(coverage.sessions, 'session');
  if (coverage.days.length === 0) {
    return coverage.sessions === 0
      ? `${owner} holds no sessions.`
      : `${owner} holds ${sessions}, none of them with a time.`;
  }
  const zone = conference.timeZone;
  const days =
    coverage.days.length <= DAYS_LISTED
      ? joinAnd(coverage.days.map((day) => `${formatDay(day.date, zone)}, ${day.from}–${day.to}`))
      : `${coverage.days.length} days, ${formatDay(coverage.days[0]?.date ?? '', zone)} to ${formatDay(coverage.days.at(-1)?.date ?? '', zone)}`;
  const rooms =
    coverage.rooms.length === 0
      ? ''
      : coverage.rooms.length <= ROOMS_NAMED
        ? `, ${joinAnd(coverage.rooms)}`
        : `, in ${count(coverage.rooms.length, 'room')}`;
  return `${owner} covers ${coverage.partial ? 'only ' : ''}${days}${rooms} (${sessions}).`;
}

function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join('; ')} and ${items.at(-1)}`;
}
