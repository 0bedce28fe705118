// Start and end of a schedule event from the fields frab-style formats use: an ISO date, or a day plus HH:MM.
import { DateTime, Duration } from 'luxon';

/** `{ start, end }` as ISO 8601 in the conference zone; empty when the event has no usable time. */
export function eventTimes(
  isoDate: string,
  dayDate: string,
  startClock: string,
  duration: string,
  timeZone: string,
): { start?: string; end?: string } {
  let start = isoDate.length > 0 ? DateTime.fromISO(isoDate, { setZone: true }) : DateTime.invalid('no date');
  if (!start.isValid && dayDate.length > 0 && /^\d{1,2}:\d{2}/.test(startClock)) {
    start = DateTime.fromISO(`${dayDate}T${startClock.padStart(5, '0')}`, { zone: timeZone });
  }
  if (!start.isValid) return {};
  start = start.setZone(timeZone);
  const length = parseDuration(duration);
  const end = length === undefined ? undefined : start.plus(length);
  return {
    start: start.toISO({ suppressMilliseconds: true }) ?? undefined,
    ...(end === undefined ? {} : { end: end.toISO({ suppressMilliseconds: true }) ?? undefined }),
  } as { start?: string; end?: string };
}

/** "00:50", "1:30", "01:30:00" or an ISO duration ("PT50M"). */
function parseDuration(text: string): Duration | undefined {
  const clock = text.match(/^(\d{1,3}):(\d{2})(?::(\d{2}))?$/);
  if (clock !== null) {
    return Duration.fromObject({
      hours: Number(clock[1]),
      minutes: Number(clock[2]),
      seconds: Number(clock[3] ?? 0),
    });
  }
  const iso = Duration.fromISO(text);
  return iso.isValid ? iso : undefined;
}
