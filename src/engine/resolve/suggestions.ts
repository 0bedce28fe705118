// What to offer when nothing fits: names close to what was typed, and topics the dataset does cover.
import type { Catalog } from '../../model/catalog.ts';
import type { NamedType } from '../../search/name-index.ts';
import type { ResolveContext, Suggestions } from '../finding.ts';

const TOPIC_SUGGESTIONS = 5;
const topicCache = new WeakMap<Catalog, readonly string[]>();

/** Suggestions for a miss: close names (when a name was typed) and the dataset's most covered topics. */
export function suggestionsFor(
  context: ResolveContext,
  typed: string | undefined,
  types?: ReadonlySet<NamedType>,
): Suggestions {
  const names = typed === undefined ? [] : context.names.suggest(typed, types);
  const organizations = types?.has('organization') === true ? busiestOrganizations(context.catalog) : [];
  return { names, topics: popularTopics(context.catalog), organizations };
}

const ORGANIZATION_SUGGESTIONS = 5;

/** Organisations with announcements first, then those in the most sessions. */
function busiestOrganizations(catalog: Catalog): string[] {
  const activity = (id: string): number =>
    (catalog.announcementsByOrganization.get(id)?.length ?? 0) * 100 +
    (catalog.sessionsByOrganization.get(id)?.length ?? 0);
  return catalog.dataset.organizations
    .filter((organization) => organization.kind !== 'fictional' && activity(organization.id) > 0)
    .sort((a, b) => activity(b.id) - activity(a.id))
    .slice(0, ORGANIZATION_SUGGESTIONS)
    .map((organization) => organization.name);
}

/** The topics and tracks that most sessions share, computed once per dataset. */
export function popularTopics(catalog: Catalog): readonly string[] {
  const cached = topicCache.get(catalog);
  if (cached !== undefined) return cached;
  const counts = new Map<string, { label: string; count: number }>();
  const count = (label: string | undefined, weight: number): void => {
    if (label === undefined || label.length === 0 || label.length > 40) return;
    const key = label.toLowerCase();
    const entry = counts.get(key) ?? { label, count: 0 };
    entry.count += weight;
    counts.set(key, entry);
  };
  for (const session of catalog.dataset.sessions) {
    for (const topic of session.topics) count(topic, 1);
    if (!/keynote|registration|break|lunch/i.test(session.track ?? '')) count(session.track, 1);
  }
  const topics = [...counts.values()]
    .sort((a, b) => b.count - a.count)
    .slice(0, TOPIC_SUGGESTIONS)
    .map((entry) => entry.label);
  topicCache.set(catalog, topics);
  return topics;
}
