// Collects imported records into a dataset: stable slug ids, one person and one organisation per name.
import { DateTime } from 'luxon';
import type {
  Conference,
  Dataset,
  Organization,
  OrganizationKind,
  Person,
  Session,
  Source,
} from '../model/schema.ts';
import { normalizePhrase } from '../text/normalize.ts';
import { organizationKey } from '../text/organization-key.ts';

/** A lower-case slug for ids: "Jean-François Hubert" → "jean-francois-hubert". */
export function slugify(text: string): string {
  const slug = normalizePhrase(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  // Names in scripts without Latin letters still need a stable id.
  return slug.length > 0 ? slug : `u${stableHash(text)}`;
}

function stableHash(text: string): string {
  let hash = 2166136261;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 16777619);
  }
  return (hash >>> 0).toString(36);
}

/** What an importer knows about the event itself; gaps are filled from the sessions. */
export interface ConferenceHints {
  readonly id: string;
  readonly name: string;
  readonly timeZone: string;
  readonly city?: string;
  readonly country?: string;
  readonly venue?: string;
  readonly url?: string;
  readonly startDate?: string;
  readonly endDate?: string;
}

export class DatasetBuilder {
  private readonly sessions: Session[] = [];
  private readonly people = new Map<string, Person>();
  private readonly organizations = new Map<string, Organization>();
  private readonly sessionIds = new Set<string>();
  private readonly organizationIds = new Set<string>();

  constructor(
    private readonly prefix: string,
    private readonly source: Source,
  ) {}

  get sourceId(): string {
    return this.source.id;
  }

  /** The id of the organisation with this name, created on first use. Names that differ only in suffixes meet. */
  organization(name: string, fields: Partial<Omit<Organization, 'id' | 'name' | 'sources'>> = {}): string {
    const key = organizationKey(name);
    const existing = this.organizations.get(key);
    if (existing !== undefined) {
      this.organizations.set(key, mergeOrganization(existing, fields));
      return existing.id;
    }
    const organization: Organization = {
      id: `${this.prefix}-org-${slugify(name)}`,
      name: name.trim(),
      aliases: [],
      kind: fields.kind ?? ('other' satisfies OrganizationKind),
      description: fields.description ?? '',
      booths: fields.booths ?? [],
      ...(fields.url === undefined ? {} : { url: fields.url }),
      ...(fields.tier === undefined ? {} : { tier: fields.tier }),
      sources: [this.source.id],
    };
    this.organizations.set(key, organization);
    return organization.id;
  }

  /**
   * Adds one organisation per call, even when the name repeats: an exhibitor list with the same company at two
   * booths keeps both records, as the file has them.
   */
  addOrganization(
    key: string,
    name: string,
    fields: Partial<Omit<Organization, 'id' | 'name' | 'sources'>>,
  ): void {
    let id = `${this.prefix}-org-${slugify(key)}`;
    for (let n = 2; this.organizationIds.has(id); n++) id = `${this.prefix}-org-${slugify(key)}-${n}`;
    this.organizationIds.add(id);
    this.organizations.set(`${organizationKey(name)}#${id}`, {
      id,
      name: name.trim(),
      aliases: [],
      kind: fields.kind ?? 'other',
      description: fields.description ?? '',
      booths: fields.booths ?? [],
      ...(fields.url === undefined ? {} : { url: fields.url }),
      ...(fields.tier === undefined ? {} : { tier: fields.tier }),
      sources: [this.source.id],
    });
  }

  /** The id of the person with this name, created on first use; the first role and organisation seen stick. */
  person(name: string, details: { role?: string; organization?: string; bio?: string } = {}): string {
    const key = normalizePhrase(name);
    const existing = this.people.get(key);
    if (existing !== undefined) {
      this.people.set(key, {
        ...existing,
        ...(existing.role === undefined && details.role !== undefined ? { role: details.role } : {}),
        ...(existing.organization === undefined && details.organization !== undefined
          ? { organization: details.organization }
          : {}),
        bio: existing.bio.length > 0 ? existing.bio : (details.bio ?? ''),
      });
      return existing.id;
    }
    const person: Person = {
      id: `${this.prefix}-person-${slugify(name)}`,
      name: name.trim(),
      aliases: [],
      bio: details.bio ?? '',
      ...(details.role === undefined ? {} : { role: details.role }),
      ...(details.organization === undefined ? {} : { organization: details.organization }),
      sources: [this.source.id],
    };
    this.people.set(key, person);
    return person.id;
  }

