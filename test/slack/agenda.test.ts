// My agenda through the real Bolt (HTTP mode) against the fake Slack: star from a button and from words, list,
// remove, clear, the .ics upload parsed back with ical.js, a reminder DM on time, a change notice, forget me, and
// exactly one reminder across a crash between the intent and the result rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgendaService } from '../../adapters/agenda/agenda-service.ts';
import { ReminderScheduler } from '../../adapters/agenda/reminder-scheduler.ts';
import { SqliteAgendaStore } from '../../adapters/agenda/sqlite-agenda-store.ts';
import { DigestStore } from '../../adapters/digest/digest-store.ts';
import { openDatabase } from '../../adapters/store/open-database.ts';
import { compareProgrammes } from '../../src/index.ts';
import { agendaDataset, agendaEngine, freshDatabase, manualClock } from '../agenda/agenda-fixture.ts';
import { icsEvents } from '../agenda/ics-events.ts';
import { captureLogger } from './capture-logger.ts';
import { eventually, type Recorded } from './fake-slack.ts';
import { type HttpSlack, startHttpSlack } from './http-harness.ts';
import { testServices } from './services.ts';
import { directMessageEvent, form, mentionEvent, nextTs, postSigned, shareClick } from './slack-requests.ts';

const clock = manualClock(Date.parse('2027-03-27T08:00:00Z'));
let engine = agendaEngine(clock.now);
const database = freshDatabase();
const store = database.store;
const log = captureLogger();
let rearms = 0;
const agenda = createAgendaService({
  store,
  engine: () => engine,
  clock: clock.now,
  onRemindersChanged: () => {
    rearms += 1;
  },
});
let harness: HttpSlack;
let clicks = 0;

beforeAll(async () => {
  const built = testServices({ store: new DigestStore(database.db), logger: log.logger, clock: clock.now });
  harness = await startHttpSlack({
    engine: () => engine,
    services: { ...built.services, agenda: () => agenda },
  });
});

afterAll(async () => {
  await harness?.stop();
  database.db.close();
});

/** The buttons of a message's blocks: action id and value. */
function buttons(body: Recorded['body']): Array<{ action_id: string; value: string; text: string }> {
  const blocks = (body.blocks ?? []) as Array<{ type: string; elements?: Array<Record<string, unknown>> }>;
  return blocks
    .filter((block) => block.type === 'actions')
    .flatMap((block) => block.elements ?? [])
    .map((element) => ({
      action_id: String(element.action_id),
      value: String(element.value ?? ''),
      text: String((element.text as { text?: unknown } | undefined)?.text ?? ''),
    }));
}

/** Clicks a button as U0ALICE; returns the private replies it got. */
async function click(button: { action_id: string; value: string }): Promise<Recorded[]> {
  clicks += 1;
  const id = `agenda-${clicks}`;
  const payload = shareClick(button.value, harness.fake.responseUrl(id));
  const action = { ...(payload.actions as Array<Record<string, unknown>>)[0], action_id: button.action_id };
  const body = form({ payload: JSON.stringify({ ...payload, actions: [action] }) });
  await harness.handled(() => postSigned(harness.endpoint, body, 'application/x-www-form-urlencoded'));
  return harness.fake.callsTo(`respond:${id}`);
}

async function slash(text: string): Promise<Recorded['body']> {
  clicks += 1;
  const id = `cmd-${clicks}`;
  await harness.handled(() => harness.sendCommand(text, id));
  const [reply] = harness.fake.callsTo(`respond:${id}`);
  if (reply === undefined) throw new Error('no reply to the command');
  return reply.body;
}

async function dm(text: string): Promise<Recorded['body']> {
  const event = directMessageEvent(text, { ts: nextTs() });
  const before = harness.fake.callsTo('chat.postMessage').length;
  await harness.handled(() => harness.sendEvent(event));
  const reply = harness.fake.callsTo('chat.postMessage')[before];
  if (reply === undefined) throw new Error('no DM reply');
  return reply.body;
}

const ALICE = { platform: 'slack' as const, userId: 'U0ALICE' };

