// Each supported format, on small fixtures of our own: detected, imported into the model, and validated.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type Dataset, loadDataset } from '../../src/index.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/formats/${name}`, import.meta.url));

function load(name: string, timeZone?: string): Dataset {
  const result = loadDataset(fixture(name), timeZone === undefined ? {} : { timeZone });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.dataset;
}

function session(dataset: Dataset, title: string) {
  const found = dataset.sessions.find((s) => s.title.startsWith(title));
  if (found === undefined) throw new Error(`no session "${title}"`);
  return found;
}

function personName(dataset: Dataset, id: string): string | undefined {
  return dataset.people.find((person) => person.id === id)?.name;
}

describe('Sched iCalendar export', () => {
  const dataset = load('mini-sched.ics');

  it('makes every event one session, with the conference named from PRODID and its zone from the city', () => {
    expect(dataset.sessions).toHaveLength(6);
    expect(dataset.conference).toMatchObject({
      name: 'Mini Conf 2027',
      city: 'Lisbon',
      country: 'Portugal',
      timeZone: 'Europe/Lisbon',
      startDate: '2027-03-27',
      endDate: '2027-03-28',
    });
  });

  it('converts UTC times to the conference zone, across its daylight-saving change', () => {
    expect(session(dataset, 'Keynote: Opening the Harbour').start).toBe('2027-03-27T09:00:00+00:00');
    expect(session(dataset, 'Project Lightning Talk: Tidewater Updates').start).toBe(
      '2027-03-28T10:00:00+01:00',
    );
  });

  it('takes the room from LOCATION without the city tail, and the track from CATEGORIES', () => {
    const opening = session(dataset, 'Keynote: Opening the Harbour');
    expect(opening.room).toBe('Main Stage');
    expect(opening.track).toBe('Keynote Sessions');
    expect(opening.kind).toBe('keynote');
    expect(session(dataset, 'Project Lightning Talk').track).toBe('Lightning Talks');
  });

  it('reads speakers and companies from the SUMMARY tail, and companies become organisations', () => {
    const sardines = session(dataset, 'Packing Sardines');
    expect(sardines.title).toBe('Packing Sardines: Bin Packing for Schedulers');
    expect(sardines.speakers.map((id) => personName(dataset, id))).toEqual(['Tomas Pereira', 'Ines Duarte']);
    expect(dataset.organizations.map((o) => o.name).sort()).toEqual([
      'Gull',
      'Gull Systems',
      'Harbour Labs',
      'Sardinha Cloud',
    ]);
    const tiles = session(dataset, 'Tiles, Glaze & Golden Images');
    expect(tiles.speakers.map((id) => personName(dataset, id))).toEqual(['Joao Silva', 'Ana Costa']);
  });

  it('cleans &nbsp; leftovers and keeps an unfolded 2,000-character line whole', () => {
    expect(session(dataset, 'Keynote: Opening the Harbour').summary).toBe(
      'Welcome to the harbour. We open the doors.',
    );
    expect(session(dataset, 'Packing Sardines').summary.length).toBeGreaterThan(2000);
  });

  it('keeps a title with " - " but no speakers whole', () => {
    expect(session(dataset, 'Sponsored Demo').title).toBe('Sponsored Demo: Shipping Faster - Without Tears');
    expect(session(dataset, 'Sponsored Demo').speakers).toEqual([]);
  });
});

describe('Pentabarf / frab XML', () => {
  const dataset = load('mini-pentabarf.xml');

  it('reads the conference block, rooms, tracks and persons', () => {
    expect(dataset.conference).toMatchObject({
      name: 'MiniDEM 2027',
      city: 'Brussels',
      timeZone: 'Europe/Brussels',
    });
    expect(dataset.sessions).toHaveLength(3);
    const rootless = session(dataset, 'Rootless containers in practice');
    expect(rootless).toMatchObject({
      room: 'Janson',
      track: 'Containers',
      start: '2027-02-06T09:30:00+01:00',
    });
    expect(rootless.end).toBe('2027-02-06T10:20:00+01:00');
    expect(rootless.speakers.map((id) => personName(dataset, id))).toEqual(['Marta Ribeiro', 'Luc Peeters']);
  });

  it('turns escaped HTML abstracts into plain text', () => {
    const rootless = session(dataset, 'Rootless containers in practice');
    expect(rootless.title).toBe('Rootless containers in practice: What broke and why');
    expect(rootless.summary).toBe(
      'Running rootless containers & user namespaces.\n\n• cgroups v2\n• networking',
    );
    expect(session(dataset, 'Borrow checker').summary).toBe('Lifetimes without tears.\n\nBring a laptop.');
  });
});

describe('c3voc / frab schedule.json', () => {
  const dataset = load('mini-frab.json');

  it('is lenient: null codes, string ids, a null date and a null room still import', () => {
    expect(dataset.conference).toMatchObject({ name: 'Mini Chaos Congress', timeZone: 'Europe/Berlin' });
    const dj = session(dataset, 'Late night DJ set');
    expect(dj).toMatchObject({ room: 'Saal Two', start: '2027-12-28T23:30:00+01:00', kind: 'other' });
    expect(dj.end).toBe('2027-12-29T00:30:00+01:00');
  });

  it('uses public names and biographies, and HTML descriptions become text', () => {
    const talk = session(dataset, 'Lockpicking for librarians');
    expect(talk.speakers.map((id) => personName(dataset, id))).toEqual(['Ringo Stern']);
    expect(talk.summary).toContain('Bring your own padlock.');
    expect(dataset.people[0]?.bio).toBe('Opens things.');
  });
});

describe('exhibitor and sponsor lists', () => {
  it('JSON: an object holding the list, with other column names and nested booths', () => {
    const dataset = load('exhibitors.json');
    expect(dataset.organizations).toHaveLength(3);
    expect(dataset.organizations[0]).toMatchObject({
      name: 'Harbour Labs',
      kind: 'sponsor',
      tier: 'Gold Sponsor',
      booths: ['B12', 'B14'],
      url: 'https://harbour.example',
    });
    expect(dataset.organizations[1]).toMatchObject({
      name: 'Gull Systems',
      description: 'Fleet observability & more.',
    });
    expect(dataset.organizations[1]?.url).toBeUndefined();
    expect(dataset.conference.startDate).toBe('2027-03-20');
  });

  it('CSV: synonyms for the columns, booths split on separators', () => {
    const dataset = load('exhibitors.csv');
    expect(dataset.organizations.map((o) => [o.name, o.booths, o.tier])).toEqual([
      ['Harbour Labs', ['B12', 'B14'], 'Gold Sponsor'],
      ['Sardinha Cloud', ['D7'], undefined],
    ]);
  });
});

describe('format detection', () => {
  it('an unknown file is refused with the formats it could have been', () => {
    const result = loadDataset(fileURLToPath(new URL('../../README.md', import.meta.url)));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]?.message).toContain('unknown format');
  });

  it('a JSON file that is no known format says so, naming the file', () => {
    const path = fixture('../mini-conf/conference.json');
    const result = loadDataset(path);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems[0]).toMatchObject({
        file: path,
        message: expect.stringContaining('unknown format'),
      });
  });
});
