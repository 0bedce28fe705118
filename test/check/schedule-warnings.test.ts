// The warnings `hallway check` gives: each fires on the schedule that has the problem, and not on a sound one.
import { describe, expect, it } from 'vitest';
import { type Dataset, loadDataset } from '../../src/index.ts';
import { scheduleWarnings } from '../../src/model/schedule-warnings.ts';
import { MINI_CONF } from '../helpers/engines.ts';
import { fixtureSession } from '../helpers/fixture-session.ts';

function miniConf(): Dataset {
  const loaded = loadDataset(MINI_CONF);
  if (!loaded.ok) throw new Error('mini-conf fixture is invalid');
  return loaded.dataset;
}

const kinds = (dataset: Dataset, zoneGiven = true) =>
  scheduleWarnings(dataset, { zoneGiven }).map((warning) => warning.kind);

describe('scheduleWarnings', () => {
  it('a sound schedule has none', () => {
    expect(kinds(miniConf())).toEqual([]);
  });

  it('no speakers parsed', () => {
    const base = miniConf();
    const dataset = { ...base, sessions: base.sessions.map((session) => ({ ...session, speakers: [] })) };
    expect(kinds(dataset)).toContain('no-speakers');
  });

  it('every session in one room', () => {
    const base = miniConf();
    const dataset = { ...base, sessions: base.sessions.map((session) => ({ ...session, room: 'Hall A' })) };
    expect(scheduleWarnings(dataset, { zoneGiven: true })).toContainEqual({
      kind: 'one-room',
      room: 'Hall A',
      sessions: 5,
    });
  });

  it('a session far from the rest of the programme (a typo in the year)', () => {
    const base = miniConf();
    const stray = fixtureSession({
      id: 'stray',
      title: 'Lunch talk from last year',
      start: '2026-03-27T12:00:00+00:00',
      end: '2026-03-27T12:30:00+00:00',
      room: 'Room Azul',
      speakers: ['rita-mar'],
    });
    const dataset = {
      ...base,
      conference: { ...base.conference, startDate: '2026-03-27' },
      sessions: [...base.sessions, stray],
    };
    expect(scheduleWarnings(dataset, { zoneGiven: true })).toContainEqual({
      kind: 'outside-dates',
      titles: ['Lunch talk from last year'],
      count: 1,
    });
  });

  it('a zone nobody gave, read as UTC', () => {
    const base = miniConf();
    const dataset = { ...base, conference: { ...base.conference, timeZone: 'UTC' } };
    expect(kinds(dataset, false)).toContain('zone-unknown');
    expect(kinds(dataset, true)).not.toContain('zone-unknown');
  });

  it('organisations named like job titles', () => {
    const base = miniConf();
    const first = base.organizations[0];
    if (first === undefined) throw new Error('mini-conf has no organisations');
    const dataset = { ...base, organizations: [{ ...first, name: 'Senior Solution Architect' }] };
    expect(scheduleWarnings(dataset, { zoneGiven: true })).toContainEqual({
      kind: 'job-title-organizations',
      names: ['Senior Solution Architect'],
    });
  });

  it('the same title twice at the same time', () => {
    const base = miniConf();
    const opening = base.sessions[0];
    if (opening === undefined) throw new Error('mini-conf has no sessions');
    const dataset = { ...base, sessions: [...base.sessions, { ...opening, id: 'opening-again' }] };
    expect(scheduleWarnings(dataset, { zoneGiven: true })).toContainEqual({
      kind: 'duplicate-titles',
      titles: [opening.title],
      count: 1,
    });
  });
});
