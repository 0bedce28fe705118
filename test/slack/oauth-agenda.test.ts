// Agenda DMs in multi-workspace mode: two workspaces install Hallway through Bolt's OAuth installer (real HTTPReceiver,
// loopback fake), a member of each stars a session by DM, and each one's reminder goes out with the bot token of
// the workspace they starred from, never the other's; a user whose workspace is unknown is recorded as failed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgendaRuntime } from '../../adapters/agenda/agenda-runtime.ts';
import type { SqliteStore } from '../../adapters/store/sqlite-store.ts';
import { agendaEngine, DAY_ONE_0800, manualClock } from '../agenda/agenda-fixture.ts';
import { eventually, type FakeSlack, INSTALLED_TOKEN_PREFIX } from './fake-slack.ts';
import { install, inWorkspace, type OAuthAgendaApp, startOAuthAgendaApp } from './oauth-app.ts';
import { directMessageEvent, postSigned } from './slack-requests.ts';

const TILES_REMINDER = Date.parse('2027-03-27T13:50:00Z');
const clock = manualClock(DAY_ONE_0800);
const engine = agendaEngine(clock.now);
let app: OAuthAgendaApp;
let fake: FakeSlack;
let store: SqliteStore;
let agenda: AgendaRuntime;
let base: string;

beforeAll(async () => {
  app = await startOAuthAgendaApp(engine, clock.now);
  ({ fake, store, agenda, base } = app);
});
afterAll(() => app.stop());

/** A DM to Hallway from `userId` in the workspace `teamId`. */
async function dmFrom(teamId: string, userId: string, text: string, eventId: string): Promise<void> {
  const event = directMessageEvent(text, { user: userId, channel: `D${userId.replace(/^U/, '')}` });
  await postSigned(
    `${base}/slack/events`,
    JSON.stringify(inWorkspace(teamId, event, eventId)),
    'application/json',
  );
}

const tokenOf = (code: string) => `${INSTALLED_TOKEN_PREFIX}-${code}`;

describe('agenda reminders in multi-workspace mode', () => {
  it("DMs each user's reminder with the token of the workspace they starred from", async () => {
    await install(base, 't0acme');
    await install(base, 't0beta');
    await dmFrom('T0ACME', 'U0ANA', 'add the tiles talk to my agenda', 'EvAGENDA1');
    await dmFrom('T0BETA', 'U0BEN', 'add the tiles talk to my agenda', 'EvAGENDA2');
    const starred = (userId: string) => store.agenda.stars({ platform: 'slack', userId }).length === 1;
    await eventually(() => (starred('U0ANA') && starred('U0BEN') ? true : undefined), 'both stars');
    expect(store.agenda.nextReminderAt()).toBe(TILES_REMINDER);

    clock.set(TILES_REMINDER);
    const outcomes = await agenda.scheduler.runDue();
    expect(outcomes.map((outcome) => `${outcome.key.userId}:${outcome.kind}`).sort()).toEqual([
      'U0ANA:sent',
      'U0BEN:sent',
    ]);
    const reminderTo = (channel: string) =>
      fake
        .callsTo('chat.postMessage')
        .find((call) => call.body.channel === channel && String(call.body.text).includes('⏰'));
    const toAna = reminderTo('D0ANA');
    const toBen = reminderTo('D0BEN');
    expect(toAna === undefined ? undefined : fake.tokenOf(toAna)).toBe(tokenOf('t0acme'));
    expect(toBen === undefined ? undefined : fake.tokenOf(toBen)).toBe(tokenOf('t0beta'));
    // The DM channel is opened in the same workspace as the message.
    const opened = fake.callsTo('conversations.open').filter((call) => call.body.users === 'U0BEN');
    expect(opened.map((call) => fake.tokenOf(call))).toContain(tokenOf('t0beta'));
    expect(opened.map((call) => fake.tokenOf(call))).not.toContain(tokenOf('t0acme'));
  });

  it('records as failed, naming why, a reminder whose workspace is unknown (a star from before it was kept)', async () => {
    const tram = engine.catalog.sessions.get('tram-demo');
    if (tram?.start === undefined) throw new Error('the fixture has a timed tram demo');
    const startMs = Date.parse(tram.start);
    await store.agenda.star(
      { platform: 'slack', userId: 'U0OLD' },
      { id: 'tram-demo', startMs },
      DAY_ONE_0800,
    );
    clock.set(startMs - 5 * 60_000);
    const outcomes = await agenda.scheduler.runDue();
    expect(outcomes).toEqual([
      expect.objectContaining({
        kind: 'failed',
        reason: 'the workspace of Slack user U0OLD is not known; their next star records it',
      }),
    ]);
    expect(fake.callsTo('conversations.open').filter((call) => call.body.users === 'U0OLD')).toEqual([]);
  });
});
