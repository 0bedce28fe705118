// What each record contributes to full-text search, field by field.
import type { Catalog, RecordRef } from '../model/catalog.ts';
import type { Organization, Person } from '../model/schema.ts';

/** The searchable fields, from most to least specific. */
export const SEARCH_FIELDS = ['title', 'names', 'topics', 'body'] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

/** Field boosts: a word in a title or a name says more about a record than one in its body. */
export const FIELD_BOOST: Readonly<Record<SearchField, number>> = {
  title: 2.5,
  names: 2,
  topics: 1.8,
  body: 1,
};

/** Returns the text of one field of one record. */
export function recordField(catalog: Catalog, ref: RecordRef, field: SearchField): string {
  switch (ref.type) {
    case 'session': {
      const session = ref.record;
      if (field === 'title') return session.title;
      if (field === 'names') {
        const speakers = session.speakers.map((id) => catalog.people.get(id));
        return [
          ...speakers.map(personNames),
          ...speakers.map((person) =>
            organizationNames(catalog.organizations.get(person?.organization ?? '')),
          ),
          ...session.organizations.map((id) => organizationNames(catalog.organizations.get(id))),
          ...session.projects.map((id) => namesOf(catalog.projects.get(id))),
        ].join(' ');
      }
      if (field === 'topics')
        return [...session.topics, session.track ?? '', session.room ?? '', session.kind].join(' ');
      return session.summary;
    }
    case 'person': {
      const person = ref.record;
      if (field === 'title') return person.name;
      if (field === 'names')
        return [
          person.aliases.join(' '),
          organizationNames(catalog.organizations.get(person.organization ?? '')),
        ].join(' ');
      if (field === 'topics') return person.role ?? '';
      return person.bio;
    }
    case 'organization': {
      const organization = ref.record;
      if (field === 'title') return organization.name;
      if (field === 'names') return organization.aliases.join(' ');
      if (field === 'topics')
        return [organization.kind, organization.tier ?? '', ...organization.booths].join(' ');
      return organization.description;
    }
    case 'announcement': {
      const announcement = ref.record;
      if (field === 'title') return announcement.title;
      if (field === 'names')
        return [announcement.organization, ...announcement.partners]
          .map((id) => organizationNames(catalog.organizations.get(id)))
          .join(' ');
      if (field === 'topics') return ['announcement', ...announcement.products].join(' ');
      return announcement.summary;
    }
    case 'project': {
      const project = ref.record;
      if (field === 'title') return project.name;
      if (field === 'names')
        return [
          project.aliases.join(' '),
          organizationNames(catalog.organizations.get(project.organization ?? '')),
        ].join(' ');
      if (field === 'topics') return [project.kind, project.maturity ?? ''].join(' ');
      return project.description;
    }
    case 'term': {
      const term = ref.record;
      if (field === 'title') return term.term;
      if (field === 'names') return term.aliases.join(' ');
      if (field === 'topics') return '';
      return term.definition;
    }
  }
}

function personNames(person: Person | undefined): string {
  return person === undefined ? '' : [person.name, ...person.aliases].join(' ');
}

function organizationNames(organization: Organization | undefined): string {
  return namesOf(organization);
}

function namesOf(record: { name: string; aliases: readonly string[] } | undefined): string {
  return record === undefined ? '' : [record.name, ...record.aliases].join(' ');
}
