// Words each `hallway check` warning for the organiser, with what to look at.
import { assertNever, type ScheduleWarning } from '../../../src/index.ts';

function examples(titles: readonly string[], count: number): string {
  const named = titles.map((title) => `"${title}"`).join(', ');
  return count > titles.length ? `${named} and ${count - titles.length} more` : named;
}

/** One line per warning. */
export function describeWarning(warning: ScheduleWarning): string {
  switch (warning.kind) {
    case 'no-speakers':
      return `no speakers were parsed: none of the ${warning.sessions} sessions names one`;
    case 'one-room':
      return `every one of the ${warning.sessions} sessions is in one room, "${warning.room}"; is the room read from the right field?`;
    case 'outside-dates':
      return `${warning.count} sessions fall outside the conference's dates or far from the rest: ${examples(warning.titles, warning.count)}`;
    case 'zone-unknown':
      return `the source does not say its time zone, so times are read as ${warning.timeZone}; pass --time-zone ZONE if the conference is elsewhere`;
    case 'job-title-organizations':
      return `organisations that look like job titles (is the company read from the right part of the tag line?): ${warning.names.map((name) => `"${name}"`).join(', ')}`;
    case 'duplicate-titles':
      return `${warning.count} titles appear twice at the same time: ${examples(warning.titles, warning.count)}`;
    default:
      return assertNever(warning);
  }
}
