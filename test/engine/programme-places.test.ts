// Questions about a track or a room ("what's in the Rust devroom?", "what's on in Hall 8 at 11:00?"), and about a
// time of day: the place's or the moment's sessions in time order, not whatever mentions the words.
import { describe, expect, it } from 'vitest';
import { createEngine, type Dataset, loadDataset, type Session } from '../../src/index.ts';
import { MINI_CONF } from '../helpers/engines.ts';
import { fixtureSession } from '../helpers/fixture-session.ts';

/** Mini Conf (Lisbon, 27–28 March 2027, UTC+0 on the 27th) plus a Rust devroom and a Kernel track on the 27th. */
function withTracks(): Dataset {
  const loaded = loadDataset(MINI_CONF);
  if (!loaded.ok) throw new Error('mini-conf fixture is invalid');
  const talk = (id: string, title: string, from: string, to: string, room: string, track: string): Session =>
    fixtureSession({
      id,
      title,
      start: `2027-03-27T${from}:00+00:00`,
      end: `2027-03-27T${to}:00+00:00`,
      room,
      track,
      summary: `A talk about ${title.toLowerCase()}.`,
    });
  return {
    ...loaded.dataset,
    sessions: [
      ...loaded.dataset.sessions,
      talk('rust-2', 'Borrowing without tears', '10:30', '11:30', 'UB2.252A (Lameere)', 'Rust'),
      talk('rust-1', 'Async in practice', '09:30', '10:00', 'UB2.252A (Lameere)', 'Rust'),
      talk('rust-3', 'Embedded Rust on tiny boards', '11:10', '11:40', 'UB2.252A (Lameere)', 'Rust'),
      talk('kernel-1', 'Schedulers in the kernel', '12:00', '12:30', 'Hall 8 | Room D', 'Kernel'),
      talk('kernel-2', 'eBPF for the curious', '13:00', '13:30', 'Hall 8 | Room F', 'Kernel'),
    ],
  };
}

const AFTER = Date.parse('2027-06-01T12:00:00Z');
const engine = createEngine(withTracks(), { clock: () => AFTER });
const titles = (question: string) => engine.ask(question).results.map((result) => result.title);

describe('a track', () => {
  it('"what\'s in the Rust devroom?" lists the track in time order, with its day and room', () => {
    const answer = engine.ask("what's in the Rust devroom?");
    expect(answer.text).toContain('The “Rust” track had 3 sessions on Sat 27 Mar in UB2.252A (Lameere)');
    expect(answer.results.map((result) => result.title)).toEqual([
      'Async in practice',
      'Borrowing without tears',
      'Embedded Rust on tiny boards',
    ]);
  });

  it('"who spoke in the Kernel track?" and "where is the Kernel track?" give its sessions and rooms', () => {
    expect(titles('who spoke in the Kernel track?')).toEqual([
      'Schedulers in the kernel',
      'eBPF for the curious',
    ]);
    expect(engine.ask('where is the Kernel track?').text).toContain('in Hall 8 | Room D and Hall 8 | Room F');
  });

  it('a track\'s bare name in a topic question stays a topic: "who spoke about rust?" is not the track', () => {
    const answer = engine.ask('who spoke about rust?');
    expect(answer.text).not.toContain('track had');
    expect(answer.results[0]?.title).toBe('Embedded Rust on tiny boards');
  });

  it('during the conference, leaves out what is over and says how much', () => {
    const during = createEngine(withTracks(), { clock: () => Date.parse('2027-03-27T10:45:00Z') });
    const answer = during.ask('what is in the rust devroom');
    expect(answer.text).toContain(
      'has 2 more sessions on Sat 27 Mar in UB2.252A (Lameere) (1 earlier one is over)',
    );
    expect(answer.results.map((result) => result.title)).toEqual([
      'Borrowing without tears',
      'Embedded Rust on tiny boards',
    ]);
  });
});

describe('a room', () => {
  it('by any of its names: "Lameere" and "Hall 8" (the hall of "Hall 8 | Room D" and "Hall 8 | Room F")', () => {
    expect(engine.ask('where is Lameere?').results).toHaveLength(3);
    expect(titles("what's in Hall 8?")).toEqual(['Schedulers in the kernel', 'eBPF for the curious']);
  });

  it('"what\'s on in Room Azul on Saturday?" is that room\'s day, not talks mentioning "azul"', () => {
    const answer = engine.ask("what's on in Room Azul on Saturday?");
    expect(answer.text).toContain('Sat 27 Mar: 1 session in Room Azul');
    expect(answer.results.map((result) => result.title)).toEqual([
      'Packing sardines: bin packing for container schedulers',
    ]);
  });
});

