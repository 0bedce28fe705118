// Merging curated data with an official schedule: one record per session, person and organisation.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  compareProgrammes,
  createEngine,
  type Dataset,
  loadDataset,
  mergeDatasets,
} from '../../src/index.ts';
import { MINI_CONF } from '../helpers/engines.ts';

const ICS = fileURLToPath(new URL('../fixtures/formats/mini-sched.ics', import.meta.url));

function load(path: string): Dataset {
  const result = loadDataset(path);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.dataset;
}

const curated = load(MINI_CONF);
const schedule = load(ICS);
const { dataset, merged } = mergeDatasets([curated, schedule]);

describe('mergeDatasets', () => {
  it('the same start, room and a similar title make one session, keeping the curated id and words', () => {
    const sardines = dataset.sessions.filter((s) => /sardines/i.test(s.title));
    expect(sardines).toHaveLength(1);
    expect(sardines[0]).toMatchObject({
      id: 'sardines',
      title: 'Packing Sardines: Bin Packing for Schedulers',
      summary: 'Heuristics for placing containers densely without starving noisy neighbours.',
      sources: ['fixture', 'miniconf27-schedule'],
    });
    expect(dataset.sessions).toHaveLength(curated.sessions.length + schedule.sessions.length - 1);
  });

  it('people merge on their names (accents folded) and keep the curated record', () => {
    const tomas = dataset.people.filter((p) => /tom[aá]s pereira/i.test(p.name));
    expect(tomas).toHaveLength(1);
    expect(tomas[0]).toMatchObject({ id: 'tomas-pereira', name: 'Tomás Pereira', aliases: [] });
    expect(dataset.sessions.find((s) => s.id === 'sardines')?.speakers).toEqual([
      'tomas-pereira',
      'ines-duarte',
    ]);
  });

  it('organisations merge on their names, and speakers of the schedule point at the curated organisation', () => {
    expect(dataset.organizations.filter((o) => o.name === 'Harbour Labs')).toHaveLength(1);
    const joao = dataset.people.find((p) => p.id === 'joao-silva');
    expect(joao?.organization).toBe('harbour-labs');
  });

  it('the conference keeps its name and zone; the merge is counted', () => {
    expect(dataset.conference.name).toBe('Mini Conf 2027');
    expect(merged).toEqual({ sessions: 1, people: 4, organizations: 3 });
  });

  it('sessions of one source never merge with each other', () => {
    const twice = mergeDatasets([
      curated,
      {
        ...schedule,
        sessions: [...schedule.sessions, ...schedule.sessions.map((s) => ({ ...s, id: `${s.id}-copy` }))],
      },
    ]);
    expect(twice.dataset.sessions.length).toBe(curated.sessions.length + schedule.sessions.length * 2 - 1);
  });

  it('a session the schedule moved keeps its identity and takes the new time (matched by its unique title)', () => {
    const title = 'Packing sardines: bin packing for container schedulers';
    const moved = {
      ...schedule,
      sessions: schedule.sessions.map((s) =>
        s.title.startsWith('Packing Sardines')
          ? { ...s, title, start: '2027-03-27T15:00:00Z', end: '2027-03-27T15:40:00Z' }
          : s,
      ),
    };
    const result = mergeDatasets([curated, moved]).dataset;
    const sardines = result.sessions.filter((s) => /sardines/i.test(s.title));
    expect(sardines.map((s) => [s.id, s.start])).toEqual([['sardines', '2027-03-27T15:00:00Z']]);
  });

  it('the merged data answers over both sources', () => {
    const engine = createEngine(dataset, { clock: () => Date.parse('2027-03-27T08:00:00Z') });
    expect(engine.ask('who is Ana Costa?').text).toContain('Gull Systems');
    expect(engine.ask('who is Rita do Mar?').text).toContain('Rita Mar');
  });
});

describe('compareProgrammes', () => {
  it('reports sessions added, cancelled, and moved in time or room', () => {
    const before = curated;
    const template = curated.sessions[0];
    if (template === undefined) throw new Error('fixture has no sessions');
    const after: Dataset = {
      ...curated,
      sessions: [
        ...curated.sessions
          .filter((s) => s.id !== 'tiles')
          .map((s) => (s.id === 'sardines' ? { ...s, room: 'Room Verde' } : s))
          .map((s) =>
            s.id === 'closing'
              ? { ...s, start: '2027-03-28T16:00:00+01:00', end: '2027-03-28T16:30:00+01:00' }
              : s,
          ),
        { ...template, id: 'bonus', title: 'Bonus session' },
      ],
    };
    const report = compareProgrammes(before, after, 42);
    expect(report.at).toBe(42);
    expect(report.added.map((s) => s.id)).toEqual(['bonus']);
    expect(report.cancelled.map((s) => s.id)).toEqual(['tiles']);
    expect(report.moved.map((m) => [m.id, m.before.room, m.after.room, m.after.start])).toEqual([
      ['sardines', 'Room Azul', 'Room Verde', '2027-03-27T11:00:00+00:00'],
      ['closing', 'Main Stage', 'Main Stage', '2027-03-28T16:00:00+01:00'],
    ]);
  });
});
