// Checks that schemas cannot express: unique ids, references that resolve, and times inside the conference.
import { DateTime } from 'luxon';
import type { Dataset, RecordCollection } from './schema.ts';

/** A cross-reference problem, located by collection, record index and field. */
export interface CrossCheckIssue {
  readonly collection: RecordCollection | 'conference';
  /** Index of the record in its collection; absent for the conference object. */
  readonly index?: number;
  /** Field path inside the record, such as `speakers[1]`. */
  readonly field: string;
  readonly message: string;
}

type Reference = { field: string; target: RecordCollection; id: string };

/** Returns every cross-reference problem in the dataset; an empty list means it is consistent. */
export function crossCheck(dataset: Dataset): CrossCheckIssue[] {
  const issues: CrossCheckIssue[] = [];
  const ids = collectIds(dataset, issues);

  const check = (collection: RecordCollection, index: number, references: Reference[]): void => {
    for (const reference of references) {
      if (!ids[reference.target].has(reference.id)) {
        issues.push({
          collection,
          index,
          field: reference.field,
          message: `unknown ${singular(reference.target)} id "${reference.id}"${suggestId(reference.id, ids[reference.target])}`,
        });
      }
    }
  };

  dataset.conference.sources.forEach((id, i) => {
    if (!ids.sources.has(id))
      issues.push({ collection: 'conference', field: `sources[${i}]`, message: `unknown source id "${id}"` });
  });
  dataset.sessions.forEach((session, index) => {
    check('sessions', index, [
      ...list('speakers', 'people', session.speakers),
      ...list('organizations', 'organizations', session.organizations),
      ...list('projects', 'projects', session.projects),
      ...list('sources', 'sources', session.sources),
      ...optional('partOf', 'sessions', session.partOf),
    ]);
  });
  dataset.people.forEach((person, index) => {
    check('people', index, [
      ...optional('organization', 'organizations', person.organization),
      ...list('sources', 'sources', person.sources),
    ]);
  });
  dataset.organizations.forEach((organization, index) => {
    check('organizations', index, list('sources', 'sources', organization.sources));
  });
  dataset.announcements.forEach((announcement, index) => {
    check('announcements', index, [
      ...optional('organization', 'organizations', announcement.organization),
      ...list('partners', 'organizations', announcement.partners),
      ...list('sources', 'sources', announcement.sources),
    ]);
  });
  dataset.projects.forEach((project, index) => {
    check('projects', index, [
      ...optional('organization', 'organizations', project.organization),
      ...list('sources', 'sources', project.sources),
    ]);
  });
  dataset.terms.forEach((term, index) => {
    check('terms', index, list('sources', 'sources', term.sources));
  });

  issues.push(...checkTimes(dataset));
  return issues;
}

function collectIds(dataset: Dataset, issues: CrossCheckIssue[]): Record<RecordCollection, Set<string>> {
  const collect = (collection: RecordCollection, records: ReadonlyArray<{ id: string }>): Set<string> => {
    const seen = new Map<string, number>();
    records.forEach((record, index) => {
      const first = seen.get(record.id);
      if (first === undefined) seen.set(record.id, index);
      else
        issues.push({
          collection,
          index,
          field: 'id',
          message: `duplicate id "${record.id}" (first used by record [${first}])`,
        });
    });
    return new Set(seen.keys());
  };
  return {
    sources: collect('sources', dataset.sources),
    sessions: collect('sessions', dataset.sessions),
    people: collect('people', dataset.people),
    organizations: collect('organizations', dataset.organizations),
    announcements: collect('announcements', dataset.announcements),
    projects: collect('projects', dataset.projects),
    terms: collect('terms', dataset.terms),
  };
}

function checkTimes(dataset: Dataset): CrossCheckIssue[] {
  const { conference } = dataset;
  const issues: CrossCheckIssue[] = [];
  const opens = DateTime.fromISO(conference.startDate, { zone: conference.timeZone });
  const closes = DateTime.fromISO(conference.endDate, { zone: conference.timeZone }).plus({ days: 1 });
  if (closes <= opens) {
    issues.push({
      collection: 'conference',
      field: 'endDate',
      message: `ends (${conference.endDate}) before it starts (${conference.startDate})`,
    });
    return issues;
  }
  const window = `${conference.startDate} to ${conference.endDate} (${conference.timeZone})`;
  dataset.sessions.forEach((session, index) => {
    const start = session.start === undefined ? undefined : DateTime.fromISO(session.start);
    const end = session.end === undefined ? undefined : DateTime.fromISO(session.end);
    if (start !== undefined && (start < opens || start >= closes)) {
      issues.push({
        collection: 'sessions',
        index,
        field: 'start',
        message: `${session.start} is outside ${window}`,
      });
    }
    if (end !== undefined && (end <= opens || end > closes)) {
      issues.push({
        collection: 'sessions',
        index,
        field: 'end',
        message: `${session.end} is outside ${window}`,
      });
    }
    if (end !== undefined && start === undefined) {
      issues.push({ collection: 'sessions', index, field: 'end', message: 'has an end but no start' });
    }
    if (start !== undefined && end !== undefined && end < start) {
      issues.push({
        collection: 'sessions',
        index,
        field: 'end',
        message: `${session.end} is before the start ${session.start}`,
      });
    }
  });
  return issues;
}

function list(field: string, target: RecordCollection, ids: readonly string[]): Reference[] {
  return ids.map((id, i) => ({ field: `${field}[${i}]`, target, id }));
}

function optional(field: string, target: RecordCollection, id: string | undefined): Reference[] {
  return id === undefined ? [] : [{ field, target, id }];
}

const SINGULAR: Record<RecordCollection, string> = {
  sources: 'source',
  sessions: 'session',
  people: 'person',
  organizations: 'organization',
  announcements: 'announcement',
  projects: 'project',
  terms: 'term',
};

function singular(collection: RecordCollection): string {
  return SINGULAR[collection];
}

/** Points at a near-miss id ("did you mean …?"), the usual cause of a dangling reference. */
function suggestId(id: string, known: ReadonlySet<string>): string {
  let best: string | undefined;
  for (const candidate of known) {
    if (candidate.startsWith(id) || id.startsWith(candidate)) {
      if (best === undefined || candidate.length < best.length) best = candidate;
    }
  }
  return best === undefined ? '' : `; did you mean "${best}"?`;
}
