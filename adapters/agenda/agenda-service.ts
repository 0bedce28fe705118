// Carries out an agenda question for the user who asked: the engine names the sessions, this reads and writes that
// user's stars in the store, and the engine words the outcome. Shared by Slack, Discord and the console.
import { type AgendaOutcome, type Answer, assertNever, type Engine } from '../../src/index.ts';
import type { Awaitable } from '../store/store.ts';
import { agendaIcs, type IcsExport } from './agenda-ics.ts';
import { type AgendaStore, type AgendaUser, MAX_LEAD_MINUTES } from './agenda-store.ts';

export interface AgendaServiceOptions {
  readonly store: AgendaStore;
  readonly engine: () => Engine;
  readonly clock: () => number;
  /** Told when reminders may have moved (a star, a new lead), so the one timer is re-armed. */
  readonly onRemindersChanged?: () => Awaitable<void>;
}

export interface AgendaService {
  /** The reply to `answer`: itself, or, when it carries an agenda request, what was done with the user's agenda. */
  reply(answer: Answer, user: AgendaUser): Promise<Answer>;
  /** A "⭐ Add to my agenda" button. */
  star(user: AgendaUser, sessionId: string): Promise<Answer>;
  /** A "Remove" button. */
  unstar(user: AgendaUser, sessionId: string): Promise<Answer>;
  /** The user's agenda (one day's, with `date`), in time order with clashes marked. */
  list(user: AgendaUser, date?: string): Promise<Answer>;
  /** An .ics of the given sessions, or of the user's whole agenda. */
  ics(user: AgendaUser, sessionIds?: readonly string[]): Promise<IcsExport>;
}

export function createAgendaService(options: AgendaServiceOptions): AgendaService {
  const { store, clock } = options;
  const word = (outcome: AgendaOutcome): Answer => options.engine().agenda(outcome);
  const changed = async () => {
    await options.onRemindersChanged?.();
  };

  const star = async (user: AgendaUser, sessionId: string): Promise<Answer> => {
    const session = options.engine().catalog.sessions.get(sessionId);
    if (session === undefined) return word({ kind: 'not-starred', sessionIds: [sessionId] });
    const startMs = session.start === undefined ? undefined : Date.parse(session.start);
    const result = await store.star(
      user,
      { id: sessionId, ...(startMs === undefined ? {} : { startMs }) },
      clock(),
    );
    await changed();
    return word({ kind: 'added', sessionId, ...result });
  };

  const unstar = async (user: AgendaUser, sessionIds: readonly string[]): Promise<Answer> => {
    const removed = await store.unstar(user, sessionIds);
    if (removed.length > 0) await changed();
    return removed.length > 0
      ? word({ kind: 'removed', sessionIds: removed })
      : word({ kind: 'not-starred', sessionIds: sessionIds.slice(0, 1) });
  };

  const list = async (user: AgendaUser, date?: string): Promise<Answer> =>
    word({
      kind: 'list',
      sessionIds: (await store.stars(user)).map((starred) => starred.sessionId),
      ...(date === undefined ? {} : { date }),
    });

  return {
    async reply(answer, user) {
      const request = answer.agenda;
      if (request === undefined) return answer;
      switch (request.kind) {
        case 'add': {
          const [only, ...others] = request.sessionIds;
          // None, or several to choose from: the engine's answer says so (with a button on each candidate).
          return only === undefined || others.length > 0 ? answer : star(user, only);
        }
        case 'remove': {
          if (request.sessionIds.length === 0) return answer;
          // The words may fit several sessions; the ones this user starred are the ones meant.
          const starred = new Set((await store.stars(user)).map((entry) => entry.sessionId));
          const meant = request.sessionIds.filter((id) => starred.has(id));
          return unstar(user, meant.length > 0 ? meant.slice(0, 1) : request.sessionIds);
        }
        case 'show':
          return list(user, request.date);
        case 'clear': {
          const count = await store.clear(user);
          await changed();
          return word({ kind: 'cleared', count });
        }
        case 'lead': {
          const { minutes } = request;
          if (minutes === undefined || minutes < 1 || minutes > MAX_LEAD_MINUTES)
            return word({ kind: 'lead-missing', minutes: await store.leadMinutes(user) });
          await store.setLeadMinutes(user, minutes, clock());
          await changed();
          return word({ kind: 'lead-set', minutes });
        }
        case 'forget': {
          const rows = await store.forget(user);
          await changed();
          return word({ kind: 'forgotten', rows });
        }
        default:
          return assertNever(request);
      }
    },
    star,
    unstar: (user, sessionId) => unstar(user, [sessionId]),
    list,
    async ics(user, sessionIds) {
      const ids = sessionIds ?? (await store.stars(user)).map((entry) => entry.sessionId);
      return agendaIcs(options.engine().catalog, ids, clock());
    },
  };
}
