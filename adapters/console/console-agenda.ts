// The console's agenda: the local user's stars in Hallway's store, reminders printed to the console when due. The
// store is opened at start when it exists (a SQLite file there, or DATABASE_URL), else at the first agenda question,
// so a console used only for questions never creates a file.
import { existsSync } from 'node:fs';
import type { Writable } from 'node:stream';
import type { Answer, ChangeReport, Engine } from '../../src/index.ts';
import type { AgendaMessenger } from '../agenda/agenda-messenger.ts';
import { type AgendaRuntime, createAgendaRuntime } from '../agenda/agenda-runtime.ts';
import type { AgendaUser } from '../agenda/agenda-store.ts';
import type { Logger } from '../shared/logger.ts';
import { openStore, type StoreChoice } from '../store/open-store.ts';
import type { HallwayStore } from '../store/store.ts';

/** The console has one user: whoever runs it. */
export const LOCAL_USER: AgendaUser = { platform: 'console', userId: 'local' };

export interface ConsoleAgendaOptions {
  /** The SQLite file, or PostgreSQL when a database URL is set. */
  readonly store: StoreChoice;
  readonly engine: () => Engine;
  readonly output: Writable;
  readonly logger: Logger;
  readonly clock?: () => number;
}

export interface ConsoleAgenda {
  /** The answer, or, for an agenda question, what was done with the local user's agenda. */
  reply(answer: Answer): Promise<Answer>;
  /** After a live refresh: a notice for each starred session that moved or was cancelled. */
  notify(report: ChangeReport): void;
  close(): Promise<void>;
}

interface Opened {
  readonly store: HallwayStore;
  readonly runtime: AgendaRuntime;
}

export function createConsoleAgenda(options: ConsoleAgendaOptions): ConsoleAgenda {
  const { logger } = options;
  const messenger: AgendaMessenger = {
    platform: 'console',
    async send(_to, answer) {
      options.output.write(`\n${answer.text}\n\n`);
    },
  };
  // Opened once; undefined when it could not be (the reason is logged).
  let opening: Promise<Opened | undefined> | undefined;
  const open = (): Promise<Opened | undefined> => {
    opening ??= openStore(options.store).then(
      (store) => {
        const runtime = createAgendaRuntime({
          store,
          engine: options.engine,
          messengers: () => [messenger],
          clock: options.clock ?? Date.now,
          logger,
        });
        runtime.start().catch((error: unknown) => logger.error({ err: error }, 'agenda could not start'));
        return { store, runtime };
      },
      (error: unknown) => {
        // Questions go on being answered; the agenda says it is unavailable, and the log says why.
        logger.warn({ reason: (error as Error).message }, 'the console agenda is unavailable');
        return undefined;
      },
    );
    return opening;
  };
  const url = options.store.databaseUrl?.trim() ?? '';
  if (url !== '' || existsSync(options.store.sqlitePath)) void open();
  return {
    async reply(answer) {
      if (answer.agenda === undefined) return answer;
      const opened = await open();
      if (opened === undefined) return options.engine().agenda({ kind: 'unavailable' });
      return opened.runtime.service.reply(answer, LOCAL_USER);
    },
    notify(report) {
      void opening?.then((opened) => opened?.runtime.onChange(report));
    },
    async close() {
      const opened = await opening;
      await opened?.runtime.stop();
      await opened?.store.close();
    },
  };
}
