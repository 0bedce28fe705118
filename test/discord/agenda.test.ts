// My agenda through the real discord.js against the fake Discord: star from a button and from words, /agenda (only
// to its owner), remove, the .ics attachment parsed back with ical.js, an agenda question in a channel answered by
// DM, a reminder DM at its time, clear and forget me.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgendaService } from '../../adapters/agenda/agenda-service.ts';
import { ReminderScheduler } from '../../adapters/agenda/reminder-scheduler.ts';
import { agendaEngine, freshDatabase, manualClock } from '../agenda/agenda-fixture.ts';
import { icsEvents } from '../agenda/ics-events.ts';
import type { RecordedRequest } from './fake-discord.ts';
import { ADA, APPLICATION_ID, BOT_USER, CHANNEL_ID, DM_CHANNEL_ID } from './fake-discord-world.ts';
import { type Harness, startHarness } from './harness.ts';
import { interactionCreate, MENTION, messageCreate } from './payloads.ts';
import { testServices } from './services.ts';

const clock = manualClock(Date.parse('2027-03-27T08:00:00Z'));
const engine = agendaEngine(clock.now);
const database = freshDatabase();
const store = database.store;
const agenda = createAgendaService({ store, engine: () => engine, clock: clock.now });
const ADA_AGENDA = { platform: 'discord' as const, userId: ADA.id };
let h: Harness;

beforeAll(async () => {
  h = await startHarness({
    engine: () => engine,
    env: { DISCORD_MENTIONS: 'true' },
    services: (logger) => ({
      ...testServices({
        logger,
        limits: { user: { burst: 1000, perMinute: 1000 }, channel: { burst: 1000, perMinute: 1000 } },
      }).services,
      agenda: () => agenda,
    }),
  });
});

afterAll(async () => {
  await h?.close();
  database.db.close();
});

type Sent = {
  content?: string;
  flags?: number;
  embeds?: Array<{ title?: string; description?: string; fields?: Array<{ name: string; value: string }> }>;
  components?: Array<{ components: Array<{ custom_id: string; label: string }> }>;
};

const callback = (id: string) => (request: RecordedRequest) =>
  request.method === 'POST' && request.path.startsWith(`/api/v10/interactions/${id}/`);
const original = (token: string) => (request: RecordedRequest) =>
  request.method === 'PATCH' &&
  request.path === `/api/v10/webhooks/${APPLICATION_ID}/${token}/messages/@original`;

/** The callback's message data. */
function data(request: RecordedRequest): Sent {
  return ((request.body as { data?: Sent } | undefined)?.data ?? request.body) as Sent;
}

function shown(sent: Sent): string {
  return [
    sent.content ?? '',
    ...(sent.embeds ?? []).flatMap((embed) => [
      embed.title ?? '',
      embed.description ?? '',
      ...(embed.fields ?? []).flatMap((field) => [field.name, field.value]),
    ]),
  ].join('\n');
}

function buttons(sent: Sent) {
  return (sent.components ?? []).flatMap((row) => row.components);
}

/** A click on a button (a message component interaction, type 3) under a message of Hallway's. */
function click(customId: string) {
  const base = interactionCreate('command', 'ask', []);
  return {
    ...base,
    type: 3,
    data: { custom_id: customId, component_type: 2 },
    message: { ...messageCreate(''), id: `m-${base.id}`, author: BOT_USER },
  };
}

async function clickAndWait(customId: string): Promise<RecordedRequest> {
  const interaction = click(customId);
  h.fake.dispatch('INTERACTION_CREATE', interaction);
  return h.fake.waitForRequest(callback(interaction.id));
}

/** Hallway's messages in Ada's DM channel (known from her DM; otherwise the fake's: 9 and her id). */
const dmsToAda = () => [...h.fake.messagesIn(DM_CHANNEL_ID), ...h.fake.messagesIn(`9${ADA.id}`)];

