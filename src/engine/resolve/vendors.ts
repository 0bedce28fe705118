// "Which sponsors do drone software?", "who sells observability?": organisations by what they offer.
import type { Organization } from '../../model/schema.ts';
import { foldText, wordTokens } from '../../text/normalize.ts';
import type { Finding, ResolveContext } from '../finding.ts';
import type { Intent, VendorRole } from '../intent.ts';
import { suggestionsFor } from './suggestions.ts';

const VENDOR_LIMIT = 10;

export function resolveVendors(
  context: ResolveContext,
  intent: Extract<Intent, { kind: 'vendors' }>,
): Finding {
  if (intent.listing === true) {
    const listed = byTier(context, intent.role, intent.topic);
    if (listed !== undefined) return listed;
    // No tier of that name ("drone sponsors"): the words may describe what they do.
    const described =
      intent.topic.length > 0
        ? resolveVendors(context, { kind: 'vendors', role: intent.role, topic: intent.topic })
        : undefined;
    if (described !== undefined && described.kind !== 'not-found') return described;
    const asked = `${intent.topic} ${intent.role === 'any' ? 'organisations' : `${intent.role}s`}`.trim();
    return {
      kind: 'not-found',
      miss: { kind: 'topic', topic: asked },
      suggestions: suggestionsFor(context, undefined),
    };
  }
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

/** Tiers in the order sponsors are usually thanked; others after them. */
const TIER_ORDER = ['diamond', 'titanium', 'platinum', 'gold', 'silver', 'bronze'];

function tierRank(organization: Organization): number {
  const tier = foldText(organization.tier ?? '');
  const rank = TIER_ORDER.findIndex((name) => tier.includes(name));
  return rank === -1 ? TIER_ORDER.length : rank;
}

/** Every organisation of the role whose tier holds the words `tier` (all when empty); undefined when none does. */
function byTier(context: ResolveContext, role: VendorRole, tier: string): Finding | undefined {
  const words = wordTokens(tier);
  const organizations = context.catalog.dataset.organizations
    .filter((organization) => organization.kind !== 'fictional' && hasRole(organization, role))
    .filter((organization) => {
      const tierWords = new Set(wordTokens(organization.tier ?? ''));
      return words.every((word) => tierWords.has(word));
    })
    .sort((a, b) => tierRank(a) - tierRank(b) || a.name.localeCompare(b.name));
  if (organizations.length === 0) return undefined;
  return { kind: 'vendors', role, topic: tier, organizations, roleMatched: true, listing: true };
}

function hasRole(organization: Organization, role: VendorRole): boolean {
  const sponsor = organization.kind === 'sponsor' || /sponsor/i.test(organization.tier ?? '');
  if (role === 'sponsor') return sponsor;
  if (role === 'exhibitor')
    return sponsor || organization.kind === 'exhibitor' || organization.booths.length > 0;
  return true;
}
