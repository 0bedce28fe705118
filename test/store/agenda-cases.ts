// The store contract's agenda cases: stars, leads and the DM delivery log shared by two handles on one database
// (two replicas), and two replicas' reminder schedulers meeting on one due reminder. Injected clocks throughout.
import { expect, it } from 'vitest';
import type { AgendaMessenger } from '../../adapters/agenda/agenda-messenger.ts';
import type { AgendaUser, DeliveryKey } from '../../adapters/agenda/agenda-store.ts';
import { ReminderScheduler } from '../../adapters/agenda/reminder-scheduler.ts';
import type { HallwayStore } from '../../adapters/store/store.ts';
import { compareProgrammes } from '../../src/index.ts';
import { agendaDataset, agendaEngine, DAY_ONE_0800, manualClock } from '../agenda/agenda-fixture.ts';
import { captureLogger } from '../helpers/capture-logger.ts';

const T0 = Date.parse('2026-03-26T07:00:00Z');
const MINUTE = 60_000;
const LEASE_MS = 60_000;
const TILES_START = Date.parse('2027-03-27T14:00:00Z');
const SARDINES_START = Date.parse('2027-03-27T11:00:00Z');

const reminderKey = (userId: string, sessionId: string, keyAt: number): DeliveryKey => ({
  platform: 'slack',
  userId,
  sessionId,
  kind: 'reminder',
  keyAt,
});

/** A replica's Slack: records each DM; a gate, while shut, holds every send (a slow DM). */
function recordingSlack() {
  const sent: Array<{ userId: string; key: string; resumedFrom?: number }> = [];
  let open: () => void = () => undefined;
  let gate: Promise<void> | undefined;
  const messenger: AgendaMessenger = {
    platform: 'slack',
    async send(to, _answer, key, resumedFrom) {
      await gate;
      sent.push({ userId: to.userId, key, ...(resumedFrom === undefined ? {} : { resumedFrom }) });
    },
  };
  return {
    messenger,
    sent,
    shut() {
      gate = new Promise((resolve) => {
        open = resolve;
      });
    },
    open: () => open(),
  };
}

/** A replica's reminder scheduler over `store`, on the test's clock, its timer left to the test. */
function replicaScheduler(
  store: HallwayStore,
  clock: () => number,
  messenger: AgendaMessenger,
): ReminderScheduler {
  const engine = agendaEngine(clock);
  return new ReminderScheduler({
    store: store.agenda,
    engine: () => engine,
    messengers: () => [messenger],
    clock,
    logger: captureLogger().logger,
    timers: { set: () => undefined, clear: () => undefined },
    leaseMs: LEASE_MS,
  });
}

