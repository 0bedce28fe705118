// "Who spoke about X?", "Which demo showed X?": sessions and announcements on a topic, best first.
import type { RecordRef, RecordType } from '../../model/catalog.ts';
import type { TextHit } from '../../search/text-index.ts';
import type { Finding, ResolveContext } from '../finding.ts';
import type { Intent } from '../intent.ts';
import { findProgrammePlace, placeFinding } from './programme-places.ts';
import { matchesKind } from './sessions.ts';
import { suggestionsFor } from './suggestions.ts';
import { resolveVendors } from './vendors.ts';

const TOPIC_TYPES: ReadonlySet<RecordType> = new Set(['session', 'announcement']);
const TOPIC_LIMIT = 8;

/** Service sessions (breaks, registration) are no talk on anything, whatever words their titles share. */
function isNoService(hit: { readonly ref: RecordRef }): boolean {
  return hit.ref.type !== 'session' || hit.ref.record.kind !== 'break';
}

/** The index's share-of-best floor, applied again once service sessions are out of the ranking. */
const RELATIVE_FLOOR = 0.12;

/**
 * Hits with service sessions left out. A short break title ("Lunch and coffee") can outscore the talks so far
 * that the index drops them as weak, so when a break ranks, the search runs again without that floor.
 */
function withoutService(
  context: ResolveContext,
  topic: string,
  types: ReadonlySet<RecordType> | undefined,
  limit: number,
): TextHit[] {
  const options = { ...(types === undefined ? {} : { types }), limit };
  const hits = context.text.find(topic, options);
  if (hits.every(isNoService)) return hits;
  const rest = context.text.find(topic, { ...options, minRelativeScore: 0 }).filter(isNoService);
  const best = rest[0]?.score ?? 0;
  return rest.filter((hit) => hit.score >= best * RELATIVE_FLOOR);
}

export function resolveTopic(context: ResolveContext, intent: Extract<Intent, { kind: 'topic' }>): Finding {
  const miss: Finding = {
    kind: 'not-found',
    miss: { kind: 'topic', topic: intent.topic },
    suggestions: suggestionsFor(context, undefined),
  };
  // "Who spoke in the Go devroom?": everyone in that track, not the word "go".
  const place = findProgrammePlace(context.catalog, intent.topic, {
    bareRoom: false,
    ...(intent.placed === true ? { placed: true } : {}),
  });
  if (place !== undefined) return placeFinding(place, context.now());
  // An exhibitor list has no sessions: "who does X?" asks which organisations do X.
  if (context.catalog.dataset.sessions.length === 0)
    return resolveVendors(context, { kind: 'vendors', role: 'any', topic: intent.topic });
  // The whole topic first; then, if it matches nothing, each of its parts ("… is anyone doing flood intelligence?").
  let topic = intent.topic;
  let hits = withoutService(context, topic, TOPIC_TYPES, TOPIC_LIMIT * 2);
  for (const alternative of intent.alternatives ?? []) {
    if (hits.length > 0) break;
    topic = alternative;
    hits = withoutService(context, topic, TOPIC_TYPES, TOPIC_LIMIT * 2);
  }
  if (intent.sessionKind !== undefined) {
    const ofKind = hits.filter(
      (hit) => hit.ref.type === 'session' && matchesKind(hit.ref.record, intent.sessionKind),
    );
    if (ofKind.length > 0) hits = ofKind;
  }
  if (hits.length === 0) {
    // Nothing on the programme, but a person, organisation or project may still fit ("who talked about Syntasso").
    const others = withoutService(context, intent.topic, undefined, TOPIC_LIMIT);
    if (others.length > 0) return { kind: 'search', hits: others };
    return miss;
  }
  const corrections = context.text.corrections(topic);
  return {
    kind: 'topic',
    topic,
    ...(corrections.length === 0 ? {} : { corrections }),
    ...(intent.sessionKind === undefined ? {} : { sessionKind: intent.sessionKind }),
    hits: hits.slice(0, TOPIC_LIMIT),
  };
}
