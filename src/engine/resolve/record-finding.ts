// Builds the finding for one named record: a person, an organisation, a project or a term, with what links to it.
import type { Catalog } from '../../model/catalog.ts';
import type { Announcement, Organization } from '../../model/schema.ts';
import type { NameMatch } from '../../search/name-index.ts';
import { organizationKey } from '../../text/organization-key.ts';
import type { Finding, OrganizationFocus, ResolveContext } from '../finding.ts';
import { matchNote } from './lookup-name.ts';
import { byStart } from './sessions.ts';

const RELATED_SESSIONS = 3;

/** The finding for a matched name; `focus` says which side of an organisation the question is about. */
export function recordFinding(
  context: ResolveContext,
  typed: string,
  match: NameMatch,
  focus: OrganizationFocus,
): Finding {
  const { catalog } = context;
  const note = matchNote(typed, match);
  const ref = match.ref;
  switch (ref.type) {
    case 'person':
      return {
        kind: 'person',
        person: ref.record,
        sessions: [...(catalog.sessionsByPerson.get(ref.record.id) ?? [])].sort(byStart),
        match: note,
      };
    case 'organization': {
      const id = ref.record.id;
      return {
        kind: 'organization',
        organization: withSiblingBooths(catalog, ref.record),
        focus,
        people: catalog.peopleByOrganization.get(id) ?? [],
        sessions: [...(catalog.sessionsByOrganization.get(id) ?? [])].sort(byStart),
        announcements: catalog.announcementsByOrganization.get(id) ?? [],
        partnerIn: catalog.announcementsByPartner.get(id) ?? [],
        products: catalog.projectsByOrganization.get(id) ?? [],
        match: note,
      };
    }
    case 'project':
      return {
        kind: 'project',
        project: ref.record,
        sessions: [...(catalog.sessionsByProject.get(ref.record.id) ?? [])].sort(byStart),
        announcements: announcementsAbout(catalog, [ref.record.name, ...ref.record.aliases]),
        match: note,
      };
    case 'term': {
      const hits = context.text.find(ref.record.term, {
        types: new Set(['session']),
        limit: RELATED_SESSIONS,
      });
      return {
        kind: 'term',
        term: ref.record,
        sessions: hits.flatMap((hit) => (hit.ref.type === 'session' ? [hit.ref.record] : [])),
        match: note,
      };
    }
  }
}

/** The organisation with the booths of every record of the same name ("Baron Weather" at 913 and ES3 - 5). */
function withSiblingBooths(catalog: Catalog, organization: Organization): Organization {
  const siblings = catalog.organizationsByKey.get(organizationKey(organization.name)) ?? [];
  if (siblings.length <= 1) return organization;
  return { ...organization, booths: [...new Set(siblings.flatMap((sibling) => sibling.booths))] };
}

/** Announcements whose products carry one of the names. */
function announcementsAbout(catalog: Catalog, names: readonly string[]): Announcement[] {
  const wanted = new Set(names.map((name) => name.toLowerCase()));
  return catalog.dataset.announcements.filter((announcement) =>
    announcement.products.some((product) => wanted.has(product.toLowerCase())),
  );
}
