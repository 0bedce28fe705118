// Answers that depend on the clock: the next time of a repeated session, what is left of today, all-day entries
// when nothing shorter is on; and honest answers for what a dataset does not have.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createEngine, type Dataset, loadDataset, type Session } from '../../src/index.ts';
import { engineFor, MINI_CONF } from '../helpers/engines.ts';
import { fixtureSession } from '../helpers/fixture-session.ts';

/** Mini Conf (Lisbon, UTC+0 on 27 March 2027) with a badge pick-up open all day on both days. */
function withBadgePickUp(): Dataset {
  const loaded = loadDataset(MINI_CONF);
  if (!loaded.ok) throw new Error('mini-conf fixture is invalid');
  const pickUp = (id: string, day: string, offset: string): Session =>
    fixtureSession({
      id,
      title: 'Badge pick-up',
      kind: 'break',
      start: `${day}T08:00:00${offset}`,
      end: `${day}T18:00:00${offset}`,
      room: 'Front hall',
    });
  return {
    ...loaded.dataset,
    sessions: [
      ...loaded.dataset.sessions,
      pickUp('badges-1', '2027-03-27', '+00:00'),
      pickUp('badges-2', '2027-03-28', '+01:00'),
    ],
  };
}

const at = (iso: string) => createEngine(withBadgePickUp(), { clock: () => Date.parse(iso) });

describe('the clock', () => {
  it('a session that repeats is answered with its next time, not the one that is over', () => {
    const answer = at('2027-03-27T19:00:00Z').ask('when is badge pick-up?');
    expect(answer.text).toContain('“Badge pick-up” is on Sun 28 Mar, 08:00–18:00 WEST');
  });

  it("today's list, asked during the day, leaves out what is over and counts it", () => {
    const answer = at('2027-03-27T11:20:00Z').ask("what's on this morning?");
    expect(answer.text).toContain(
      'Sat 27 Mar morning: 1 more session (1 earlier one is over), in time order.',
    );
    expect(answer.results.map((result) => result.title)).toEqual([
      'Packing sardines: bin packing for container schedulers',
    ]);
  });

  it('"anything left today?" is what is not over yet, not the whole day', () => {
    const answer = at('2027-03-27T11:20:00Z').ask('anything left today?');
    expect(answer.text).toContain('Sat 27 Mar: 2 more sessions (1 earlier one is over), in time order.');
  });

  it('"what\'s on now?" gives an all-day entry when nothing shorter is on', () => {
    const answer = at('2027-03-27T08:30:00Z').ask("what's on now?");
    expect(answer.text).toContain('On now (08:30 WET):');
    expect(answer.results.map((result) => result.title)).toEqual(['Badge pick-up']);
  });

  it('"when is the next keynote?" skips the talks before it, and says nothing about nothing running', () => {
    const answer = at('2027-03-27T11:10:00Z').ask('when is the next keynote?');
    expect(answer.results[0]?.title).toBe('Live demo: routing trams with Tidewater');
    expect(answer.text).not.toContain('Nothing is running');
  });

  it('a digest asked for is no "good morning" post', () => {
    const engine = at('2027-03-27T21:00:00Z');
    expect(engine.ask('digest for Saturday').text).not.toContain('Good morning');
    expect(engine.digest({ date: '2027-03-27' }).text).toContain('Good morning! Sat 27 Mar');
  });
});

describe('opening and closing', () => {
  it('the session called the closing closed the day, even with no speaker and a later talk or DJ set', () => {
    const loaded = loadDataset(
      fileURLToPath(new URL('../fixtures/formats/mini-pentabarf.xml', import.meta.url)),
    );
    if (!loaded.ok) throw new Error('mini-pentabarf fixture is invalid');
    const { dataset } = loaded;
    const late = fixtureSession({
      id: 'late-talk',
      title: 'Late lightning round',
      start: '2027-02-07T18:00:00+01:00',
      end: '2027-02-07T18:30:00+01:00',
      room: 'H.1302',
      speakers: dataset.people.slice(0, 1).map((person) => person.id),
    });
    const sessions = dataset.sessions.map((session) =>
      session.title.startsWith('Closing') ? { ...session, speakers: [] } : session,
    );
    const engine = createEngine({ ...dataset, sessions: [...sessions, late] });
    expect(engine.ask('who closed the conference?').text).toContain('“Closing MiniDEM”');
  });
});

describe('what a dataset does not have', () => {
  const exhibitors = engineFor(
    fileURLToPath(new URL('../fixtures/formats/exhibitors.json', import.meta.url)),
  );

  it('an exhibitor with no sessions: says so, then what it is; "what does X do?" is what it is', () => {
    const presented = exhibitors.ask('what did Harbour Labs present?');
    expect(presented.answered).toBe(false);
    expect(presented.text).toContain('I have no sessions from Harbour Labs.');
    expect(presented.text).toContain('What I know of it: Makers of Tidewater.');
    expect(exhibitors.ask('what does Harbour Labs do?').text).toContain('Harbour Labs: Makers of Tidewater.');
  });

  it('sponsors by tier: all of them, or those of the tier named; a tier nobody has is not padded', () => {
    expect(exhibitors.ask('who are the sponsors?').text).toContain(
      '1 sponsor:\n\n• Harbour Labs — Gold Sponsor',
    );
    expect(exhibitors.ask('list gold sponsors').text).toContain('1 gold sponsor:');
    expect(exhibitors.ask('who are the platinum sponsors?').answered).toBe(false);
    expect(exhibitors.ask('list organizations').text).not.toContain('(0)');
  });

  it('a list with no timed sessions says it cannot tell what is on when, and points at what it has', () => {
    const now = exhibitors.ask("what's on now?");
    expect(now.answered).toBe(false);
    expect(now.text).toContain('hold no timed sessions');
    expect(now.text).toContain('“list organizations”');
  });

  it('"where is Harbour?" finds Harbour Labs by the first word of its name when no session fits', () => {
    expect(exhibitors.ask('where is Harbour?').text).toContain(
      'Harbour Labs (Gold Sponsor) is at booths B12 and B14.',
    );
  });

  it('booths both ways: "which booth is Harbour Labs at?" and a bare "booth C3"', () => {
    expect(exhibitors.ask('which booth is Harbour Labs at?').text).toContain(
      'Harbour Labs (Gold Sponsor) is at booths B12 and B14.',
    );
    expect(exhibitors.ask('booth C3').text).toContain('Gull Systems');
  });

  it('no keynotes or demos: says so rather than "0 keynotes"', () => {
    const keynotes = exhibitors.ask('list keynotes');
    expect(keynotes.answered).toBe(false);
    expect(keynotes.text).toContain('This programme marks no session as a keynote.');
    expect(exhibitors.ask('which demos were there?').text).toContain('no session marked as a demo');
  });
});
