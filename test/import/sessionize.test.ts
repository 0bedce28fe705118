// Sessionize: the three API views are detected and imported; times need a zone; keynotes, tracks, tags, services.
import { describe, expect, it } from 'vitest';
import { runCli } from '../../adapters/cli/main.ts';
import { createEngine, type Dataset, loadDatasetText } from '../../src/index.ts';
import { describeWithShared, sharedPath } from '../helpers/shared.ts';
import { captureIo } from '../helpers/streams.ts';

const SCOTTISH_SUMMIT = sharedPath('datasets/sessionize-scottish-summit-2026/sessionize.json');
const LONDON = { timeZone: 'Europe/London' };

/** A "Sessions" view grouped by day: one talk, a lunch (service session) and a plenum keynote. */
const SESSIONS_VIEW = [
  {
    groupId: null,
    groupName: 'Saturday',
    isDefault: false,
    sessions: [
      {
        id: '901',
        title: 'Lunch and coffee',
        description: null,
        startsAt: '2026-10-03T12:30:00',
        endsAt: '2026-10-03T13:30:00',
        isServiceSession: true,
        isPlenumSession: false,
        speakers: [],
        categories: [],
        roomId: 1,
        room: 'Great Hall',
      },
      {
        id: '902',
        title: 'Agents that fetch coffee with Copilot Studio',
        description: 'Agents that order the coffee.',
        startsAt: '2026-10-03T14:00:00',
        endsAt: '2026-10-03T14:45:00',
        isServiceSession: false,
        isPlenumSession: false,
        speakers: [{ id: 'a1', name: 'Ada Lovelace' }],
        categories: [
          { id: 10, name: 'Track', categoryItems: [{ id: 11, name: 'Copilot + Agents' }], sort: 0 },
          { id: 20, name: 'Level', categoryItems: [{ id: 21, name: '200 - Intermediate' }], sort: 1 },
        ],
        roomId: 2,
        room: 'Room 2',
      },
      ...['Power BI for beginners', 'Zero trust in practice', 'Fabric pipelines that scale'].map(
        (title, index) => ({
          id: `91${index}`,
          title,
          description: 'A talk.',
          startsAt: `2026-10-03T1${5 + index}:00:00`,
          endsAt: `2026-10-03T1${5 + index}:45:00`,
          isServiceSession: false,
          isPlenumSession: false,
          speakers: [],
          categories: [],
          roomId: 2,
          room: 'Room 2',
        }),
      ),
      {
        id: '903',
        title: 'Opening keynote',
        description: '',
        startsAt: '2026-10-03T09:00:00',
        endsAt: '2026-10-03T09:30:00',
        isServiceSession: false,
        isPlenumSession: true,
        speakers: [{ id: 'a2', name: 'Grace Hopper' }],
        categories: [],
        roomId: 1,
        room: 'Great Hall',
      },
    ],
  },
];

/** A "Speakers" view: people with the ids and titles of their sessions. */
const SPEAKERS_VIEW = [
  {
    id: 'a1',
    firstName: 'Ada',
    lastName: 'Lovelace',
    fullName: 'Ada Lovelace',
    bio: 'Writes programs.',
    tagLine: 'Principal Engineer at Analytical Engines',
    profilePicture: null,
    sessions: [{ id: 902, name: 'Agents that fetch coffee with Copilot Studio' }],
    isTopSpeaker: false,
    links: [],
    questionAnswers: [],
    categories: [],
  },
];

function load(json: unknown, options = LONDON): Dataset {
  const loaded = loadDatasetText(JSON.stringify(json), 'sessionize.json', options);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  expect(loaded.format).toBe('sessionize-json');
  return loaded.dataset;
}

