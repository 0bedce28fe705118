// Starring, listing, removing, clearing, the reminder lead and "forget me", from the words a user types.
import { afterEach, describe, expect, it } from 'vitest';
import { createAgendaService } from '../../adapters/agenda/agenda-service.ts';
import { ANA, agendaEngine, BEN, DAY_ONE_0800, freshDatabase, manualClock } from './agenda-fixture.ts';

const opened: Array<{ close(): void }> = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

function setup() {
  const clock = manualClock(DAY_ONE_0800);
  const engine = agendaEngine(clock.now);
  const { db, store } = freshDatabase();
  opened.push(db);
  let rearmed = 0;
  const service = createAgendaService({
    store,
    engine: () => engine,
    clock: clock.now,
    onRemindersChanged: () => {
      rearmed += 1;
    },
  });
  const say = async (user: typeof ANA, question: string) =>
    (await service.reply(engine.ask(question), user)).text;
  return { clock, engine, store, service, say, rearmed: () => rearmed };
}

describe('my agenda in words', () => {
  it('stars a session named in words, says when the reminder comes, and starring twice is harmless', async () => {
    const { say, store, rearmed } = setup();
    const first = await say(ANA, 'remind me about the closing keynote');
    expect(first).toContain('Added “Closing keynote: Saudade for monoliths” to your agenda');
    // 17:00 WEST on the 28th, 10 minutes before: 16:50 in the conference's zone.
    expect(first).toMatch(/remind you by DM at Sun 28 Mar, 16:50 WEST, 10 minutes before/);
    expect(await say(ANA, 'add the closing keynote to my agenda')).toContain('is already on your agenda');
    expect(store.stars(ANA).map((star) => star.sessionId)).toEqual(['closing']);
    expect(rearmed()).toBeGreaterThan(0);
  });

  it("stars a person's talk, and asks which one when the words fit several", async () => {
    const { say, service, engine } = setup();
    expect(await say(ANA, "add Tomás Pereira's talk to my agenda")).toContain('Added “Packing sardines');
    const answer = engine.ask("add Rita Mar's talk to my agenda");
    expect(answer.agenda).toEqual({ kind: 'add', sessionIds: ['opening', 'tram-demo'] });
    expect((await service.reply(answer, ANA)).text).toContain('Which one should I add?');
  });

  it('lists in time order with clashes marked, and one day at a time across the DST night', async () => {
    const { say, service } = setup();
    for (const id of ['closing', 'sardines', 'clash', 'night', 'opening']) await service.star(ANA, id);
    const whole = await say(ANA, 'show my agenda');
    const order = ['Opening keynote', 'Packing sardines', 'Canning fish', 'Night owls', 'Closing keynote'];
    const positions = order.map((title) => whole.indexOf(title));
    expect(positions.every((at) => at >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(whole).toContain('2 sessions clash');
    expect(whole).toMatch(/Packing sardines[^\n]*clashes with “Canning fish/);
    expect(whole).not.toMatch(/Opening keynote[^\n]*clashes/);
    // The night session starts at 00:30 on Sunday in Lisbon: it is Sunday's, not Saturday's.
    const saturday = await say(ANA, "what's on my agenda on Saturday?");
    expect(saturday).not.toContain('Night owls');
    expect(saturday).toContain('Canning fish');
    const sunday = await say(ANA, "what's on my agenda on Sunday?");
    expect(sunday).toContain('Night owls');
    expect(sunday).toMatch(/Sun 28 Mar, 00:30–02:30 WET[^\n]*Night owls/);
  });

  it("keeps each user's agenda their own; removes, clears, and forgets on request", async () => {
    const { say, store } = setup();
    await say(ANA, 'add the closing keynote to my agenda');
    await say(ANA, 'add the opening keynote to my agenda');
    await say(BEN, 'add the opening keynote to my agenda');
    expect(await say(BEN, 'show my agenda')).not.toContain('Closing keynote');
    expect(await say(ANA, 'remove the closing keynote from my agenda')).toContain('Removed “Closing keynote');
    expect(await say(ANA, 'remove the closing keynote from my agenda')).toContain('is not on your agenda');
    expect(await say(ANA, 'clear my agenda')).toContain('removed 1 session');
    expect(await say(ANA, 'show my agenda')).toContain('Your agenda is empty');
    await say(ANA, 'add the tram demo to my agenda');
    await say(ANA, 'remind me 15 minutes before');
    expect(await say(ANA, 'forget me')).toMatch(/deleted everything I kept about you \(2 records\)/);
    expect(store.stars(ANA)).toEqual([]);
    expect(store.leadMinutes(ANA)).toBe(10);
    expect(store.stars(BEN).map((star) => star.sessionId)).toEqual(['opening']);
  });

  it('moves reminders still owed when the lead changes, and asks for a number it could not read', async () => {
    const { say, store } = setup();
    await say(ANA, 'add the tiles talk to my agenda');
    expect(await say(ANA, 'remind me 15 minutes before')).toContain('15 minutes before each session');
    expect(store.stars(ANA)[0]?.remindAtMs).toBe(Date.parse('2027-03-27T13:45:00Z'));
    expect(await say(ANA, 'remind me 9999 minutes before')).toContain('How long before?');
  });

  it('shows a starred session the schedule no longer has as gone', async () => {
    const { service, store, clock } = setup();
    store.star(ANA, { id: 'withdrawn-talk', startMs: DAY_ONE_0800 + 3_600_000 }, clock.now());
    store.star(ANA, { id: 'opening', startMs: Date.parse('2027-03-27T09:00:00Z') }, clock.now());
    const text = (await service.list(ANA)).text;
    expect(text).toContain('Opening keynote');
    expect(text).toContain('1 starred session is no longer in the schedule');
  });
});
