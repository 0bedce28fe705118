// "Which sponsors do drone software?", "who sells observability?": organisations by what they offer.
import type { Organization } from '../../model/schema.ts';
import type { Finding, ResolveContext } from '../finding.ts';
import type { Intent, VendorRole } from '../intent.ts';
import { suggestionsFor } from './suggestions.ts';

const VENDOR_LIMIT = 10;

export function resolveVendors(
  context: ResolveContext,
  intent: Extract<Intent, { kind: 'vendors' }>,
): Finding {
  const hits = context.text.find(intent.topic, { types: new Set(['organization']), limit: VENDOR_LIMIT * 3 });
  const organizations = hits.flatMap((hit) => (hit.ref.type === 'organization' ? [hit.ref.record] : []));
  if (organizations.length === 0) {
    return {
      kind: 'not-found',
      miss: { kind: 'topic', topic: intent.topic },
      suggestions: suggestionsFor(context, undefined),
    };
  }
  const ofRole = organizations.filter((organization) => hasRole(organization, intent.role));
  const roleMatched = ofRole.length > 0;
  return {
    kind: 'vendors',
    role: intent.role,
    topic: intent.topic,
    organizations: (roleMatched ? ofRole : organizations).slice(0, VENDOR_LIMIT),
    roleMatched,
  };
}

function hasRole(organization: Organization, role: VendorRole): boolean {
  const sponsor = organization.kind === 'sponsor' || /sponsor/i.test(organization.tier ?? '');
  if (role === 'sponsor') return sponsor;
  if (role === 'exhibitor')
    return sponsor || organization.kind === 'exhibitor' || organization.booths.length > 0;
  return true;
}