describe('the "Sessions" and "Speakers" views', () => {
  const dataset = load(SESSIONS_VIEW);
  const byTitle = (title: string) => dataset.sessions.find((session) => session.title === title);

  it('reads wall-clock times in the given zone, with its offset', () => {
    expect(byTitle('Opening keynote')).toMatchObject({
      kind: 'keynote',
      start: '2026-10-03T09:00:00+01:00',
      end: '2026-10-03T09:30:00+01:00',
      room: 'Great Hall',
    });
  });

  it('takes the track from the category that says "track" and the others as tags', () => {
    expect(byTitle('Agents that fetch coffee with Copilot Studio')).toMatchObject({
      track: 'Copilot + Agents',
      topics: ['200 - Intermediate'],
      room: 'Room 2',
    });
  });

  it('keeps service sessions, marked as breaks, and leaves them out of topic answers', () => {
    expect(byTitle('Lunch and coffee')?.kind).toBe('break');
    const engine = createEngine(dataset, { clock: () => Date.parse('2026-10-01T09:00:00Z') });
    const answer = engine.ask('who is speaking about coffee?');
    expect(answer.results.map((result) => result.title)).toEqual([
      'Agents that fetch coffee with Copilot Studio',
    ]);
  });

  it('reads the "Speakers" view: people, their organisation and their sessions', () => {
    const speakers = load(SPEAKERS_VIEW);
    expect(speakers.people).toEqual([
      expect.objectContaining({ name: 'Ada Lovelace', role: 'Principal Engineer', bio: 'Writes programs.' }),
    ]);
    expect(speakers.organizations.map((o) => o.name)).toEqual(['Analytical Engines']);
    expect(speakers.sessions.map((s) => s.title)).toEqual(['Agents that fetch coffee with Copilot Studio']);
  });

  it('an "All" export with a Company question: the answer is the organisation, before the tag line', () => {
    const all = load({
      sessions: [],
      speakers: [
        { ...SPEAKERS_VIEW[0], questionAnswers: [{ questionId: 7, answerValue: 'Difference Engines Ltd' }] },
        { ...SPEAKERS_VIEW[0], id: 'a3', fullName: 'Charles Babbage', questionAnswers: [] },
      ],
      questions: [{ id: 7, question: 'Company', questionType: 'Short_Text', sort: 1 }],
      categories: [],
      rooms: [],
    });
    expect(all.organizations.map((organization) => organization.name).sort()).toEqual([
      'Analytical Engines',
      'Difference Engines Ltd',
    ]);
  });

  it('refuses without a time zone, saying how to give one, and never guesses', () => {
    const loaded = loadDatasetText(JSON.stringify(SESSIONS_VIEW), 'sessionize.json');
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.problems).toEqual([
      expect.objectContaining({
        code: 'time-zone-required',
        message: expect.stringContaining('--time-zone ZONE'),
      }),
    ]);
  });
});

describeWithShared(
  'the Scottish Summit 2026 "All" export',
  ['datasets/sessionize-scottish-summit-2026/sessionize.json'],
  () => {
    async function cli(args: string[]) {
      const io = captureIo();
      const code = await runCli(args, io);
      return { code, out: io.out(), err: io.err() };
    }

    it('loads with 61 sessions, 76 speakers and 7 rooms', async () => {
      const { code, out } = await cli([
        'stats',
        '--json',
        '--data',
        SCOTTISH_SUMMIT,
        '--time-zone',
        'Europe/London',
      ]);
      expect(code).toBe(0);
      expect(JSON.parse(out)).toMatchObject({
        conference: { name: 'Scottish Summit 2026', timeZone: 'Europe/London', startDate: '2026-10-02' },
        sessions: 61,
        people: 76,
        rooms: 7,
        tracks: 6,
        days: 2,
      });
      // The capacity organisers put in room names ("Moncreiff 2 (33)") is left out.
      expect(JSON.parse(out).coverage.rooms).toEqual([
        'Presidents Suite 1',
        'Presidents Suite 2',
        'Moncreiff 1',
        'Moncreiff 2',
        'Moncreiff 3',
        'Cap & Thistle',
        'Centenary Club',
      ]);
    });

    it('without --time-zone, every command that reads it is a usage error (exit 2) naming the fix', async () => {
      for (const command of [['stats'], ['ask', 'hi'], ['digest'], ['validate'], ['check']]) {
        const { code, err, out } = await cli([...command, '--data', SCOTTISH_SUMMIT]);
        expect(code, command[0]).toBe(2);
        expect(err + out).toContain("needs its conference's time zone: pass --time-zone ZONE");
        expect(err + out).not.toMatch(/\n\s+at /);
      }
    });

    it('an unknown --time-zone is a usage error', async () => {
      const { code, err } = await cli(['stats', '--data', SCOTTISH_SUMMIT, '--time-zone', 'Europe/Glasgow']);
      expect(code).toBe(2);
      expect(err).toBe('--time-zone must be an IANA time zone such as Europe/London, not "Europe/Glasgow"\n');
    });

    it("answers who speaks about a topic, with the speakers' organisations from their tag lines", async () => {
      const { code, out } = await cli([
        'ask',
        '--data',
        SCOTTISH_SUMMIT,
        '--time-zone',
        'Europe/London',
        'who is speaking about Power BI?',
      ]);
      expect(code).toBe(0);
      expect(out).toContain('Power BI');
      expect(out).toContain('BST');
    });

    it('the day is closed by its last talk, not by a talk titled "Closing the Loop…" or the morning keynote', async () => {
      const ask = async (question: string) =>
        (await cli(['ask', '--data', SCOTTISH_SUMMIT, '--time-zone', 'Europe/London', question])).out;
      const last = await ask("what's the last session on Saturday?");
      expect(last).toContain('I Vibe coded an XrmToolBox tool');
      expect(last).not.toContain('Closing the Loop');
      expect(await ask('who kicked off Saturday?')).toContain('Scottish Summit 2026 Keynote');
      // Friday holds full-day workshops only: they open it.
      expect(await ask("what's the first session on Friday?")).toContain('Workshop');
    });
  },
);
