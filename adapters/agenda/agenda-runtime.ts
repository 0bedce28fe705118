// The agenda as `npm start` runs it: its store on Hallway's database file, the service the platforms answer with,
// the reminder scheduler (started once the platforms are up), and change notices after each live refresh.
import type { ChangeReport, Engine } from '../../src/index.ts';
import type { Logger } from '../shared/logger.ts';
import { openDatabase } from '../store/open-database.ts';
import type { AgendaMessenger } from './agenda-messenger.ts';
import { type AgendaService, createAgendaService } from './agenda-service.ts';
import { ReminderScheduler } from './reminder-scheduler.ts';
import { SqliteAgendaStore } from './sqlite-agenda-store.ts';

export interface AgendaRuntimeOptions {
  /** The database file (HALLWAY_DB_PATH), shared with the digest. */
  readonly databasePath: string;
  readonly engine: () => Engine;
  readonly messengers: () => readonly AgendaMessenger[];
  readonly clock: () => number;
  readonly logger: Logger;
}

export interface AgendaRuntime {
  readonly service: AgendaService;
  readonly scheduler: ReminderScheduler;
  /** Catches up on reminders missed while down and arms the timer; call once the platforms are connected. */
  start(): Promise<void>;
  /** For `LiveData.onChange`: DMs those who starred a moved or cancelled session. */
  onChange(report: ChangeReport): void;
  /** Stops the timer, lets DMs in flight finish, and closes the file. */
  close(): Promise<void>;
}

/** Opens the store (throws `DatabaseOpenError`, with what to do, when it cannot) and builds the scheduler. */
export function openAgendaRuntime(options: AgendaRuntimeOptions): AgendaRuntime {
  const { logger } = options;
  const db = openDatabase(options.databasePath);
  const store = new SqliteAgendaStore(db);
  const scheduler = new ReminderScheduler({
    store,
    engine: options.engine,
    messengers: options.messengers,
    clock: options.clock,
    logger: logger.child({ component: 'agenda' }),
  });
  const service = createAgendaService({
    store,
    engine: options.engine,
    clock: options.clock,
    onRemindersChanged: () => scheduler.rearm(),
  });
  return {
    service,
    scheduler,
    async start() {
      const outcomes = await scheduler.start();
      logger.info({ caughtUp: outcomes.filter((o) => o.kind === 'sent').length }, 'agenda reminders ready');
    },
    onChange(report) {
      scheduler
        .notifyChanges(report)
        .catch((error: unknown) => logger.error({ err: error }, 'agenda change notices failed'));
    },
    async close() {
      await scheduler.stop();
      if (db.open) db.close();
    },
  };
}