export function agendaCases(stores: () => { readonly a: HallwayStore; readonly b: HallwayStore }): void {
  it('keeps stars, leads and the workspace a user last starred from, across handles; forgets a user', async () => {
    const { a, b } = stores();
    const ana: AgendaUser = { platform: 'slack', userId: 'U_A', workspaceId: 'T1' };
    expect(await a.agenda.star(ana, { id: 's1', startMs: T0 + 180 * MINUTE }, T0)).toEqual({
      already: false,
      leadMinutes: 10,
      remindAtMs: T0 + 170 * MINUTE,
    });
    expect(await b.agenda.star(ana, { id: 's1', startMs: T0 + 180 * MINUTE }, T0)).toMatchObject({
      already: true,
    });
    await b.agenda.star({ ...ana, workspaceId: 'T2' }, { id: 's2', startMs: T0 + 60 * MINUTE }, T0);
    await a.agenda.star(ana, { id: 's3' }, T0);
    const starred = (await b.agenda.stars(ana)).sort((x, y) => x.sessionId.localeCompare(y.sessionId));
    expect(starred.map((star) => [star.sessionId, star.workspaceId, star.remindAtMs])).toEqual([
      ['s1', 'T1', T0 + 170 * MINUTE],
      ['s2', 'T1', T0 + 50 * MINUTE],
      ['s3', 'T1', undefined],
    ]);

    await b.agenda.setLeadMinutes(ana, 30, T0);
    expect(await a.agenda.leadMinutes(ana)).toBe(30);
    expect(await a.agenda.nextReminderAt()).toBe(T0 + 30 * MINUTE);
    expect((await b.agenda.dueReminders(T0 + 30 * MINUTE, 10)).map((due) => due.sessionId)).toEqual(['s2']);
    expect(await a.agenda.starredBy('s1')).toEqual([{ platform: 'slack', userId: 'U_A', workspaceId: 'T1' }]);

    // The session moves: its reminder follows, at the user's lead; cancelled, it has none.
    await a.agenda.reschedule('s1', T0 + 300 * MINUTE, T0);
    expect((await b.agenda.stars(ana)).find((star) => star.sessionId === 's1')).toMatchObject({
      sessionStartMs: T0 + 300 * MINUTE,
      remindAtMs: T0 + 270 * MINUTE,
    });
    await b.agenda.reschedule('s1', undefined, T0);
    await a.agenda.markReminded(ana, 's2');
    expect(await b.agenda.nextReminderAt()).toBeUndefined();

    expect(await b.agenda.unstar(ana, ['s3', 'nope', 's3'])).toEqual(['s3']);
    await a.agenda.claimDelivery(reminderKey('U_A', 's2', T0 + 60 * MINUTE), T0, LEASE_MS);
    // Two stars, the lead, one delivery.
    expect(await b.agenda.forget(ana)).toBe(4);
    expect(await a.agenda.stars(ana)).toEqual([]);
    expect(await a.agenda.leadMinutes(ana)).toBe(10);
    expect(await a.agenda.clear(ana)).toBe(0);
  });

  it('gives a delivery to exactly one of many racing claims; the others are held, then find it finished', async () => {
    const { a, b } = stores();
    const key = reminderKey('U_RACE', 'race', T0);
    const claims = await Promise.all(
      Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? a : b).agenda.claimDelivery(key, T0, LEASE_MS)),
    );
    expect(claims.filter((claim) => claim.kind === 'new')).toEqual([{ kind: 'new', attempt: 1 }]);
    expect(claims.filter((claim) => claim.kind === 'held')).toHaveLength(11);
    await a.agenda.finishDelivery(key, 1, 'sent', T0 + 1);
    expect(await b.agenda.claimDelivery(key, T0 + 2, LEASE_MS)).toEqual({ kind: 'finished', state: 'sent' });
  });

  it('takes over a claim whose lease ran out, never a live one, and ignores the old owner afterwards', async () => {
    const { a, b } = stores();
    const key = reminderKey('U_LEASE', 'lease', T0);
    expect(await a.agenda.claimDelivery(key, T0, LEASE_MS)).toEqual({ kind: 'new', attempt: 1 });
    expect(await b.agenda.claimDelivery(key, T0 + LEASE_MS - 1, LEASE_MS)).toEqual({ kind: 'held' });
    expect(await b.agenda.claimDelivery(key, T0 + LEASE_MS, LEASE_MS)).toEqual({
      kind: 'interrupted',
      attempt: 2,
      intentAt: T0,
    });
    // The slow first owner wakes up: its result is not the row's any more.
    await a.agenda.finishDelivery(key, 1, 'failed', T0 + LEASE_MS + 1, 'late');
    expect(await a.agenda.interruptedDeliveries()).toContainEqual(key);
    await b.agenda.finishDelivery(key, 2, 'sent', T0 + LEASE_MS + 2);
    expect(await a.agenda.claimDelivery(key, T0 + 10 * LEASE_MS, LEASE_MS)).toEqual({
      kind: 'finished',
      state: 'sent',
    });
    expect(await b.agenda.interruptedDeliveries()).not.toContainEqual(key);
  });

  it("sends a due reminder once when two replicas' schedulers race for it", async () => {
    const { a, b } = stores();
    const clock = manualClock(TILES_START - 9 * MINUTE);
    const slack = recordingSlack();
    const replica = (store: HallwayStore) => replicaScheduler(store, clock.now, slack.messenger);
    const user = { platform: 'slack' as const, userId: 'U0RACE', workspaceId: 'T1' };
    await a.agenda.star(user, { id: 'tiles', startMs: TILES_START }, DAY_ONE_0800);
    const [first, second] = [replica(a), replica(b)];
    // The DM is slow: the replica that claimed it is still sending when the other looks.
    slack.shut();
    const passes = [first.runDue(), second.runDue()];
    const done = await Promise.race(passes);
    expect(done.map((outcome) => outcome.kind)).toEqual(['held']);
    slack.open();
    const outcomes = (await Promise.all(passes)).flat().map((outcome) => outcome.kind);
    expect(outcomes.sort()).toEqual(['held', 'sent']);
    expect(slack.sent.map((dm) => dm.userId)).toEqual(['U0RACE']);
    // Sent and marked: neither replica finds it due again.
    expect([...(await first.runDue()), ...(await second.runDue())]).toEqual([]);
  });

  it('tells of a moved session once, though each replica reports the change at its own refresh', async () => {
    const { a, b } = stores();
    const clock = manualClock(DAY_ONE_0800);
    const slack = recordingSlack();
    await a.agenda.star(
      { platform: 'slack', userId: 'U0MOVED' },
      { id: 'closing', startMs: T0 },
      DAY_ONE_0800,
    );
    const before = agendaDataset();
    const after = {
      ...before,
      sessions: before.sessions.map((session) =>
        session.id === 'closing' ? { ...session, room: 'Room Azul' } : session,
      ),
    };
    await replicaScheduler(a, clock.now, slack.messenger).notifyChanges(
      compareProgrammes(before, after, DAY_ONE_0800),
    );
    await replicaScheduler(b, clock.now, slack.messenger).notifyChanges(
      compareProgrammes(before, after, DAY_ONE_0800 + 7_000),
    );
    expect(slack.sent.map((dm) => dm.userId)).toEqual(['U0MOVED']);
  });

  it('takes over the reminder of a replica that died after claiming it, once its lease runs out', async () => {
    const { a, b } = stores();
    const claimedAt = SARDINES_START - 9 * MINUTE;
    const clock = manualClock(claimedAt);
    const slack = recordingSlack();
    const user = { platform: 'slack' as const, userId: 'U0DIED' };
    await a.agenda.star(user, { id: 'sardines', startMs: SARDINES_START }, DAY_ONE_0800);
    // Replica A claims the reminder, then dies before sending it (or before recording that it did).
    await a.agenda.claimDelivery(reminderKey('U0DIED', 'sardines', SARDINES_START), claimedAt, LEASE_MS);
    const survivor = replicaScheduler(b, clock.now, slack.messenger);
    clock.set(claimedAt + LEASE_MS - 1);
    expect((await survivor.runDue()).map((outcome) => outcome.kind)).toEqual(['held']);
    expect(slack.sent).toEqual([]);
    clock.set(claimedAt + LEASE_MS);
    expect((await survivor.runDue()).map((outcome) => outcome.kind)).toEqual(['sent']);
    // It looks for the DM the dead replica may have sent, from when that one claimed it.
    expect(slack.sent).toEqual([
      { userId: 'U0DIED', key: `reminder/slack/U0DIED/sardines/${SARDINES_START}`, resumedFrom: claimedAt },
    ]);
  });
}
