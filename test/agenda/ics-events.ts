// Reads back the events of an .ics that arrived inside an upload (raw, or in a multipart body) with ical.js.
import ICAL from 'ical.js';

/** The events of the calendar found in `raw`: UID and start, as a calendar program would read them. */
export function icsEvents(raw: string): Array<{ readonly uid: string; readonly startUtc: string }> {
  const ics = raw.slice(
    raw.indexOf('BEGIN:VCALENDAR'),
    raw.indexOf('END:VCALENDAR') + 'END:VCALENDAR'.length,
  );
  return new ICAL.Component(ICAL.parse(ics))
    .getAllSubcomponents('vevent')
    .map((component) => new ICAL.Event(component))
    .map((event) => ({ uid: event.uid, startUtc: event.startDate.toJSDate().toISOString() }));
}
