// Reminders by DM under an injected clock and timer: on time, exactly once across a crash, caught up after a
// restart while the session is still ahead, never blocked by a user whose DMs fail; and change notices.
import { afterEach, describe, expect, it } from 'vitest';
import type { AgendaMessenger } from '../../adapters/agenda/agenda-messenger.ts';
import type { AgendaPlatform, AgendaUser } from '../../adapters/agenda/agenda-store.ts';
import { ReminderScheduler, type Timers } from '../../adapters/agenda/reminder-scheduler.ts';
import { SqliteAgendaStore } from '../../adapters/agenda/sqlite-agenda-store.ts';
import { openDatabase } from '../../adapters/store/open-database.ts';
import { type Answer, compareProgrammes } from '../../src/index.ts';
import { captureLogger } from '../helpers/capture-logger.ts';
import {
  ANA,
  agendaDataset,
  agendaEngine,
  BEN,
  DAY_ONE_0800,
  freshDatabase,
  manualClock,
} from './agenda-fixture.ts';

const CLOSING_START = Date.parse('2027-03-28T16:00:00Z');

/** A platform's DMs, kept like a chat's history: a resumed send finds its key there instead of sending twice. */
function inbox(platform: AgendaPlatform, failFor: ReadonlySet<string> = new Set()) {
  const sent: Array<{ userId: string; text: string; key: string }> = [];
  const resumed: string[] = [];
  const messenger: AgendaMessenger = {
    platform,
    async send({ userId }: AgendaUser, answer: Answer, key: string, resumedFrom?: number) {
      if (resumedFrom !== undefined) {
        resumed.push(key);
        if (sent.some((message) => message.key === key)) return;
      }
      if (failFor.has(userId)) throw new Error('cannot_dm_user: the user blocked DMs');
      sent.push({ userId, text: answer.text, key });
    },
  };
  return { messenger, sent, resumed };
}

/** One pending timer at a time, fired by hand. */
function manualTimers() {
  let pending: { run: () => void; delayMs: number } | undefined;
  const timers: Timers = {
    set: (run, delayMs) => {
      pending = { run, delayMs };
      return pending;
    },
    clear: (handle) => {
      if (pending === handle) pending = undefined;
    },
  };
  return { timers, pending: () => pending };
}

const closers: Array<() => void> = [];
afterEach(() => {
  for (const close of closers.splice(0)) close();
});

function setup(start = DAY_ONE_0800) {
  const clock = manualClock(start);
  let engine = agendaEngine(clock.now);
  const database = freshDatabase();
  closers.push(() => database.db.close());
  const slack = inbox('slack', new Set(['U_BLOCKED']));
  const discord = inbox('discord');
  const timers = manualTimers();
  const captured = captureLogger();
  const make = (store = database.store) =>
    new ReminderScheduler({
      store,
      engine: () => engine,
      messengers: () => [slack.messenger, discord.messenger],
      clock: clock.now,
      logger: captured.logger,
      timers: timers.timers,
      // As the runtime does on SQLite: the claims a stopped run left are taken over at start.
      releaseAbandoned: () => store.releaseAbandoned(clock.now()),
    });
  return {
    clock,
    ...database,
    slack,
    discord,
    timers,
    captured,
    make,
    setEngine: (next: typeof engine) => {
      engine = next;
    },
  };
}

