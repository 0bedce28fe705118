// The .ics export, parsed back with ical.js: the same start in UTC, a stable UID, the conference's zone named.
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { agendaIcs, sessionUid } from '../../adapters/agenda/agenda-ics.ts';
import { agendaEngine, DAY_ONE_0800 } from './agenda-fixture.ts';

const catalog = agendaEngine(() => DAY_ONE_0800).catalog;

function events(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return {
    calendar,
    events: calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component)),
  };
}

describe('agenda .ics', () => {
  it('writes each session in UTC with a stable UID, across the DST night', () => {
    const first = agendaIcs(catalog, ['night', 'closing'], DAY_ONE_0800);
    const parsed = events(first.ics);
    expect(parsed.events.map((event) => event.uid)).toEqual([
      sessionUid(catalog, 'night'),
      sessionUid(catalog, 'closing'),
    ]);
    const [night, closing] = parsed.events;
    expect(night?.startDate.toJSDate().toISOString()).toBe('2027-03-28T00:30:00.000Z');
    expect(night?.endDate.toJSDate().toISOString()).toBe('2027-03-28T01:30:00.000Z');
    expect(night?.startDate.zone.tzid).toBe('UTC');
    // 17:00 WEST is 16:00 UTC.
    expect(closing?.startDate.toJSDate().toISOString()).toBe('2027-03-28T16:00:00.000Z');
    expect(closing?.location).toBe('Main Stage');
    expect(parsed.calendar.getFirstPropertyValue('x-wr-timezone')).toBe('Europe/Lisbon');
    // A later export (another day) keeps the UIDs: re-importing updates instead of duplicating.
    const again = events(agendaIcs(catalog, ['closing'], DAY_ONE_0800 + 86_400_000).ics);
    expect(again.events[0]?.uid).toBe(sessionUid(catalog, 'closing'));
  });

  it('names ids it does not know, and leaves them out', () => {
    const result = agendaIcs(catalog, ['opening', 'no-such-session'], DAY_ONE_0800);
    expect(result.unknown).toEqual(['no-such-session']);
    expect(events(result.ics).events).toHaveLength(1);
  });
});
