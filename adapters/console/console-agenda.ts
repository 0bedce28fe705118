// The console's agenda: the local user's stars in Hallway's database, reminders printed to the console when due.
// The file is opened at start when it exists, else at the first agenda question, so a console used only for
// questions never creates one.
import { existsSync } from 'node:fs';
import type { Writable } from 'node:stream';
import type { Answer, ChangeReport, Engine } from '../../src/index.ts';
import type { AgendaMessenger } from '../agenda/agenda-messenger.ts';
import { type AgendaRuntime, openAgendaRuntime } from '../agenda/agenda-runtime.ts';
import type { AgendaUser } from '../agenda/agenda-store.ts';
import type { Logger } from '../shared/logger.ts';

/** The console has one user: whoever runs it. */
export const LOCAL_USER: AgendaUser = { platform: 'console', userId: 'local' };

export interface ConsoleAgendaOptions {
  readonly databasePath: string;
  readonly engine: () => Engine;
  readonly output: Writable;
  readonly logger: Logger;
  readonly clock?: () => number;
}

export interface ConsoleAgenda {
  /** The answer, or, for an agenda question, what was done with the local user's agenda. */
  reply(answer: Answer): Answer;
  /** After a live refresh: a notice for each starred session that moved or was cancelled. */
  notify(report: ChangeReport): void;
  close(): Promise<void>;
}

export function createConsoleAgenda(options: ConsoleAgendaOptions): ConsoleAgenda {
  const { logger } = options;
  let runtime: AgendaRuntime | undefined;
  let refused: string | undefined;
  const messenger: AgendaMessenger = {
    platform: 'console',
    async send(_userId, answer) {
      options.output.write(`\n${answer.text}\n\n`);
    },
  };
  const open = (): AgendaRuntime | undefined => {
    if (runtime !== undefined || refused !== undefined) return runtime;
    try {
      runtime = openAgendaRuntime({
        databasePath: options.databasePath,
        engine: options.engine,
        messengers: () => [messenger],
        clock: options.clock ?? Date.now,
        logger,
      });
      runtime.start().catch((error: unknown) => logger.error({ err: error }, 'agenda could not start'));
    } catch (error) {
      // Questions go on being answered; the agenda says it is unavailable, and the log says why.
      refused = (error as Error).message;
      logger.warn({ reason: refused }, 'the console agenda is unavailable');
    }
    return runtime;
  };
  if (existsSync(options.databasePath)) open();
  return {
    reply(answer) {
      if (answer.agenda === undefined) return answer;
      const opened = open();
      if (opened === undefined) return options.engine().agenda({ kind: 'unavailable' });
      return opened.service.reply(answer, LOCAL_USER);
    },
    notify(report) {
      runtime?.onChange(report);
    },
    async close() {
      await runtime?.close();
    },
  };
}