  /** Adds a session; `key` (a UID, a GUID) becomes its id, made unique if the file repeats it. */
  session(key: string, fields: Omit<Session, 'id' | 'sources'>): void {
    let id = `${this.prefix}-${slugify(key)}`;
    for (let n = 2; this.sessionIds.has(id); n++) id = `${this.prefix}-${slugify(key)}-${n}`;
    this.sessionIds.add(id);
    this.sessions.push({ ...fields, id, sources: [this.source.id] });
  }

  /** The finished dataset. Conference dates cover every session, whatever the file declared. */
  build(hints: ConferenceHints): Dataset {
    const conference = conferenceFrom(hints, this.sessions, this.source.id);
    return {
      conference,
      sources: [this.source],
      sessions: this.sessions,
      people: [...this.people.values()],
      organizations: [...this.organizations.values()],
      announcements: [],
      projects: [],
      terms: [],
    };
  }
}

function mergeOrganization(
  existing: Organization,
  fields: Partial<Omit<Organization, 'id' | 'name' | 'sources'>>,
): Organization {
  return {
    ...existing,
    description: existing.description.length > 0 ? existing.description : (fields.description ?? ''),
    booths: [...new Set([...existing.booths, ...(fields.booths ?? [])])],
    ...(existing.url === undefined && fields.url !== undefined ? { url: fields.url } : {}),
    ...(existing.tier === undefined && fields.tier !== undefined ? { tier: fields.tier } : {}),
  };
}

function conferenceFrom(hints: ConferenceHints, sessions: readonly Session[], sourceId: string): Conference {
  const dates: string[] = [];
  for (const session of sessions) {
    for (const time of [session.start, session.end]) {
      if (time !== undefined) {
        const local = DateTime.fromISO(time, { zone: hints.timeZone });
        // An end at midnight belongs to the day before.
        const date =
          time === session.end && local.hour === 0 && local.minute === 0
            ? local.minus({ minutes: 1 })
            : local;
        dates.push(date.toISODate() ?? '');
      }
    }
  }
  if (hints.startDate !== undefined) dates.push(hints.startDate);
  if (hints.endDate !== undefined) dates.push(hints.endDate);
  const sorted = dates.filter((date) => date.length > 0).sort();
  // A file with no dates at all (an exhibitor list) is dated today, so it still validates.
  const today = DateTime.now().setZone(hints.timeZone).toISODate() ?? '1970-01-01';
  return {
    id: hints.id,
    name: hints.name,
    ...(hints.city === undefined ? {} : { city: hints.city }),
    ...(hints.country === undefined ? {} : { country: hints.country }),
    ...(hints.venue === undefined ? {} : { venue: hints.venue }),
    timeZone: hints.timeZone,
    startDate: sorted[0] ?? today,
    endDate: sorted[sorted.length - 1] ?? today,
    url: hints.url ?? 'https://example.invalid/',
    sources: [sourceId],
  };
}

/** Times as ISO 8601 with the conference's offset, the form the dataset stores. */
export function zonedIso(epochMs: number, timeZone: string): string {
  const offsetMinutes = zoneOffsetMinutes(epochMs, timeZone);
  const local = new Date(epochMs + offsetMinutes * 60_000).toISOString().slice(0, 19);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const hours = String(Math.floor(Math.abs(offsetMinutes) / 60)).padStart(2, '0');
  const minutes = String(Math.abs(offsetMinutes) % 60).padStart(2, '0');
  return `${local}${sign}${hours}:${minutes}`;
}

/**
 * The zone's offset from UTC at an instant, looked up once per zone and hour: an import converts hundreds of
 * times that fall in a few dozen hours, and asking the time-zone database each time dominated import time.
 */
const offsets = new Map<string, number>();
function zoneOffsetMinutes(epochMs: number, timeZone: string): number {
  const key = `${timeZone}@${Math.floor(epochMs / 3_600_000)}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    offset = DateTime.fromMillis(epochMs, { zone: timeZone }).offset;
    if (offsets.size > 10_000) offsets.clear();
    offsets.set(key, offset);
  }
  return offset;
}