describe('my agenda on Discord (real discord.js)', () => {
  it('shows a star button under each session of an /ask answer; the click stars it, only to the clicker', async () => {
    const ask = interactionCreate('command', 'ask', [{ name: 'question', value: 'when is the tiles talk?' }]);
    h.fake.dispatch('INTERACTION_CREATE', ask);
    const edit = data(await h.fake.waitForRequest(original(ask.token)));
    const star = buttons(edit).find((button) => button.custom_id === 'hallway_agenda:star:tiles');
    expect(star?.label).toContain('⭐ Add to my agenda');
    const reply = data(await clickAndWait(star?.custom_id ?? ''));
    expect(reply.flags).toBe(64);
    expect(shown(reply)).toContain('Added “Azulejo tiles and immutable infrastructure” to your agenda');
    expect(store.stars(ADA_AGENDA).map((star) => star.sessionId)).toEqual(['tiles']);
  });

  it('puts star buttons under the daily digest too', async () => {
    const poster = h.adapter.digestPoster?.();
    if (poster === undefined) throw new Error('the Discord adapter has no digest poster');
    const [first] = poster.messages(CHANNEL_ID, engine.digest({ date: '2027-03-27' }), {
      key: 'digest/discord/agenda',
      resumed: false,
    });
    await first?.();
    const [posted] = h.fake.messagesIn(CHANNEL_ID).slice(-1);
    const ids = buttons(posted?.body as Sent).map((button) => button.custom_id);
    expect(ids).toContain('hallway_agenda:star:opening');
  });

  it('stars from words in a DM, and answers an agenda question in a channel by DM', async () => {
    const question = messageCreate('add the closing keynote to my agenda', { dm: true });
    h.fake.dispatch('MESSAGE_CREATE', question);
    const reply = await h.fake.waitForRequest(
      (r) => r.method === 'POST' && r.path === `/api/v10/channels/${DM_CHANNEL_ID}/messages`,
    );
    expect(shown(reply.body as Sent)).toContain('Added “Closing keynote: Saudade for monoliths”');
    const before = dmsToAda().length;

    const asked = messageCreate(`${MENTION} what's on my agenda?`, { mentions: [BOT_USER] });
    h.fake.dispatch('MESSAGE_CREATE', asked);
    const inChannel = await h.fake.waitForRequest(
      (r) =>
        r.method === 'POST' &&
        r.path === `/api/v10/channels/${CHANNEL_ID}/messages` &&
        (r.body as { message_reference?: { message_id?: string } }).message_reference?.message_id ===
          asked.id,
    );
    expect(shown(inChannel.body as Sent)).toBe('I sent you the answer in a DM: your agenda is yours alone.');
    const dm = dmsToAda()[before];
    expect(shown(dm?.body as Sent)).toContain('Azulejo tiles');
    expect(shown(dm?.body as Sent)).toContain('Closing keynote');
  });

  it('/agenda lists in time order, ephemerally, with Remove and calendar buttons; Remove works', async () => {
    const command = interactionCreate('command', 'agenda', []);
    h.fake.dispatch('INTERACTION_CREATE', command);
    const listed = data(await h.fake.waitForRequest(callback(command.id)));
    expect(listed.flags).toBe(64);
    const text = shown(listed);
    expect(text.indexOf('Azulejo tiles')).toBeLessThan(text.indexOf('Closing keynote'));
    const ids = buttons(listed).map((button) => button.custom_id);
    expect(ids).toEqual([
      'hallway_agenda:unstar:tiles',
      'hallway_agenda:unstar:closing',
      'hallway_agenda:ics:',
    ]);
    const removed = data(await clickAndWait('hallway_agenda:unstar:closing'));
    expect(shown(removed)).toContain('Removed “Closing keynote');
    expect(store.stars(ADA_AGENDA).map((star) => star.sessionId)).toEqual(['tiles']);
  });

  it('attaches the agenda as an .ics; parsed back it has the same UTC start and UID', async () => {
    const request = await clickAndWait('hallway_agenda:ics:');
    const raw = String(request.body);
    expect(raw).toContain('filename="my-agenda.ics"');
    expect(icsEvents(raw)).toEqual([
      { uid: 'tiles@mini-conf.hallway', startUtc: '2027-03-27T14:00:00.000Z' },
    ]);
  });

  it('sends the reminder by DM at its time, once', async () => {
    const messenger = h.adapter.agendaMessenger?.();
    if (messenger === undefined) throw new Error('the Discord adapter has no agenda messenger');
    const scheduler = new ReminderScheduler({
      store,
      engine: () => engine,
      messengers: () => [messenger],
      clock: clock.now,
      logger: h.logger,
      timers: { set: () => undefined, clear: () => undefined },
    });
    clock.set(Date.parse('2027-03-27T13:49:00Z'));
    expect(await scheduler.runDue()).toEqual([]);
    clock.set(Date.parse('2027-03-27T13:50:00Z'));
    const outcomes = await scheduler.runDue();
    expect(outcomes.map((outcome) => outcome.kind)).toEqual(['sent']);
    const reminders = dmsToAda().filter((message) => shown(message.body as Sent).includes('⏰'));
    expect(reminders).toHaveLength(1);
    expect(shown(reminders[0]?.body as Sent)).toContain('starts at 14:00, in 10 minutes. Head to Room Verde');
  });

  it('clears, and forgets me on request', async () => {
    const say = async (content: string) => {
      const question = messageCreate(content, { dm: true });
      h.fake.dispatch('MESSAGE_CREATE', question);
      const reply = await h.fake.waitForRequest(
        (r) =>
          r.method === 'POST' &&
          r.path === `/api/v10/channels/${DM_CHANNEL_ID}/messages` &&
          (r.body as { message_reference?: { message_id?: string } }).message_reference?.message_id ===
            question.id,
      );
      return shown(reply.body as Sent);
    };
    expect(await say('clear my agenda')).toContain('Cleared your agenda');
    await say('add the opening keynote to my agenda');
    expect(await say('forget me')).toContain('deleted everything I kept about you');
    expect(store.stars(ADA_AGENDA)).toEqual([]);
  });
});
