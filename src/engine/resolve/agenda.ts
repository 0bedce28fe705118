// Agenda questions: the engine names the session(s) the words mean, or the day asked about; it keeps no stars.
import type { AgendaRequest } from '../../agenda/agenda-request.ts';
import type { Session } from '../../model/schema.ts';
import type { Finding, ResolveContext } from '../finding.ts';
import type { AgendaIntent } from '../intent.ts';
import { resolvePlace } from './place.ts';
import { resolveConferenceDay } from './schedule.ts';

/** At most this many sessions are offered when the words fit several equally. */
const CANDIDATES = 5;

export function resolveAgenda(context: ResolveContext, intent: AgendaIntent): Finding {
  switch (intent.kind) {
    case 'agenda-add':
    case 'agenda-remove': {
      const sessions = sessionsNamed(context, intent.subject);
      const kind = intent.kind === 'agenda-add' ? 'add' : 'remove';
      return agenda({ kind, sessionIds: sessions.map((session) => session.id) }, intent.subject, sessions);
    }
    case 'agenda-show': {
      if (intent.day === undefined) return agenda({ kind: 'show' });
      const date = resolveConferenceDay(context, intent.day);
      return typeof date === 'string' ? agenda({ kind: 'show', date }) : date;
    }
    case 'agenda-clear':
      return agenda({ kind: 'clear' });
    case 'agenda-lead':
      return agenda({ kind: 'lead', ...(intent.minutes === undefined ? {} : { minutes: intent.minutes }) });
    case 'forget-me':
      return agenda({ kind: 'forget' });
  }
}

function agenda(request: AgendaRequest, typed = '', sessions: readonly Session[] = []): Finding {
  return { kind: 'agenda', request, typed, sessions };
}

/**
 * The sessions the words name: a session id as is (a button's value), else what "when is …" would answer. One
 * clear best is the answer; several that fit as well are offered to choose from.
 */
export function sessionsNamed(context: ResolveContext, words: string): Session[] {
  const trimmed = words.trim();
  if (trimmed.length === 0) return [];
  const byId = context.catalog.sessions.get(trimmed);
  if (byId !== undefined) return [byId];
  const finding = resolvePlace(context, { kind: 'when', subject: trimmed });
  switch (finding.kind) {
    case 'sessions': {
      const [best, second] = finding.sessions;
      if (best === undefined) return [];
      if (second === undefined || best.score > second.score) return [best.session];
      return finding.sessions
        .filter((ranked) => ranked.score >= best.score)
        .slice(0, CANDIDATES)
        .map((ranked) => ranked.session);
    }
    case 'person':
    case 'organization':
    case 'project':
    case 'term':
      return finding.sessions.slice(0, CANDIDATES);
    default:
      return [];
  }
}
