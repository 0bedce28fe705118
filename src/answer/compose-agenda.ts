// Wording for the personal agenda: what an agenda question names, and what the adapter did with the user's stars.

import { agendaEntries } from '../agenda/agenda-clashes.ts';
import type { AgendaChange, AgendaOutcome } from '../agenda/agenda-request.ts';
import type { Finding } from '../engine/finding.ts';
import { assertNever } from '../engine/intent.ts';
import type { Session } from '../model/schema.ts';
import { formatClock, formatDay, formatTimeRange } from '../time/conference-time.ts';
import { builder, type ComposeContext, type Composed } from './compose-context.ts';
import { count, joinWords, quoted, sessionWhen } from './describe.ts';

const NOT_KEPT = 'Your agenda is kept by the chat app you ask in; none is kept here.';

/** The answer to an agenda question before the adapter acts on it: the session named, a choice, or a miss. */
export function composeAgendaRequest(
  context: ComposeContext,
  finding: Extract<Finding, { kind: 'agenda' }>,
): Composed {
  const { request, sessions, typed } = finding;
  const answer = builder(context);
  if (request.kind !== 'add' && request.kind !== 'remove') {
    answer.paragraph(NOT_KEPT);
    return { title: 'My agenda', answered: false, ...answer.finish() };
  }
  const verb = request.kind === 'add' ? 'add' : 'remove';
  if (sessions.length === 0) {
    answer.paragraph(
      typed.length === 0
        ? `Which session should I ${verb}? Name it, for example "${verb} the opening keynote ${request.kind === 'add' ? 'to' : 'from'} my agenda".`
        : `I found no session matching ${quoted(typed)}. Try its title, or a speaker's name.`,
    );
    return { title: 'My agenda', answered: false, ...answer.finish() };
  }
  if (sessions.length > 1)
    answer.paragraph(
      `Several sessions fit ${quoted(typed)}. Which one should I ${verb}? Say its title, or use its button.`,
    );
  answer.sessions(sessions.map((session) => ({ session, score: 1 })));
  return { title: sessions.length > 1 ? 'Which session?' : 'My agenda', answered: true, ...answer.finish() };
}

/** Puts what the adapter did with a user's agenda into words (the reply, a reminder or a change notice). */
export function composeAgendaOutcome(context: ComposeContext, outcome: AgendaOutcome): Composed {
  const { catalog } = context;
  const zone = catalog.conference.timeZone;
  const answer = builder(context);
  const titleOf = (id: string) => catalog.sessions.get(id)?.title ?? id;
  switch (outcome.kind) {
    case 'added': {
      const session = catalog.sessions.get(outcome.sessionId);
      const title = quoted(titleOf(outcome.sessionId));
      const where = session === undefined ? '' : ` (${placeAndTime(context, session)})`;
      const said = outcome.already
        ? `${title} is already on your agenda${where}.`
        : `⭐ Added ${title} to your agenda${where}.`;
      answer.paragraph(`${said} ${reminderSentence(context, session, outcome)}`);
      if (session !== undefined) answer.sessionResults([session]);
      return { title: 'Added to my agenda', answered: true, ...answer.finish() };
    }
    case 'removed': {
      const titles = outcome.sessionIds.map((id) => quoted(titleOf(id)));
      answer.paragraph(`Removed ${joinWords(titles)} from your agenda; no reminder will come for it.`);
      return { title: 'Removed from my agenda', answered: true, ...answer.finish() };
    }
    case 'not-starred': {
      const titles = outcome.sessionIds.map((id) => quoted(titleOf(id)));
      answer.paragraph(
        `${joinWords(titles)} ${titles.length === 1 ? 'is' : 'are'} not on your agenda; nothing to remove.`,
      );
      return { title: 'My agenda', answered: false, ...answer.finish() };
    }
    case 'list':
      return composeList(context, outcome.sessionIds, outcome.date);
    case 'cleared':
      answer.paragraph(
        outcome.count === 0
          ? 'Your agenda was already empty.'
          : `Cleared your agenda: removed ${count(outcome.count, 'session')}, and their reminders.`,
      );
      return { title: 'My agenda', answered: true, ...answer.finish() };
    case 'lead-set':
      answer.paragraph(
        `Reminders will now come ${count(outcome.minutes, 'minute')} before each session on your agenda.`,
      );
      return { title: 'My reminders', answered: true, ...answer.finish() };
    case 'lead-missing':
      answer.paragraph(
        `How long before? Say for example "remind me 15 minutes before" (now ${count(outcome.minutes, 'minute')}; from 1 minute to 24 hours).`,
      );
      return { title: 'My reminders', answered: false, ...answer.finish() };
    case 'forgotten':
      answer.paragraph(
        outcome.rows === 0
          ? 'I kept nothing about you; there was nothing to delete.'
          : `Done: I deleted everything I kept about you (${count(outcome.rows, 'record')}): your agenda, your reminder setting and the record of reminders sent.`,
      );
      return { title: 'Forgotten', answered: true, ...answer.finish() };
    case 'reminder': {
      const session = catalog.sessions.get(outcome.sessionId);
      if (session === undefined) {
        answer.paragraph(`${quoted(outcome.sessionId)} is no longer in the schedule.`);
        return { title: 'Reminder', answered: false, ...answer.finish() };
      }
      const start = session.start === undefined ? undefined : Date.parse(session.start);
      const at = start === undefined ? '' : ` at ${formatClock(start, zone)}`;
      answer.paragraph(
        `⏰ ${quoted(session.title)} starts${at}, in ${count(outcome.leadMinutes, 'minute')}. ${directions(session)}`,
      );
      answer.session(session);
      return { title: `Starting soon: ${session.title}`, answered: true, ...answer.finish() };
    }
    case 'changed':
      answer.paragraph(changeSentence(outcome.change, zone));
      if (outcome.change.kind === 'moved') {
        const session = catalog.sessions.get(outcome.change.sessionId);
        if (session !== undefined) answer.session(session);
      }
      return { title: `Changed: ${outcome.change.title}`, answered: true, ...answer.finish() };
    case 'unavailable':
      answer.paragraph(
        'Your agenda is not available here: Hallway could not open its database (the log says why).',
      );
      return { title: 'My agenda', answered: false, ...answer.finish() };
    default:
      return assertNever(outcome);
  }
}

