// "What did X announce / present?", "Who works at X?", "Did anyone partner with X?".
import type { RecordType } from '../../model/catalog.ts';
import type { Announcement } from '../../model/schema.ts';
import type { Finding, ResolveContext } from '../finding.ts';
import type { Intent } from '../intent.ts';
import { lookupName } from './lookup-name.ts';
import { recordFinding } from './record-finding.ts';
import { suggestionsFor } from './suggestions.ts';

const ACTIVITY_TYPES: ReadonlySet<RecordType> = new Set(['session', 'announcement']);
const ORGANIZATIONS = new Set(['organization'] as const);

export function resolveActivity(
  context: ResolveContext,
  intent: Extract<Intent, { kind: 'activity' }>,
): Finding {
  const lookup = lookupName(context, intent.subject, ['organization', 'person', 'project']);
  if (lookup.kind === 'found') return recordFinding(context, intent.subject, lookup.match, intent.focus);
  if (lookup.kind === 'ambiguous')
    return { kind: 'ambiguous', typed: intent.subject, candidates: lookup.candidates };

  // Not a known name: the words may still describe sessions ("what did the GPU folks show?").
  const hits = context.text.find(intent.subject, { types: ACTIVITY_TYPES, limit: 8 });
  if (hits.length > 0) return { kind: 'topic', topic: intent.subject, hits };
  return unknownOrganization(context, intent.subject);
}

export function resolveMembers(
  context: ResolveContext,
  intent: Extract<Intent, { kind: 'members' }>,
): Finding {
  const lookup = lookupName(context, intent.organization, ['organization']);
  if (lookup.kind === 'found') return recordFinding(context, intent.organization, lookup.match, 'members');
  if (lookup.kind === 'ambiguous')
    return { kind: 'ambiguous', typed: intent.organization, candidates: lookup.candidates };
  return unknownOrganization(context, intent.organization);
}

export function resolvePartnership(
  context: ResolveContext,
  intent: Extract<Intent, { kind: 'partnership' }>,
): Finding {
  const { catalog } = context;
  const lookup = lookupName(context, intent.partner, ['organization']);
  if (lookup.kind === 'found' && lookup.match.ref.type === 'organization') {
    const partner = lookup.match.ref.record;
    const announcements: Announcement[] = [
      ...(catalog.announcementsByPartner.get(partner.id) ?? []),
      ...(catalog.announcementsByOrganization.get(partner.id) ?? []).filter((a) => a.partners.length > 0),
    ];
    if (announcements.length > 0) return { kind: 'partnership', partner: partner.name, announcements };
  }
  const hits = context.text.find(intent.partner, { types: new Set(['announcement']), limit: 8 });
  const announcements = hits.flatMap((hit) => (hit.ref.type === 'announcement' ? [hit.ref.record] : []));
  if (announcements.length > 0) return { kind: 'partnership', partner: intent.partner, announcements };
  return unknownOrganization(context, intent.partner);
}

/** "I have nothing from X", with close names or the organisations the dataset does know. */
function unknownOrganization(context: ResolveContext, name: string): Finding {
  return {
    kind: 'not-found',
    miss: { kind: 'name', name, expected: 'organization' },
    suggestions: suggestionsFor(context, name, ORGANIZATIONS),
  };
}