describe('agenda reminders', () => {
  it('arms one timer for the next reminder and DMs it then, with the room', async () => {
    const { store, clock, make, timers, slack } = setup();
    store.star(ANA, { id: 'closing', startMs: CLOSING_START }, clock.now());
    store.star(ANA, { id: 'tiles', startMs: Date.parse('2027-03-27T14:00:00Z') }, clock.now());
    const scheduler = make();
    await scheduler.start();
    expect(slack.sent).toEqual([]);
    // The earliest due is the tiles talk's, 13:50.
    expect(timers.pending()?.delayMs).toBe(Date.parse('2027-03-27T13:50:00Z') - clock.now());
    clock.set(Date.parse('2027-03-27T13:50:00Z'));
    timers.pending()?.run();
    await scheduler.stop();
    expect(slack.sent).toHaveLength(1);
    expect(slack.sent[0]?.userId).toBe('U_ANA');
    expect(slack.sent[0]?.text).toContain(
      '“Azulejo tiles and immutable infrastructure” starts at 14:00, in 10 minutes',
    );
    expect(slack.sent[0]?.text).toContain('Head to Room Verde');
  });

  it('sends a reminder once even when a crash left its intent row without a result', async () => {
    const first = setup(Date.parse('2027-03-28T15:50:00Z'));
    first.store.star(ANA, { id: 'closing', startMs: CLOSING_START }, DAY_ONE_0800);
    const key = { ...ANA, sessionId: 'closing', kind: 'reminder' as const, keyAt: CLOSING_START };
    // The crashed run claimed the reminder and sent it, then died before the result row.
    expect(first.store.claimDelivery(key, first.clock.now(), 60_000).kind).toBe('new');
    first.slack.sent.push({
      userId: 'U_ANA',
      text: 'sent before the crash',
      key: `reminder/slack/U_ANA/closing/${CLOSING_START}`,
    });
    first.db.close();
    // Restart on the same file.
    const db = openDatabase(first.path);
    closers.push(() => db.close());
    const scheduler = first.make(new SqliteAgendaStore(db));
    await scheduler.start();
    await scheduler.start();
    expect(first.slack.resumed).toHaveLength(1);
    expect(first.slack.sent).toHaveLength(1);
  });

  it('resends after a restart when the crashed run claimed but never sent', async () => {
    const { store, clock, make, slack } = setup(Date.parse('2027-03-28T15:52:00Z'));
    store.star(ANA, { id: 'closing', startMs: CLOSING_START }, DAY_ONE_0800);
    store.claimDelivery(
      { ...ANA, sessionId: 'closing', kind: 'reminder', keyAt: CLOSING_START },
      clock.now(),
      60_000,
    );
    await make().start();
    expect(slack.sent.map((message) => message.userId)).toEqual(['U_ANA']);
    expect(slack.sent[0]?.text).toContain('in 8 minutes');
  });

  it('catches up a reminder missed while down if the session has not started, else drops and logs it', async () => {
    const { store, clock, make, slack, captured } = setup(DAY_ONE_0800);
    store.star(ANA, { id: 'tiles', startMs: Date.parse('2027-03-27T14:00:00Z') }, clock.now());
    store.star(ANA, { id: 'sardines', startMs: Date.parse('2027-03-27T11:00:00Z') }, clock.now());
    // Down from 08:00 to 13:55: the sardines talk started at 11:00; the tiles talk starts in 5 minutes.
    clock.set(Date.parse('2027-03-27T13:55:00Z'));
    await make().start();
    expect(slack.sent.map((message) => message.text.split('\n')[0])).toEqual([
      '⏰ “Azulejo tiles and immutable infrastructure” starts at 14:00, in 5 minutes. Head to Room Verde (Operations track).',
    ]);
    const dropped = captured.lines().filter((line) => line.msg === 'agenda DM dropped');
    expect(dropped.map((line) => line.sessionId)).toEqual(['sardines']);
    expect(store.nextReminderAt()).toBeUndefined();
  });

  it('records a DM that fails and still reminds everyone else', async () => {
    const { store, make, slack, discord } = setup(Date.parse('2027-03-27T13:50:00Z'));
    const tiles = { id: 'tiles', startMs: Date.parse('2027-03-27T14:00:00Z') };
    store.star({ platform: 'slack', userId: 'U_BLOCKED' }, tiles, DAY_ONE_0800);
    store.star(ANA, tiles, DAY_ONE_0800);
    store.star(BEN, tiles, DAY_ONE_0800);
    const outcomes = await make().start();
    expect(outcomes.map((outcome) => `${outcome.key.userId}:${outcome.kind}`).sort()).toEqual([
      '1000000000000000001:sent',
      'U_ANA:sent',
      'U_BLOCKED:failed',
    ]);
    expect(slack.sent.map((message) => message.userId)).toEqual(['U_ANA']);
    expect(discord.sent.map((message) => message.userId)).toEqual([BEN.userId]);
    // Not retried forever: the failure is final for this reminder.
    expect(await make().start()).toEqual([]);
  });

  it('tells those who starred a moved or cancelled session, once, and moves the reminder with it', async () => {
    const { store, clock, make, slack, discord, setEngine } = setup();
    store.star(ANA, { id: 'closing', startMs: CLOSING_START }, clock.now());
    store.star(ANA, { id: 'tiles', startMs: Date.parse('2027-03-27T14:00:00Z') }, clock.now());
    store.star(BEN, { id: 'opening', startMs: Date.parse('2027-03-27T09:00:00Z') }, clock.now());
    const before = agendaDataset();
    const after = {
      ...before,
      sessions: before.sessions
        .filter((session) => session.id !== 'tiles')
        .map((session) =>
          session.id === 'closing'
            ? {
                ...session,
                start: '2027-03-28T17:30:00+01:00',
                end: '2027-03-28T18:00:00+01:00',
                room: 'Room Azul',
              }
            : session,
        ),
    };
    setEngine(agendaEngine(clock.now, after));
    const report = compareProgrammes(before, after, clock.now());
    const scheduler = make();
    await scheduler.notifyChanges(report);
    await scheduler.notifyChanges(report);
    expect(discord.sent).toEqual([]);
    const texts = slack.sent.map((message) => message.text.split('\n')[0]);
    expect(texts).toHaveLength(2);
    expect(texts).toContain(
      '📣 “Closing keynote: Saudade for monoliths”, on your agenda, moved: now Sun 28 Mar, 17:30–18:00 WEST (was Sun 28 Mar, 17:00–17:30 WEST), and now in Room Azul (was Main Stage). Your reminder moves with it.',
    );
    expect(
      texts.some(
        (text) =>
          text?.includes('“Azulejo tiles and immutable infrastructure”') && text.includes('was cancelled'),
      ),
    ).toBe(true);
    const closing = store.stars(ANA).find((star) => star.sessionId === 'closing');
    expect(closing?.remindAtMs).toBe(Date.parse('2027-03-28T16:20:00Z'));
    expect(store.stars(ANA).find((star) => star.sessionId === 'tiles')?.remindAtMs).toBeUndefined();
  });

  it('does not spin on a reminder it cannot record: the timer tries again a few seconds later', async () => {
    const { store, make, timers, slack } = setup(Date.parse('2027-03-27T13:52:00Z'));
    store.star(ANA, { id: 'tiles', startMs: Date.parse('2027-03-27T14:00:00Z') }, DAY_ONE_0800);
    const locked = Object.assign(Object.create(store) as typeof store, {
      claimDelivery: () => {
        throw new Error('database is locked');
      },
    });
    const scheduler = make(locked);
    expect(await scheduler.start()).toEqual([]);
    expect(slack.sent).toEqual([]);
    expect(timers.pending()?.delayMs).toBe(5_000);
    // The fault clears: the retry sends it.
    const healthy = make();
    await healthy.start();
    expect(slack.sent).toHaveLength(1);
  });
});
