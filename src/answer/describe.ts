// How records read in an answer: people with their organisation, kinds of session, times and places.
import type { Catalog } from '../model/catalog.ts';
import type { Person, ProjectKind, Session, SessionKind } from '../model/schema.ts';
import { formatTimeRange } from '../time/conference-time.ts';

const SESSION_KIND_LABELS: Readonly<Record<SessionKind, string>> = {
  keynote: 'keynote',
  'sponsored-keynote': 'sponsored keynote',
  talk: 'talk',
  panel: 'panel',
  demo: 'demo',
  'lightning-talk': 'lightning talk',
  workshop: 'workshop',
  tutorial: 'tutorial',
  'booth-conversation': 'showcase floor conversation',
  meetup: 'meetup',
  break: 'break',
  other: 'session',
};

export function sessionKindLabel(kind: SessionKind | string): string {
  return SESSION_KIND_LABELS[kind as SessionKind] ?? kind;
}

const PROJECT_KIND_LABELS: Readonly<Record<ProjectKind, string>> = {
  cncf: 'CNCF project',
  'open-source': 'open source project',
  product: 'product',
  fictional: 'made-up example project',
};

export function projectKindLabel(kind: ProjectKind): string {
  return PROJECT_KIND_LABELS[kind];
}

/** "Abby Bangser (Syntasso)", or just the name when the organisation is unknown. */
export function personLabel(catalog: Catalog, person: Person): string {
  const organization = catalog.organizations.get(person.organization ?? '');
  return organization === undefined ? person.name : `${person.name} (${organization.name})`;
}

/** The speakers of a session with their organisations; undefined when the sources name nobody. */
export function speakersLabel(catalog: Catalog, session: Session): string | undefined {
  const people = session.speakers.flatMap((id) => {
    const person = catalog.people.get(id);
    return person === undefined ? [] : [personLabel(catalog, person)];
  });
  return people.length === 0 ? undefined : joinWords(people);
}

/** Who is behind a session: its speakers, or else the organisations it names. */
export function presentersLabel(catalog: Catalog, session: Session): string | undefined {
  const speakers = speakersLabel(catalog, session);
  if (speakers !== undefined) return speakers;
  const organizations = organizationNames(catalog, session.organizations);
  return organizations.length === 0 ? undefined : joinWords(organizations);
}

export function organizationNames(catalog: Catalog, ids: readonly string[]): string[] {
  return ids.flatMap((id) => {
    const organization = catalog.organizations.get(id);
    return organization === undefined ? [] : [organization.name];
  });
}

/** Names of everyone speaking in a session. */
export function speakerNames(catalog: Catalog, session: Session): string[] {
  return session.speakers.flatMap((id) => {
    const person = catalog.people.get(id);
    return person === undefined ? [] : [person.name];
  });
}

/** Organisations of a session: named on it, then those of its speakers, each once. */
export function sessionOrganizationNames(catalog: Catalog, session: Session): string[] {
  const ids = [...session.organizations];
  for (const id of session.speakers) {
    const organization = catalog.people.get(id)?.organization;
    if (organization !== undefined) ids.push(organization);
  }
  return [...new Set(organizationNames(catalog, ids))];
}

const whenCache = new WeakMap<Session, string | undefined>();

/** "Thu 26 Mar, 09:34–09:44 CET", in the conference's zone; undefined when the sources give no time. */
export function sessionWhen(catalog: Catalog, session: Session): string | undefined {
  if (whenCache.has(session)) return whenCache.get(session);
  const when =
    session.start === undefined
      ? undefined
      : formatTimeRange(
          Date.parse(session.start),
          session.end === undefined ? undefined : Date.parse(session.end),
          catalog.conference.timeZone,
        );
  whenCache.set(session, when);
  return when;
}

/** "a, b and c". */
export function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** Cuts text to about `max` characters at a word boundary, marking the cut. */
export function shorten(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > max * 0.6 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:.–-]+$/, '')}…`;
}

/** Puts a title in quotes for a sentence. */
export function quoted(text: string): string {
  return `“${text}”`;
}

/** "1 session", "3 sessions". */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** The singular of the plural nouns answers count in: "sessions" → "session", "people" → "person". */
export function singularNoun(plural: string): string {
  if (plural === 'people') return 'person';
  if (/ies$/.test(plural)) return plural.replace(/ies$/, 'y');
  if (/(?:ch|sh|x|ss)es$/.test(plural)) return plural.replace(/es$/, '');
  return plural.replace(/s$/, '');
}

/** "a sandbox CNCF project", "an incubating project". */
export function withArticle(phrase: string): string {
  return `${/^[aeiou]/i.test(phrase) ? 'an' : 'a'} ${phrase}`;
}
