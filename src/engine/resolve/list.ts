// "List speakers / organisations / tracks / days / rooms / projects / keynotes / announcements".
import { conferenceDays, dayWindow } from '../../time/conference-time.ts';
import type { Finding, ListEntry, ResolveContext } from '../finding.ts';
import { assertNever, type Intent } from '../intent.ts';
import { byStart, isKeynote, matchesKind, unranked } from './sessions.ts';

export function resolveList(context: ResolveContext, intent: Extract<Intent, { kind: 'list' }>): Finding {
  if (intent.subject === 'keynotes') {
    const keynotes = context.catalog.dataset.sessions
      .filter((session) => isKeynote(session) && session.partOf === undefined)
      .sort(byStart);
    return { kind: 'sessions', reason: { kind: 'keynotes' }, sessions: unranked(keynotes) };
  }
  if (intent.subject === 'sessions' && intent.sessionKind !== undefined) {
    const { sessionKind } = intent;
    const ofKind = context.catalog.dataset.sessions.filter((s) => matchesKind(s, sessionKind)).sort(byStart);
    return { kind: 'sessions', reason: { kind: 'of-kind', sessionKind }, sessions: unranked(ofKind) };
  }
  if (
    (intent.subject === 'speakers' || intent.subject === 'organizations') &&
    intent.sessionKind !== undefined
  )
    return listOfKind(context, intent.subject, intent.sessionKind);
  return { kind: 'list', subject: intent.subject, entries: listEntries(context, intent.subject) };
}

/**
 * "Which companies were at the keynotes?", "who were the keynote speakers?": the people or organisations of the
 * sessions of one kind, each with how many of those sessions they were in.
 */
function listOfKind(
  context: ResolveContext,
  subject: 'speakers' | 'organizations',
  sessionKind: string,
): Finding {
  const { catalog } = context;
  const sessions = catalog.dataset.sessions.filter((session) => matchesKind(session, sessionKind));
  const counts = new Map<string, number>();
  for (const session of sessions) {
    const ids = new Set(
      subject === 'speakers'
        ? session.speakers
        : [
            ...session.organizations,
            ...session.speakers.flatMap((id) => catalog.people.get(id)?.organization ?? []),
          ],
    );
    for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const entries: ListEntry[] = [...counts].flatMap(([id, count]) => {
    if (subject === 'speakers') {
      const person = catalog.people.get(id);
      if (person === undefined) return [];
      const organization = catalog.organizations.get(person.organization ?? '')?.name ?? '';
      return [{ label: person.name, detail: organization, count }];
    }
    const organization = catalog.organizations.get(id);
    if (organization === undefined || organization.kind === 'fictional') return [];
    return [{ label: organization.name, detail: organization.kind, count }];
  });
  entries.sort((a, b) => (b.count ?? 0) - (a.count ?? 0) || a.label.localeCompare(b.label));
  return { kind: 'list', subject, entries, sessionKind };
}

function listEntries(
  context: ResolveContext,
  subject: Extract<Intent, { kind: 'list' }>['subject'],
): ListEntry[] {
  const { catalog } = context;
  const { dataset } = catalog;
  switch (subject) {
    case 'speakers':
      return dataset.people
        .filter((person) => catalog.sessionsByPerson.has(person.id))
        .map((person) => ({
          label: person.name,
          detail: catalog.organizations.get(person.organization ?? '')?.name ?? '',
          count: catalog.sessionsByPerson.get(person.id)?.length ?? 0,
        }))
        .sort((a, b) => a.label.localeCompare(b.label));
    case 'organizations':
      return dataset.organizations
        .filter((organization) => organization.kind !== 'fictional')
        .map((organization) => ({
          label: organization.name,
          detail: organization.kind,
          count:
            (catalog.sessionsByOrganization.get(organization.id)?.length ?? 0) +
            (catalog.announcementsByOrganization.get(organization.id)?.length ?? 0),
        }))
        .sort((a, b) => (b.count ?? 0) - (a.count ?? 0) || a.label.localeCompare(b.label));
    case 'tracks':
      return countBy(dataset.sessions.map((session) => session.track));
    case 'rooms':
      return countBy(dataset.sessions.map((session) => session.room));
    case 'days':
      return conferenceDays(catalog.conference).map((date) => {
        const window = dayWindow(date, catalog.conference.timeZone);
        const count = catalog.timeline.filter(
          (e) => e.startMs >= window.startMs && e.startMs < window.endMs,
        ).length;
        return { label: date, count };
      });
    case 'projects':
      return dataset.projects
        .filter((project) => project.kind !== 'fictional')
        .map((project) => ({ label: project.name, detail: project.maturity ?? project.kind }))
        .sort((a, b) => a.label.localeCompare(b.label));
    case 'keynotes':
      return [];
    case 'sessions':
      // How many of each kind; demos inside a showcase are part of it, not sessions of their own.
      return countBy(dataset.sessions.filter((session) => session.partOf === undefined).map((s) => s.kind));
    case 'announcements':
      return dataset.announcements.map((announcement) => ({
        label: announcement.title,
        detail: catalog.organizations.get(announcement.organization)?.name ?? announcement.organization,
      }));
    default:
      return assertNever(subject);
  }
}

function countBy(values: ReadonlyArray<string | undefined>): ListEntry[] {
  const counts = new Map<string, number>();
  for (const value of values) if (value !== undefined) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts.entries()]
    .map(([label, count]) => ({ label, count }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}
