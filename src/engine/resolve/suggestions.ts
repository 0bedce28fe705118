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
  return {
    names,
    topics: popularTopics(context.catalog),
    organizations,
    browse: browseList(context.catalog),
  };
}

function browseList(catalog: Catalog): Suggestions['browse'] {
  if (catalog.dataset.organizations.length > 0) return 'organizations';
  return catalog.dataset.sessions.some((session) => session.track !== undefined) ? 'tracks' : 'speakers';
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

/**
 * Words that name a session's format or logistics rather than its subject: "Talk", "Workshop 50 Minutes",
 * "DJ Set", "devroom", "Solutions Showcase". A label made only of these is no topic to suggest.
 */
const FORMAT_WORDS: ReadonlySet<string> = new Set(
  (
    'talk talks lecture lectures session sessions keynote keynotes workshop workshops tutorial tutorials lightning ' +
    'panel panels demo demos meetup meetups bof dj set sets live performance performances podcast devroom maintrack ' +
    'main track tracks other others misc miscellaneous general minutes min long short break breaks lunch ' +
    'registration help desk evening event events open end showcase solutions opportunities project projects ' +
    'maintainer maintainers hosted co located day full'
  ).split(' '),
);

function isFormatLabel(label: string): boolean {
  return label
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .every((word) => word.length === 0 || FORMAT_WORDS.has(word));
}

/** A label on more than this share of the sessions tells them apart no better than the programme itself. */
const MAX_TOPIC_SHARE = 0.35;

/** The subjects (topics and tracks) that most sessions share, computed once per dataset. */
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
    count(session.track, 1);
  }
  const sessions = catalog.dataset.sessions.length;
  const topics: string[] = [];
  // Most common first, and the word test only until enough are found: a schedule has thousands of labels.
  for (const entry of [...counts.values()].sort((a, b) => b.count - a.count)) {
    if (topics.length === TOPIC_SUGGESTIONS) break;
    if (entry.count <= Math.max(2, sessions * MAX_TOPIC_SHARE) && !isFormatLabel(entry.label))
      topics.push(entry.label);
  }
  topicCache.set(catalog, topics);
  return topics;
}
