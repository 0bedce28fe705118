// Merges several sources for one conference (curated data, the official schedule, an exhibitor list) into one
// dataset: the same session, person or organisation from two sources becomes one record.

import type { Dataset, Organization, Person, Session } from '../model/schema.ts';
import { normalizePhrase } from '../text/normalize.ts';
import { organizationKey } from '../text/organization-key.ts';
import { sameSession, titleKey } from './same-session.ts';

/** What a merge did, for `hallway stats`. */
export interface MergeReport {
  readonly sessions: number;
  readonly people: number;
  readonly organizations: number;
}

export interface MergeResult {
  readonly dataset: Dataset;
  readonly merged: MergeReport;
}

/**
 * Precedence, stated once:
 * - the first dataset names the conference and its time zone; the dates widen to cover every source;
 * - a session's schedule facts (title, start, end, room, track, url) come from the latest source that has them,
 *   because official schedules come after curated data and a live refresh must move a session;
 * - its curated facts (id, kind, summary, topics, organisations, projects) come from the first source that has them;
 * - people and organisations keep the first source's id and details, and gain the other names as aliases;
 * - speakers, sources and aliases are unions.
 */
export function mergeDatasets(datasets: readonly Dataset[]): MergeResult {
  const [first, ...rest] = datasets;
  if (first === undefined) throw new Error('mergeDatasets needs at least one dataset');
  const state = new MergeState(first);
  for (const dataset of rest) state.add(dataset);
  return state.result();
}

class MergeState {
  private readonly people = new Map<string, Person>();
  private readonly personByName = new Map<string, string>();
  private readonly organizations = new Map<string, Organization>();
  private readonly organizationByKey = new Map<string, string>();
  private readonly sessions: Session[] = [];
  /** Indexes of merged sessions by start time, so finding a duplicate does not scan every session. */
  private readonly sessionsByStart = new Map<string, number[]>();
  private readonly sessionIds = new Set<string>();
  private readonly sessionsByTitle = new Map<string, number[]>();
  /** Which source (by position) each merged session first came from. */
  private readonly origins: number[] = [];
  private datasetIndex = -1;
  private readonly matchedNow = new Set<number>();
  private readonly others: Dataset;
  private readonly counts = { sessions: 0, people: 0, organizations: 0 };

  constructor(private readonly primary: Dataset) {
    this.others = { ...primary, sessions: [], people: [], organizations: [] };
    this.add(primary);
  }

  add(dataset: Dataset): void {
    const isPrimary = dataset === this.primary;
    this.datasetIndex++;
    this.matchedNow.clear();
    const titleCounts = new Map<string, number>();
    for (const session of dataset.sessions) {
      const key = titleKey(session.title);
      if (key !== undefined) titleCounts.set(key, (titleCounts.get(key) ?? 0) + 1);
    }
    const organizationIds = new Map<string, string>();
    for (const organization of dataset.organizations) {
      organizationIds.set(organization.id, this.addOrganization(organization, isPrimary));
    }
    const personIds = new Map<string, string>();
    for (const person of dataset.people) {
      const organization =
        person.organization === undefined ? undefined : organizationIds.get(person.organization);
      const mapped: Person = { ...person, ...(organization === undefined ? {} : { organization }) };
      personIds.set(person.id, this.addPerson(mapped, isPrimary));
    }
    const mapIds = (ids: readonly string[], map: ReadonlyMap<string, string>) => [
      ...new Set(ids.map((id) => map.get(id) ?? id)),
    ];
    for (const session of dataset.sessions) {
      const key = titleKey(session.title);
      this.addSession(
        {
          ...session,
          speakers: mapIds(session.speakers, personIds),
          organizations: mapIds(session.organizations, organizationIds),
        },
        key !== undefined && titleCounts.get(key) === 1,
      );
    }
    if (isPrimary) return;
    const mapOrganization = (id: string) => organizationIds.get(id) ?? id;
    this.appendUnique('sources', dataset.sources);
    this.appendUnique(
      'announcements',
      dataset.announcements.map((a) => ({
        ...a,
        organization: mapOrganization(a.organization),
        partners: mapIds(a.partners, organizationIds),
      })),
    );
    this.appendUnique(
      'projects',
      dataset.projects.map((p) =>
        p.organization === undefined ? p : { ...p, organization: mapOrganization(p.organization) },
      ),
    );
    this.appendUnique('terms', dataset.terms);
    this.widenDates(dataset);
  }

  result(): MergeResult {
    const dataset: Dataset = {
      ...this.others,
      sessions: this.sessions,
      people: [...this.people.values()],
      organizations: [...this.organizations.values()],
    };
    return { dataset, merged: { ...this.counts } };
  }

  private addOrganization(organization: Organization, isPrimary: boolean): string {
    const keys = [organization.name, ...organization.aliases].map(organizationKey);
    const existingId = isPrimary
      ? undefined
      : keys.map((key) => this.organizationByKey.get(key)).find((id) => id !== undefined);
    const existing = existingId === undefined ? undefined : this.organizations.get(existingId);
    if (existing === undefined) {
      const id = this.organizations.has(organization.id) ? `${organization.id}-2` : organization.id;
      this.organizations.set(id, { ...organization, id });
      for (const key of keys) if (!this.organizationByKey.has(key)) this.organizationByKey.set(key, id);
      return id;
    }
    this.counts.organizations++;
    this.organizations.set(existing.id, {
      ...existing,
      aliases: unionNames(existing.name, existing.aliases, [organization.name, ...organization.aliases]),
      description: existing.description.length > 0 ? existing.description : organization.description,
      booths: [...new Set([...existing.booths, ...organization.booths])],
      ...(existing.url === undefined && organization.url !== undefined ? { url: organization.url } : {}),
      ...(existing.tier === undefined && organization.tier !== undefined ? { tier: organization.tier } : {}),
      sources: [...new Set([...existing.sources, ...organization.sources])],
    });
    for (const key of keys)
      if (!this.organizationByKey.has(key)) this.organizationByKey.set(key, existing.id);
    return existing.id;
  }

