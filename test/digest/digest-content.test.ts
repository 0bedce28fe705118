// What a day's digest says: keynotes in order with their people, sessions by track, the day's announcements and
// the schedule changes since the last digest, on the real dataset and on a built one.
import { describe, expect, it } from 'vitest';
import { runCli } from '../../adapters/cli/main.ts';
import { type ChangeReport, createEngine } from '../../src/index.ts';
import { miniConfWithTalks } from '../helpers/busy-conference.ts';
import { DEFAULT_DATASET, engineFor } from '../helpers/engines.ts';
import { fixtureSession } from '../helpers/fixture-session.ts';
import { captureIo } from '../helpers/streams.ts';

const FINAL_DAY_KEYNOTE_SPEAKERS = [
  'Jorge Castro',
  'Karena Angell',
  'Baptiste Assmann',
  'Mark Mandel',
  'Abby Bangser',
  'Jago Macleod',
  'Mathias Biilmann',
  'Gergely Csatari',
];

describe('the 26 March 2026 digest on the default dataset', () => {
  const engine = engineFor(DEFAULT_DATASET);
  const answer = engine.digest({ date: '2026-03-26' });

  it('lists the final-day keynotes in time order, each with its people and organisations', () => {
    expect(answer.intent).toBe('digest');
    expect(answer.answered).toBe(true);
    const positions = FINAL_DAY_KEYNOTE_SPEAKERS.map((name) => answer.text.indexOf(name));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(answer.text).toContain('Abby Bangser (Syntasso)');
    expect(answer.text).toContain('Thu 26 Mar, 09:34–09:44 CET');
  });

  it('includes the announcements dated that day and names its sources', () => {
    expect(answer.text).toMatch(/== Announcements ==[\s\S]*Universal Mesh[\s\S]*HAProxy Technologies/);
    expect(answer.text).toMatch(/Sources: .*official schedule/);
  });

  it('says plainly when a day has nothing scheduled, rather than padding', () => {
    const quiet = engine.digest({ date: '2026-03-20' });
    expect(quiet.answered).toBe(false);
    expect(quiet.text).toContain('Nothing is scheduled on Fri 20 Mar');
    expect(quiet.results).toEqual([]);
  });
});

describe('a day of logistics only', () => {
  it('lists the badge pick-up of the day before the programme, rather than saying nothing is on', () => {
    const base = miniConfWithTalks({});
    const pickUp = fixtureSession({
      id: 'badges',
      title: 'Badge pick-up',
      kind: 'break',
      start: '2027-03-26T08:00:00+00:00',
      end: '2027-03-26T18:00:00+00:00',
      room: 'Front hall',
    });
    const engine = createEngine({ ...base, sessions: [...base.sessions, pickUp] });
    const answer = engine.digest({ date: '2027-03-26' });
    expect(answer.answered).toBe(true);
    expect(answer.text).toContain('Badge pick-up');
    expect(answer.text).toContain('Front hall');
    expect(engine.digest({ date: '2027-03-27' }).text).not.toContain('Badge pick-up');
  });
});

describe('asking for a digest in words', () => {
  it('"digest for Thursday" during the conference is the 26 March digest', () => {
    const engine = engineFor(DEFAULT_DATASET, Date.parse('2026-03-24T10:00:00+01:00'));
    const answer = engine.ask('digest for Thursday');
    expect(answer.intent).toBe('digest');
    expect(answer.title).toBe('Thu 26 Mar at KubeCon EU 2026');
    expect(answer.text).toContain('Jorge Castro (CNCF)');
  });

  it('"what\'s on tomorrow" on 25 March is the final day\'s digest', () => {
    const engine = engineFor(DEFAULT_DATASET, Date.parse('2026-03-25T18:00:00+01:00'));
    expect(engine.ask("what's on tomorrow").title).toBe('Thu 26 Mar at KubeCon EU 2026');
  });

  it('"digest" after the conference says it is over and suggests what exists', () => {
    const answer = engineFor(DEFAULT_DATASET).ask('digest');
    expect(answer.answered).toBe(false);
    expect(answer.text).toMatch(/over|ended/i);
    expect(answer.blocks.some((block) => block.type === 'suggestions')).toBe(true);
  });
});

