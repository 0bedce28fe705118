// A Hallway process that dies (SIGKILL) while sending a reminder: after the intent row, before the result row;
// with CRASH_AT=after-send the DM went out first, with before-send it did not. Run by test/slack/agenda-crash.test.ts.
import { webApi } from '@slack/bolt';
import type { AgendaMessenger } from '../../adapters/agenda/agenda-messenger.ts';
import { ReminderScheduler } from '../../adapters/agenda/reminder-scheduler.ts';
import { SqliteAgendaStore } from '../../adapters/agenda/sqlite-agenda-store.ts';
import { createLogger } from '../../adapters/shared/logger.ts';
import { createSlackAgendaMessenger } from '../../adapters/slack/agenda-slack.ts';
import { NO_RETRY_OPTIONS } from '../../adapters/slack/retry-config.ts';
import { openDatabase } from '../../adapters/store/open-database.ts';
import { FAKE_SLACK_BOT_TOKEN } from '../helpers/fake-credentials.ts';
import { agendaEngine } from './agenda-fixture.ts';

const { CRASH_DB, CRASH_SLACK_API, CRASH_AT, CRASH_NOW } = process.env;
if (CRASH_DB === undefined || CRASH_SLACK_API === undefined || CRASH_NOW === undefined)
  throw new Error('crash-child needs CRASH_DB, CRASH_SLACK_API and CRASH_NOW');
const now = Number(CRASH_NOW);
const engine = agendaEngine(() => now);
const client = new webApi.WebClient(FAKE_SLACK_BOT_TOKEN, {
  slackApiUrl: CRASH_SLACK_API,
  ...NO_RETRY_OPTIONS,
});
const slack = createSlackAgendaMessenger(client, { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 });
const dying: AgendaMessenger = {
  platform: 'slack',
  async send(to, answer, key, resumedFrom) {
    if (CRASH_AT === 'after-send') await slack.send(to, answer, key, resumedFrom);
    process.kill(process.pid, 'SIGKILL');
  },
};
const scheduler = new ReminderScheduler({
  store: new SqliteAgendaStore(openDatabase(CRASH_DB)),
  engine: () => engine,
  messengers: () => [dying],
  clock: () => now,
  logger: createLogger({ level: 'silent' }),
  timers: { set: () => undefined, clear: () => undefined },
});
await scheduler.runDue();
throw new Error('the reminder was not due: nothing to crash on');
