// "Who spoke about X?", "Which demo showed X?": sessions and announcements on a topic, best first.
import type { RecordType } from '../../model/catalog.ts';
import type { Finding, ResolveContext } from '../finding.ts';
import type { Intent } from '../intent.ts';
import { findProgrammePlace, placeFinding } from './programme-places.ts';
import { matchesKind } from './sessions.ts';
import { suggestionsFor } from './suggestions.ts';

const TOPIC_TYPES: ReadonlySet<RecordType> = new Set(['session', 'announcement']);
const TOPIC_LIMIT = 8;

export function resolveTopic(context: ResolveContext, intent: Extract<Intent, { kind: 'topic' }>): Finding {
  const miss: Finding = {
    kind: 'not-found',
    miss: { kind: 'topic', topic: intent.topic },
    suggestions: suggestionsFor(context, undefined),
  };
  // "Who spoke in the Go devroom?": everyone in that track, not the word "go".
  const place = findProgrammePlace(context.catalog, intent.topic, { bareRoom: false });
  if (place !== undefined) return placeFinding(place, context.now());
  let hits = context.text.find(intent.topic, { types: TOPIC_TYPES, limit: TOPIC_LIMIT * 2 });
  if (intent.sessionKind !== undefined) {
    const ofKind = hits.filter(
      (hit) => hit.ref.type === 'session' && matchesKind(hit.ref.record, intent.sessionKind),
    );
    if (ofKind.length > 0) hits = ofKind;
  }
  if (hits.length === 0) {
    // Nothing on the programme, but a person, organisation or project may still fit ("who talked about Syntasso").
    const others = context.text.find(intent.topic, { limit: TOPIC_LIMIT });
    if (others.length > 0) return { kind: 'search', hits: others };
    return miss;
  }
  const corrections = context.text.corrections(intent.topic);
  return {
    kind: 'topic',
    topic: intent.topic,
    ...(corrections.length === 0 ? {} : { corrections }),
    ...(intent.sessionKind === undefined ? {} : { sessionKind: intent.sessionKind }),
    hits: hits.slice(0, TOPIC_LIMIT),
  };
}
