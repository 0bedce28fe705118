// The agenda as `npm start` runs it: its store (part of the one store, SQLite or PostgreSQL), the service the
// platforms answer with, the reminder scheduler (started once the platforms are up), and change notices after
// each live refresh.
import type { ChangeReport, Engine } from '../../src/index.ts';
import type { Logger } from '../shared/logger.ts';
import { SqliteStore } from '../store/sqlite-store.ts';
import type { HallwayStore } from '../store/store.ts';
import type { AgendaMessenger } from './agenda-messenger.ts';
import { type AgendaService, createAgendaService } from './agenda-service.ts';
import { ReminderScheduler } from './reminder-scheduler.ts';

export interface AgendaRuntimeOptions {
  /** The one store, opened by whoever runs Hallway, who also closes it. */
  readonly store: HallwayStore;
  readonly engine: () => Engine;
  readonly messengers: () => readonly AgendaMessenger[];
  readonly clock: () => number;
  readonly logger: Logger;
  /** How long a replica's claim on a DM holds before another may take it over. */
  readonly leaseMs?: number;
}

export interface AgendaRuntime {
  readonly service: AgendaService;
  readonly scheduler: ReminderScheduler;
  /** Catches up on reminders missed while down and arms the timer; call once the platforms are connected. */
  start(): Promise<void>;
  /** For `LiveData.onChange`: DMs those who starred a moved or cancelled session. */
  onChange(report: ChangeReport): void;
  /** Stops the timer and lets DMs in flight finish; the store stays open. */
  stop(): Promise<void>;
}

/** Builds the service and the scheduler over the store's agendas. */
export function createAgendaRuntime(options: AgendaRuntimeOptions): AgendaRuntime {
  const { logger, store } = options;
  // One process per SQLite file: at start, a claim left in it is a crashed run's, taken over at once.
  const sqlite = store instanceof SqliteStore ? store : undefined;
  const scheduler = new ReminderScheduler({
    store: store.agenda,
    engine: options.engine,
    messengers: options.messengers,
    clock: options.clock,
    logger: logger.child({ component: 'agenda' }),
    ...(options.leaseMs === undefined ? {} : { leaseMs: options.leaseMs }),
    ...(sqlite === undefined
      ? {}
      : { releaseAbandoned: () => sqlite.agenda.releaseAbandoned(options.clock()) }),
  });
  const service = createAgendaService({
    store: store.agenda,
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
    stop: () => scheduler.stop(),
  };
}