  private addPerson(person: Person, isPrimary: boolean): string {
    const keys = [person.name, ...person.aliases].map(normalizePhrase);
    const existingId = isPrimary
      ? undefined
      : keys.map((key) => this.personByName.get(key)).find((id) => id !== undefined);
    const existing = existingId === undefined ? undefined : this.people.get(existingId);
    if (existing === undefined) {
      const id = this.people.has(person.id) ? `${person.id}-2` : person.id;
      this.people.set(id, { ...person, id });
      for (const key of keys) if (!this.personByName.has(key)) this.personByName.set(key, id);
      return id;
    }
    this.counts.people++;
    this.people.set(existing.id, {
      ...existing,
      aliases: unionNames(existing.name, existing.aliases, [person.name, ...person.aliases]),
      ...(existing.role === undefined && person.role !== undefined ? { role: person.role } : {}),
      ...(existing.organization === undefined && person.organization !== undefined
        ? { organization: person.organization }
        : {}),
      bio: existing.bio.length > 0 ? existing.bio : person.bio,
      sources: [...new Set([...existing.sources, ...person.sources])],
    });
    for (const key of keys) if (!this.personByName.has(key)) this.personByName.set(key, existing.id);
    return existing.id;
  }

  /**
   * Finds the same session in an earlier source: same start, room and a similar title; or, when it moved, the
   * only session with that title in both sources. Sessions of the same source never merge with each other.
   */
  private addSession(session: Session, titleIsUnique: boolean): void {
    // A session from an earlier source, not yet matched by another session of this source.
    const earlier = (index: number) =>
      (this.origins[index] ?? this.datasetIndex) < this.datasetIndex && !this.matchedNow.has(index);
    const startKey = session.start === undefined ? '' : String(Date.parse(session.start));
    let index = (this.sessionsByStart.get(startKey) ?? []).find((candidate) => {
      const other = this.sessions[candidate];
      return earlier(candidate) && other !== undefined && sameSession(other, session);
    });
    const key = titleKey(session.title);
    if (index === undefined && titleIsUnique && key !== undefined) {
      const sameTitle = (this.sessionsByTitle.get(key) ?? []).filter(earlier);
      if (sameTitle.length === 1) index = sameTitle[0];
    }
    const existing = index === undefined ? undefined : this.sessions[index];
    if (index === undefined || existing === undefined) {
      const id = this.sessionIds.has(session.id) ? `${session.id}-2` : session.id;
      this.sessionIds.add(id);
      this.sessions.push({ ...session, id });
      this.origins.push(this.datasetIndex);
      this.indexSession(this.sessions.length - 1);
      return;
    }
    this.counts.sessions++;
    this.matchedNow.add(index);
    this.sessions[index] = {
      ...existing,
      title: session.title,
      ...(session.start === undefined ? {} : { start: session.start }),
      ...(session.end === undefined ? {} : { end: session.end }),
      ...(session.room === undefined ? {} : { room: session.room }),
      ...(existing.track === undefined && session.track !== undefined ? { track: session.track } : {}),
      ...(existing.url === undefined && session.url !== undefined ? { url: session.url } : {}),
      summary: existing.summary.length > 0 ? existing.summary : session.summary,
      topics: [...new Set([...existing.topics, ...session.topics])],
      speakers: [...new Set([...existing.speakers, ...session.speakers])],
      organizations: [...new Set([...existing.organizations, ...session.organizations])],
      sources: [...new Set([...existing.sources, ...session.sources])],
    };
    this.indexSession(index);
  }

  private indexSession(index: number): void {
    const session = this.sessions[index];
    if (session === undefined) return;
    const add = (map: Map<string, number[]>, key: string | undefined) => {
      if (key === undefined || key === '') return;
      const list = map.get(key) ?? [];
      if (!list.includes(index)) list.push(index);
      map.set(key, list);
    };
    add(this.sessionsByStart, session.start === undefined ? undefined : String(Date.parse(session.start)));
    add(this.sessionsByTitle, titleKey(session.title));
  }

  private appendUnique<K extends 'sources' | 'announcements' | 'projects' | 'terms'>(
    key: K,
    records: Dataset[K],
  ): void {
    const seen = new Set((this.others[key] as ReadonlyArray<{ id: string }>).map((record) => record.id));
    const added = (records as ReadonlyArray<{ id: string }>).filter((record) => !seen.has(record.id));
    (this.others as Record<K, unknown>)[key] = [...this.others[key], ...added];
  }

  private widenDates(dataset: Dataset): void {
    const conference = this.others.conference;
    const startDate = [conference.startDate, dataset.conference.startDate].sort()[0] ?? conference.startDate;
    const endDate = [conference.endDate, dataset.conference.endDate].sort()[1] ?? conference.endDate;
    (this.others as { conference: Dataset['conference'] }).conference = { ...conference, startDate, endDate };
  }
}

/** Aliases plus any new names, never repeating the main name. */
function unionNames(name: string, aliases: readonly string[], more: readonly string[]): string[] {
  const main = normalizePhrase(name);
  const seen = new Set([main]);
  const result: string[] = [];
  for (const candidate of [...aliases, ...more]) {
    const key = normalizePhrase(candidate);
    if (!seen.has(key)) {
      seen.add(key);
      result.push(candidate);
    }
  }
  return result;
}