function composeList(context: ComposeContext, ids: readonly string[], date?: string): Composed {
  const { catalog } = context;
  const zone = catalog.conference.timeZone;
  const answer = builder(context);
  const { entries, gone } = agendaEntries(catalog, ids, date);
  const day = date === undefined ? '' : ` for ${formatDay(date, zone)}`;
  if (entries.length === 0) {
    answer.paragraph(
      ids.length === 0
        ? 'Your agenda is empty. Star a session with its ⭐ button, or say "add the opening keynote to my agenda".'
        : `Nothing on your agenda${day}.`,
    );
    return { title: 'My agenda', answered: ids.length > 0, ...answer.finish() };
  }
  const clashes = entries.filter((entry) => entry.clashesWith.length > 0).length;
  answer.paragraph(
    `Your agenda${day}: ${count(entries.length, 'session')} in time order${clashes === 0 ? '' : `; ⚠️ ${count(clashes, 'session')} clash`}.`,
  );
  answer.bullets(
    entries.map(({ session, clashesWith }) => {
      const when = sessionWhen(catalog, session) ?? 'time not announced';
      const room = session.room === undefined ? '' : `, ${session.room}`;
      const clash =
        clashesWith.length === 0
          ? ''
          : ` ⚠️ clashes with ${joinWords(clashesWith.map((other) => quoted(other.title)))}`;
      return `${when}: ${session.title}${room}${clash}`;
    }),
    'sessions',
    100,
  );
  if (gone.length > 0)
    answer.paragraph(
      `${count(gone.length, 'starred session')} ${gone.length === 1 ? 'is' : 'are'} no longer in the schedule.`,
    );
  answer.sessionResults(entries.map((entry) => entry.session));
  return { title: 'My agenda', answered: true, ...answer.finish() };
}

/** "Thu 26 Mar, 09:00–09:30 CET, Hall 7". */
function placeAndTime(context: ComposeContext, session: Session): string {
  const when = sessionWhen(context.catalog, session) ?? 'time not announced';
  return session.room === undefined ? when : `${when}, ${session.room}`;
}

function reminderSentence(
  context: ComposeContext,
  session: Session | undefined,
  outcome: Extract<AgendaOutcome, { kind: 'added' }>,
): string {
  const zone = context.catalog.conference.timeZone;
  if (outcome.remindAtMs !== undefined)
    return `I'll remind you by DM at ${formatTimeRange(outcome.remindAtMs, undefined, zone)}, ${count(outcome.leadMinutes, 'minute')} before.`;
  if (session?.start === undefined) return 'It has no time in the schedule yet, so no reminder is set.';
  return Date.parse(session.start) <= context.nowMs
    ? 'It has already started, so no reminder will come.'
    : `It starts in less than ${count(outcome.leadMinutes, 'minute')}, so no reminder will come.`;
}

/** How to get there: the room, and the track when it says more. */
function directions(session: Session): string {
  if (session.room === undefined) return 'The schedule names no room for it.';
  const track =
    session.track === undefined || session.track === session.room ? '' : ` (${session.track} track)`;
  return `Head to ${session.room}${track}.`;
}

function changeSentence(change: AgendaChange, zone: string): string {
  const when = (place: { readonly start?: string | undefined; readonly end?: string | undefined }) =>
    place.start === undefined
      ? 'no time'
      : formatTimeRange(
          Date.parse(place.start),
          place.end === undefined ? undefined : Date.parse(place.end),
          zone,
        );
  if (change.kind === 'cancelled') {
    const at = change.start === undefined ? '' : ` (${when(change)})`;
    return `📣 ${quoted(change.title)}${at}, on your agenda, was cancelled: it is no longer in the schedule. Its reminder is off.`;
  }
  const parts: string[] = [];
  const before = when(change.before);
  const after = when(change.after);
  if (before !== after) parts.push(`now ${after} (was ${before})`);
  if ((change.before.room ?? '') !== (change.after.room ?? ''))
    parts.push(`now in ${change.after.room ?? 'no room yet'} (was ${change.before.room ?? 'no room'})`);
  const what = parts.length === 0 ? 'changed' : parts.join(', and ');
  return `📣 ${quoted(change.title)}, on your agenda, moved: ${what}. Your reminder moves with it.`;
}
