// Builds an .ics calendar of sessions with ical-generator: UTC times, the conference's zone named, a stable UID per
// session (so re-importing updates the calendar instead of duplicating it).
import ical from 'ical-generator';
import type { Catalog, Session } from '../../src/index.ts';

/** The UID of a session's event: the same on every export, distinct across conferences. */
export function sessionUid(catalog: Catalog, sessionId: string): string {
  return `${sessionId}@${catalog.conference.id}.hallway`;
}

/** What an .ics export holds, and the session ids asked for that the data does not have or cannot time. */
export interface IcsExport {
  readonly ics: string;
  readonly sessions: readonly Session[];
  readonly unknown: readonly string[];
  readonly untimed: readonly string[];
}

/** An .ics with one event per timed session of `sessionIds`, stamped `nowMs`. */
export function agendaIcs(catalog: Catalog, sessionIds: readonly string[], nowMs: number): IcsExport {
  const { conference } = catalog;
  const calendar = ical({
    name: `${conference.shortName ?? conference.name}: my agenda`,
    prodId: { company: 'Hallway', product: 'agenda', language: 'EN' },
  });
  // Times stay in UTC ('Z'); the zone the programme is written in is named for calendars that show it.
  calendar.x('X-WR-TIMEZONE', conference.timeZone);
  const unknown: string[] = [];
  const untimed: string[] = [];
  const sessions: Session[] = [];
  for (const id of new Set(sessionIds)) {
    const session = catalog.sessions.get(id);
    if (session === undefined) {
      unknown.push(id);
      continue;
    }
    if (session.start === undefined) {
      untimed.push(id);
      continue;
    }
    const start = new Date(session.start);
    const end = session.end === undefined ? start : new Date(session.end);
    calendar.createEvent({
      id: sessionUid(catalog, session.id),
      start,
      end,
      stamp: new Date(nowMs),
      summary: session.title,
      ...(session.room === undefined ? {} : { location: session.room }),
      description: [session.summary, `Times in UTC; the programme's zone is ${conference.timeZone}.`]
        .filter((line) => line.length > 0)
        .join('\n\n'),
      ...(session.url === undefined ? {} : { url: session.url }),
    });
    sessions.push(session);
  }
  return { ics: calendar.toString(), sessions, unknown, untimed };
}