describe('my agenda on Slack (real Bolt, HTTP mode)', () => {
  it('puts a star button under each session of an answer, and the click stars it privately', async () => {
    const event = mentionEvent('when is the tiles talk?');
    await harness.handled(() => harness.sendEvent(event));
    const [answer] = harness.postsIn(event.ts);
    const star = buttons(answer?.body ?? {}).find((button) => button.value === 'tiles');
    expect(star?.text).toContain('⭐ Add to my agenda');
    const [reply] = await click(star ?? { action_id: '', value: '' });
    expect(reply?.body.response_type).toBe('ephemeral');
    expect(String(reply?.body.text)).toContain(
      'Added “Azulejo tiles and immutable infrastructure” to your agenda',
    );
    expect(String(reply?.body.text)).toContain('remind you by DM at Sat 27 Mar, 13:50 WET');
    expect(store.stars(ALICE).map((s) => s.sessionId)).toEqual(['tiles']);
    expect(rearms).toBeGreaterThan(0);
  });

  it('puts star buttons in the daily digest too, above its sources line', async () => {
    for (const send of harness.slack.digestPoster.messages(
      'C0DIGEST',
      engine.digest({ date: '2027-03-27' }),
      {
        key: 'digest/C0DIGEST/agenda',
        resumed: false,
      },
    ))
      await send();
    const [post] = harness.fake
      .callsTo('chat.postMessage')
      .filter((call) => call.body.channel === 'C0DIGEST');
    const stars = buttons(post?.body ?? {}).filter((button) =>
      button.action_id.startsWith('hallway_agenda_star'),
    );
    expect(stars.map((button) => button.value)).toContain('opening');
    const blocks = (post?.body.blocks ?? []) as Array<{ type: string }>;
    expect(blocks.at(-1)?.type).toBe('context');
  });

  it('stars from words in a DM, and answers an agenda question in a channel only to its owner', async () => {
    const reply = await dm('add the closing keynote to my agenda');
    expect(String(reply.text)).toContain('Added “Closing keynote: Saudade for monoliths”');
    const ephemeralBefore = harness.fake.callsTo('chat.postEphemeral').length;
    const event = mentionEvent("what's on my agenda?");
    await harness.handled(() => harness.sendEvent(event));
    expect(harness.postsIn(event.ts)).toEqual([]);
    const privately = harness.fake.callsTo('chat.postEphemeral')[ephemeralBefore];
    expect(privately?.body.user).toBe('U0ALICE');
    expect(String(privately?.body.text)).toContain('Azulejo tiles');
  });

  it('/hallway agenda lists in time order, privately, with no share button; Remove works', async () => {
    const listed = await slash('agenda');
    const text = String(listed.text);
    expect(listed.response_type).toBe('ephemeral');
    expect(text.indexOf('Azulejo tiles')).toBeLessThan(text.indexOf('Closing keynote'));
    const all = buttons(listed);
    expect(all.some((button) => button.action_id === 'hallway_share')).toBe(false);
    const remove = all.find((button) => button.text.startsWith('Remove') && button.value === 'closing');
    const [removed] = await click(remove ?? { action_id: '', value: '' });
    expect(String(removed?.body.text)).toContain('Removed “Closing keynote');
    expect(store.stars(ALICE).map((s) => s.sessionId)).toEqual(['tiles']);
  });

  it("shows the viewer's own agenda on the App Home tab", async () => {
    await harness.handled(() =>
      harness.sendEvent({ type: 'app_home_opened', user: 'U0ALICE', channel: 'D0ALICE', tab: 'home' }),
    );
    const [published] = harness.fake.callsTo('views.publish').slice(-1);
    expect(published?.body.user_id).toBe('U0ALICE');
    const view = JSON.stringify(published?.body.view);
    expect(view).toContain('Your agenda: 1 session in time order');
    expect(view).toContain('Azulejo tiles');
  });

  it('uploads the agenda as an .ics to the DM; parsed back it has the same UTC start and UID', async () => {
    const listed = await slash('agenda');
    const calendar = buttons(listed).find((button) => button.action_id.startsWith('hallway_agenda_ics'));
    const [reply] = await click(calendar ?? { action_id: '', value: '' });
    expect(String(reply?.body.text)).toContain('sent you the calendar file');
    const [asked] = harness.fake.callsTo('files.getUploadURLExternal');
    expect(asked?.body.filename).toBe('my-agenda.ics');
    const [completed] = harness.fake.callsTo('files.completeUploadExternal');
    expect(completed?.body.channel_id).toBe('D0ALICE');
    const raw = [...harness.fake.uploads.values()][0] ?? '';
    expect(icsEvents(raw)).toEqual([
      { uid: 'tiles@mini-conf.hallway', startUtc: '2027-03-27T14:00:00.000Z' },
    ]);
  });

  it('sends the reminder by DM at its time, with the room, and once only across a crash', async () => {
    const messenger = harness.slack.agendaMessenger;
    const make = (over = store) =>
      new ReminderScheduler({
        store: over,
        engine: () => engine,
        messengers: () => [messenger],
        clock: clock.now,
        logger: log.logger,
        timers: { set: () => undefined, clear: () => undefined },
        // As the runtime does on SQLite: a crashed run's claim is taken over at start.
        releaseAbandoned: () => over.releaseAbandoned(clock.now()),
      });
    clock.set(Date.parse('2027-03-27T13:49:00Z'));
    expect(await make().runDue()).toEqual([]);
    clock.set(Date.parse('2027-03-27T13:50:00Z'));
    const [sent] = await make().runDue();
    expect(sent?.kind).toBe('sent');
    const dms = harness.fake.messagesIn('D0ALICE').filter((message) => message.text.includes('⏰'));
    expect(dms).toHaveLength(1);
    expect(dms[0]?.text).toContain('starts at 14:00, in 10 minutes. Head to Room Verde');

    // Crash: a run claims the night session's reminder and posts it, then dies before the result row.
    const other = freshDatabase();
    other.store.star(ALICE, { id: 'night', startMs: Date.parse('2027-03-28T00:30:00Z') }, clock.now());
    other.store.star(
      ALICE,
      { id: 'opening', startMs: Date.parse('2027-03-27T09:00:00Z') },
      Date.parse('2027-03-27T08:00:00Z'),
    );
    clock.set(Date.parse('2027-03-28T00:21:00Z'));
    const key = {
      ...ALICE,
      sessionId: 'night',
      kind: 'reminder' as const,
      keyAt: Date.parse('2027-03-28T00:30:00Z'),
    };
    other.store.claimDelivery(key, clock.now(), 60_000);
    await messenger.send(
      ALICE,
      engine.agenda({ kind: 'reminder', sessionId: 'night', leadMinutes: 9 }),
      `reminder/slack/U0ALICE/night/${key.keyAt}`,
    );
    other.db.close();
    // Restart on the same file: the reminder is still due, its intent row unfinished; Slack's history has it.
    const reopened = openDatabase(other.path);
    await make(new SqliteAgendaStore(reopened)).start();
    await make(new SqliteAgendaStore(reopened)).start();
    const nightDms = harness.fake
      .messagesIn('D0ALICE')
      .filter((message) => message.text.includes('Night owls'));
    expect(nightDms).toHaveLength(1);
    reopened.close();
  });

  it('tells only those who starred a moved session, after a refresh', async () => {
    store.star(
      { platform: 'slack', userId: 'U0BOB' },
      { id: 'opening', startMs: Date.parse('2027-03-27T09:00:00Z') },
      Date.parse('2027-03-27T08:00:00Z'),
    );
    const before = agendaDataset();
    const after = {
      ...before,
      sessions: before.sessions.map((session) =>
        session.id === 'tiles' ? { ...session, room: 'Main Stage' } : session,
      ),
    };
    engine = agendaEngine(clock.now, after);
    const scheduler = new ReminderScheduler({
      store,
      engine: () => engine,
      messengers: () => [harness.slack.agendaMessenger],
      clock: clock.now,
      logger: log.logger,
      timers: { set: () => undefined, clear: () => undefined },
    });
    await scheduler.notifyChanges(compareProgrammes(before, after, clock.now()));
    const notices = (channel: string) =>
      harness.fake.messagesIn(channel).filter((m) => m.text.includes('📣'));
    await eventually(() => (notices('D0ALICE').length > 0 ? true : undefined), 'the change notice');
    expect(notices('D0ALICE')[0]?.text).toContain('now in Main Stage (was Room Verde)');
    expect(notices('D0BOB')).toEqual([]);
  });

  it('clears, and forgets me on request', async () => {
    expect(String((await dm('clear my agenda')).text)).toContain('Cleared your agenda');
    await dm('add the opening keynote to my agenda');
    const forgotten = await dm('forget me');
    expect(String(forgotten.text)).toContain('deleted everything I kept about you');
    expect(store.stars(ALICE)).toEqual([]);
    expect(store.stars({ platform: 'slack', userId: 'U0BOB' })).toHaveLength(1);
  });
});
