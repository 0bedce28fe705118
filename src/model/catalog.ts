// Lookup tables over a validated dataset: records by id, and who and what is linked to what.

import { organizationKey } from '../text/organization-key.ts';
import type {
  Announcement,
  Conference,
  Dataset,
  Organization,
  Person,
  Project,
  Session,
  Source,
  Term,
} from './schema.ts';

/** The kinds of record an answer can point at. */
export type RecordType = 'session' | 'person' | 'organization' | 'announcement' | 'project' | 'term';

/** One record of any type, tagged with its type. */
export type RecordRef =
  | { readonly type: 'session'; readonly record: Session }
  | { readonly type: 'person'; readonly record: Person }
  | { readonly type: 'organization'; readonly record: Organization }
  | { readonly type: 'announcement'; readonly record: Announcement }
  | { readonly type: 'project'; readonly record: Project }
  | { readonly type: 'term'; readonly record: Term };

/** A session with its times as epoch milliseconds, computed once. */
export interface TimedSession {
  readonly session: Session;
  readonly startMs: number;
  readonly endMs: number;
}

/** Read-only indexes over one dataset, built once at load. */
export interface Catalog {
  readonly dataset: Dataset;
  readonly conference: Conference;
  readonly sessions: ReadonlyMap<string, Session>;
  readonly people: ReadonlyMap<string, Person>;
  readonly organizations: ReadonlyMap<string, Organization>;
  readonly announcements: ReadonlyMap<string, Announcement>;
  readonly projects: ReadonlyMap<string, Project>;
  readonly terms: ReadonlyMap<string, Term>;
  readonly sources: ReadonlyMap<string, Source>;
  /** Sessions each person speaks in. */
  readonly sessionsByPerson: ReadonlyMap<string, readonly Session[]>;
  /** Sessions an organisation is part of: named on the session, or through a speaker who works there. */
  readonly sessionsByOrganization: ReadonlyMap<string, readonly Session[]>;
  readonly sessionsByProject: ReadonlyMap<string, readonly Session[]>;
  readonly peopleByOrganization: ReadonlyMap<string, readonly Person[]>;
  /** Announcements an organisation made. */
  readonly announcementsByOrganization: ReadonlyMap<string, readonly Announcement[]>;
  /** Announcements that name an organisation as a partner. */
  readonly announcementsByPartner: ReadonlyMap<string, readonly Announcement[]>;
  readonly projectsByOrganization: ReadonlyMap<string, readonly Project[]>;
  /** Organisations by comparison key: an exhibitor list may hold one company twice, at two booths. */
  readonly organizationsByKey: ReadonlyMap<string, readonly Organization[]>;
  /** Sessions that have a start time, in start order. */
  readonly timeline: readonly TimedSession[];
}

/** Builds the lookup tables. The dataset must already have passed validation. */
export function buildCatalog(dataset: Dataset): Catalog {
  const people = byId(dataset.people);
  const sessionsByPerson = new Map<string, Session[]>();
  const sessionsByOrganization = new Map<string, Session[]>();
  const sessionsByProject = new Map<string, Session[]>();
  const timeline: TimedSession[] = [];

  for (const session of dataset.sessions) {
    const organizations = new Set(session.organizations);
    for (const speakerId of session.speakers) {
      push(sessionsByPerson, speakerId, session);
      const organization = people.get(speakerId)?.organization;
      if (organization !== undefined) organizations.add(organization);
    }
    for (const organization of organizations) push(sessionsByOrganization, organization, session);
    for (const project of session.projects) push(sessionsByProject, project, session);
    if (session.start !== undefined) {
      const startMs = Date.parse(session.start);
      const endMs = session.end === undefined ? startMs : Date.parse(session.end);
      timeline.push({ session, startMs, endMs });
    }
  }
  timeline.sort((a, b) => a.startMs - b.startMs || a.endMs - b.endMs);

  return {
    dataset,
    conference: dataset.conference,
    sessions: byId(dataset.sessions),
    people,
    organizations: byId(dataset.organizations),
    announcements: byId(dataset.announcements),
    projects: byId(dataset.projects),
    terms: byId(dataset.terms),
    sources: byId(dataset.sources),
    sessionsByPerson,
    sessionsByOrganization,
    sessionsByProject,
    peopleByOrganization: groupBy(dataset.people, (person) => person.organization),
    announcementsByOrganization: groupBy(dataset.announcements, (announcement) => announcement.organization),
    announcementsByPartner: groupByMany(dataset.announcements, (announcement) => announcement.partners),
    projectsByOrganization: groupBy(dataset.projects, (project) => project.organization),
    organizationsByKey: groupBy(dataset.organizations, (organization) => organizationKey(organization.name)),
    timeline,
  };
}

/** Looks a record up by type and id. */
export function findRecord(catalog: Catalog, type: RecordType, id: string): RecordRef | undefined {
  switch (type) {
    case 'session':
      return wrap('session', catalog.sessions.get(id));
    case 'person':
      return wrap('person', catalog.people.get(id));
    case 'organization':
      return wrap('organization', catalog.organizations.get(id));
    case 'announcement':
      return wrap('announcement', catalog.announcements.get(id));
    case 'project':
      return wrap('project', catalog.projects.get(id));
    case 'term':
      return wrap('term', catalog.terms.get(id));
  }
}

function wrap<T extends RecordType>(
  type: T,
  record: Extract<RecordRef, { type: T }>['record'] | undefined,
): RecordRef | undefined {
  return record === undefined ? undefined : ({ type, record } as RecordRef);
}

function byId<T extends { id: string }>(records: readonly T[]): Map<string, T> {
  return new Map(records.map((record) => [record.id, record]));
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

function groupBy<T>(records: readonly T[], key: (record: T) => string | undefined): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const record of records) {
    const value = key(record);
    if (value !== undefined) push(map, value, record);
  }
  return map;
}

function groupByMany<T>(records: readonly T[], keys: (record: T) => readonly string[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const record of records) for (const key of keys(record)) push(map, key, record);
  return map;
}
