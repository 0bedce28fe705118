// Kill the process between a reminder's intent row and its result row, restart, and check: one reminder, not
// zero, not two; whether the DM went out before the kill or not. And DMs that fail: retried with the backoff,
// recorded when they give up, never in the way of other users' reminders.
import { webApi } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReminderScheduler } from '../../adapters/agenda/reminder-scheduler.ts';
import { SqliteAgendaStore } from '../../adapters/agenda/sqlite-agenda-store.ts';
import { createSlackAgendaMessenger } from '../../adapters/slack/agenda-slack.ts';
import { NO_RETRY_OPTIONS } from '../../adapters/slack/retry-config.ts';
import { openDatabase } from '../../adapters/store/open-database.ts';
import { agendaEngine, freshDatabase } from '../agenda/agenda-fixture.ts';
import { captureLogger } from '../helpers/capture-logger.ts';
import { FAKE_SLACK_BOT_TOKEN } from '../helpers/fake-credentials.ts';
import { runProcess } from '../helpers/run-process.ts';
import { type FakeSlack, startFakeSlack } from './fake-slack.ts';

const NIGHT_START = Date.parse('2027-03-28T00:30:00Z');
/** Nine minutes before the night session: its reminder is due. */
const NOW = NIGHT_START - 9 * 60_000;
let fake: FakeSlack;

beforeAll(async () => {
  fake = await startFakeSlack();
});
afterAll(async () => {
  await fake?.close();
});

/** A scheduler over `store` sending through the fake Slack, retrying up to `attempts` times without waiting. */
function schedulerOver(store: SqliteAgendaStore, now: number, attempts: number) {
  const client = new webApi.WebClient(FAKE_SLACK_BOT_TOKEN, {
    slackApiUrl: fake.apiUrl,
    ...NO_RETRY_OPTIONS,
  });
  return new ReminderScheduler({
    store,
    engine: () => agendaEngine(() => now),
    messengers: () => [
      createSlackAgendaMessenger(
        client,
        { attempts, baseDelayMs: 1, maxDelayMs: 1 },
        { sleep: async () => {} },
      ),
    ],
    clock: () => now,
    logger: captureLogger().logger,
    timers: { set: () => undefined, clear: () => undefined },
  });
}

async function crashThenRestart(crashAt: 'after-send' | 'before-send', userId: string) {
  const { path, db, store } = freshDatabase();
  store.star({ platform: 'slack', userId }, { id: 'night', startMs: NIGHT_START }, NOW - 86_400_000);
  db.close();
  const child = await runProcess('node', ['--import', 'tsx', 'test/agenda/crash-child.ts'], {
    env: { CRASH_DB: path, CRASH_SLACK_API: fake.apiUrl, CRASH_AT: crashAt, CRASH_NOW: String(NOW) },
    timeoutMs: 30_000,
  });
  expect(child.code).toBeNull();
  // Restart: a new process would open the same file and start its scheduler.
  const reopened = openDatabase(path);
  const client = new webApi.WebClient(FAKE_SLACK_BOT_TOKEN, {
    slackApiUrl: fake.apiUrl,
    ...NO_RETRY_OPTIONS,
  });
  const restarted = new SqliteAgendaStore(reopened);
  const scheduler = new ReminderScheduler({
    store: restarted,
    engine: () => agendaEngine(() => NOW + 30_000),
    messengers: () => [createSlackAgendaMessenger(client, { attempts: 2, baseDelayMs: 1, maxDelayMs: 1 })],
    clock: () => NOW + 30_000,
    logger: captureLogger().logger,
    timers: { set: () => undefined, clear: () => undefined },
    // As the runtime does on SQLite: the dead process's claim is taken over at start, not after its lease.
    releaseAbandoned: () => restarted.releaseAbandoned(NOW + 30_000),
  });
  const outcomes = await scheduler.start();
  await scheduler.stop();
  const row = reopened.prepare("SELECT state FROM agenda_deliveries WHERE kind = 'reminder'").get();
  reopened.close();
  const channel = `D${userId.replace(/^U/, '')}`;
  return {
    outcomes,
    row,
    dms: fake.messagesIn(channel).filter((message) => message.text.includes('Night owls')),
  };
}

describe('a reminder across a crash', () => {
  it('sent before the kill: the restart finds it in the DM history and does not send it again', async () => {
    const { dms, outcomes, row } = await crashThenRestart('after-send', 'U0CRASHAFTER');
    expect(dms).toHaveLength(1);
    expect(outcomes.map((outcome) => outcome.kind)).toEqual(['sent']);
    expect(row).toEqual({ state: 'sent' });
  });

  it('killed before sending: the restart sends it, once', async () => {
    const { dms, row } = await crashThenRestart('before-send', 'U0CRASHBEFORE');
    expect(dms).toHaveLength(1);
    expect(dms[0]?.text).toContain('starts at 00:30');
    expect(row).toEqual({ state: 'sent' });
  });
});

describe('a reminder DM that fails', () => {
  it('is retried after a transient error, and a user Slack refuses is recorded without holding up the others', async () => {
    const { db, store } = freshDatabase();
    const night = { id: 'night', startMs: NIGHT_START };
    for (const userId of ['U0FLAKY', 'U0GONE', 'U0FINE']) store.star({ platform: 'slack', userId }, night, 0);
    fake.script('chat.postMessage', { channel: 'D0FLAKY', error: 'service_unavailable' });
    fake.script('conversations.open', { channel: 'U0GONE', error: 'user_not_found' });
    const outcomes = await schedulerOver(store, NOW, 3).runDue();
    const byUser = Object.fromEntries(outcomes.map((outcome) => [outcome.key.userId, outcome.kind]));
    expect(byUser).toEqual({ U0FLAKY: 'sent', U0GONE: 'failed', U0FINE: 'sent' });
    expect(fake.messagesIn('D0FLAKY').filter((message) => message.text.includes('Night owls'))).toHaveLength(
      1,
    );
    const failed = db
      .prepare("SELECT user_id, state, error FROM agenda_deliveries WHERE state = 'failed'")
      .all();
    expect(failed).toEqual([
      expect.objectContaining({ state: 'failed', error: expect.stringContaining('user_not_found') }),
    ]);
    // Given up means given up: the next pass does not send it again.
    expect(await schedulerOver(store, NOW, 3).runDue()).toEqual([]);
    db.close();
  });
});