describe('sessions by track', () => {
  it('groups the day by track, busiest first, shows the first few and counts the rest', () => {
    const engine = createEngine(miniConfWithTalks({ Storage: 5, Security: 2 }));
    const { text } = engine.digest({ date: '2027-03-27' });
    expect(text).toContain('Sat 27 Mar at MiniConf');
    expect(text.indexOf('== Storage (5) ==')).toBeLessThan(text.indexOf('== Security (2) =='));
    expect(text).toContain('Storage talk 3');
    expect(text).not.toContain('Storage talk 4');
    expect(text).toContain('…and 2 more sessions');
    expect(text).toContain('Security talk 2');
    // Keynotes have their own section, not a track of their own.
    expect(text).toMatch(/== Keynotes ==[\s\S]*Lighthouses and load balancers/);
    expect(text).not.toContain('== Keynotes (');
  });

  it('does not list the other day', () => {
    const { text } = createEngine(miniConfWithTalks({ Storage: 1 })).digest({ date: '2027-03-28' });
    expect(text).not.toContain('Storage talk');
    expect(text).not.toContain('Packing sardines');
  });
});

describe('schedule changes since the last digest', () => {
  const report = (at: number, changes: Partial<ChangeReport>): ChangeReport => ({
    at,
    added: [],
    cancelled: [],
    moved: [],
    ...changes,
  });
  const reports = [
    report(1000, {
      cancelled: [{ id: 'old', title: 'A talk from last week', start: '2027-03-27T09:00:00Z' }],
    }),
    report(5000, {
      moved: [
        {
          id: 'sardines',
          title: 'Packing sardines',
          before: { start: '2027-03-27T11:00:00Z', room: 'Room Azul' },
          after: { start: '2027-03-27T15:00:00Z', room: 'Room Verde' },
        },
      ],
      added: [{ id: 'new', title: 'A late addition', start: '2027-03-27T16:00:00Z', room: 'Main Stage' }],
    }),
  ];

  it('lists moves, cancellations and additions after the given time, with the old and new place', () => {
    const engine = createEngine(miniConfWithTalks({}), { changes: () => reports });
    const { text } = engine.digest({ date: '2027-03-27', changesSince: 2000 });
    expect(text).toContain('== Schedule changes ==');
    expect(text).toMatch(/Moved: “Packing sardines”, now .*15:00.*Room Verde \(was .*11:00.*Room Azul\)/);
    expect(text).toMatch(/Added: “A late addition”, .*16:00.*Main Stage/);
    expect(text).not.toContain('A talk from last week');
  });

  it('folds a session added then cancelled into nothing', () => {
    const engine = createEngine(miniConfWithTalks({}), {
      changes: () => [
        report(1, { added: [{ id: 'x', title: 'Short-lived talk' }] }),
        report(2, { cancelled: [{ id: 'x', title: 'Short-lived talk' }] }),
      ],
    });
    expect(engine.digest({ date: '2027-03-27' }).text).not.toContain('Short-lived talk');
  });

  it('says it is late when posted after its time', () => {
    const engine = createEngine(miniConfWithTalks({}));
    expect(engine.digest({ date: '2027-03-27', lateByMs: 95 * 60_000 }).text).toContain(
      'Posted 95 minutes late',
    );
  });
});

describe('hallway digest', () => {
  it('--date 2026-03-26 --json names the final day keynote speakers', async () => {
    const io = captureIo('');
    const code = await runCli(['digest', '--date', '2026-03-26', '--json'], io);
    expect(code).toBe(0);
    const answer = JSON.parse(io.out());
    expect(answer.intent).toBe('digest');
    const people = answer.results.flatMap((result: { people: string[] }) => result.people);
    for (const name of ['Jorge Castro', 'Karena Angell', 'Mark Mandel', 'Abby Bangser']) {
      expect(people).toContain(name);
    }
    for (const name of FINAL_DAY_KEYNOTE_SPEAKERS) expect(answer.text).toContain(name);
  });

  it('refuses a date it cannot read, saying what it expects', async () => {
    const io = captureIo('');
    expect(await runCli(['digest', '--date', 'Thursday'], io)).toBe(2);
    expect(io.err()).toContain('--date must be a date such as 2026-03-26');
  });
});

describe('counting what is not shown', () => {
  it('says "1 more session", not "1 more sessions"', () => {
    const { text } = createEngine(miniConfWithTalks({ Storage: 4 })).digest({ date: '2027-03-27' });
    expect(text).toContain('…and 1 more session.');
    expect(text).not.toContain('1 more sessions');
  });
});