describe("a session's track, and the size of the programme", () => {
  it('"which track is …?" says the room, the time and the track', () => {
    expect(engine.ask('which track is Borrowing without tears in?').text).toContain(
      '“Borrowing without tears” was in UB2.252A (Lameere), Sat 27 Mar, 10:30–11:30 WET, in the “Rust” track.',
    );
  });

  it('"how many sessions are in the Rust track?" lists them with their number', () => {
    expect(engine.ask('how many sessions are in the Rust track?').text).toContain(
      'The “Rust” track had 3 sessions',
    );
  });

  it('"how many talks are there?" counts every session, by kind', () => {
    const answer = engine.ask('how many talks are there?');
    expect(answer.text).toContain('MiniConf has 10 sessions:');
    expect(answer.text).toContain('• 7 talks');
    expect(answer.text).toContain('• 2 keynotes');
  });
});

describe('now and next, in a room', () => {
  const during = createEngine(withTracks(), { clock: () => Date.parse('2027-03-27T10:45:00Z') });

  it('"what\'s on now in Lameere?" is only that room\'s running session', () => {
    const answer = during.ask("what's on now in Lameere?");
    expect(answer.text).toContain('On now in Lameere (10:45 WET):');
    expect(answer.results.map((result) => result.title)).toEqual(['Borrowing without tears']);
  });

  it('"what\'s next in Hall 8?" says the hall is free now and gives its next session', () => {
    const answer = during.ask("what's next in Hall 8?");
    expect(answer.text).toContain(
      'Nothing is running in Hall 8 right now. Next up in Hall 8, from Sat 27 Mar, 12:00 WET:',
    );
    expect(answer.results.map((result) => result.title)).toEqual(['Schedulers in the kernel']);
  });

  it('"what\'s next?" while talks are running does not claim that nothing is', () => {
    const answer = during.ask("what's next?");
    expect(answer.text).toContain('Next up, from Sat 27 Mar, 11:00 WET:');
    expect(answer.text).not.toContain('Nothing is running');
  });

  it("after a room's last session, says nothing more is on there today", () => {
    const late = createEngine(withTracks(), { clock: () => Date.parse('2027-03-27T14:00:00Z') });
    expect(late.ask("what's on now in Hall 8?").text).toContain(
      'Nothing more in Hall 8 is scheduled on Sat 27 Mar',
    );
  });

  it('a room it does not know is named as such', () => {
    const answer = during.ask("what's on now in Narnia?");
    expect(answer.answered).toBe(false);
    expect(answer.text).toContain("I don't know a room or track called “Narnia”");
  });
});

describe('a time of day', () => {
  it('"what\'s on at 11:00 on Saturday?" gives what runs then and what starts just after', () => {
    const answer = engine.ask("what's on at 11:00 on Saturday?");
    expect(answer.text).toContain('Sat 27 Mar at 11:00');
    expect(answer.results.map((result) => result.title)).toEqual([
      'Borrowing without tears',
      'Packing sardines: bin packing for container schedulers',
      'Embedded Rust on tiny boards',
    ]);
  });

  it('"at 1pm" is 13:00, and a room narrows it', () => {
    expect(titles('what is on at 1pm on Saturday?')).toEqual(['eBPF for the curious']);
    expect(titles("what's on in Lameere at 9:45 on Saturday?")).toEqual(['Async in practice']);
  });

  it('"after 11:00" is what starts from then to the end of the day', () => {
    const answer = engine.ask("what's on after 11:00 on Saturday?");
    expect(answer.text).toContain('Sat 27 Mar from 11:00: 5 sessions');
    expect(answer.results[0]?.title).toBe('Packing sardines: bin packing for container schedulers');
    expect(answer.results.map((result) => result.title)).not.toContain('Borrowing without tears');
  });

  it('"when is the Harbour Labs keynote?" is the keynote of someone from Harbour Labs', () => {
    expect(engine.ask('when is the Harbour Labs keynote?').text).toContain(
      '“Opening keynote: Lighthouses and load balancers” was on Sat 27 Mar',
    );
  });

  it('says so when nothing runs at that time', () => {
    const answer = engine.ask("what's on at 7am on Saturday?");
    expect(answer.answered).toBe(false);
    expect(answer.text).toContain('Nothing is scheduled on Sat 27 Mar at 07:00');
  });
});
