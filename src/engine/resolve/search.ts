// Anything else: ranked full-text search over every record, with the relevance floor.
import type { Finding, ResolveContext } from '../finding.ts';
import type { Intent } from '../intent.ts';
import { findProgrammePlace, placeFinding } from './programme-places.ts';
import { suggestionsFor } from './suggestions.ts';

const SEARCH_LIMIT = 8;

export function resolveSearch(context: ResolveContext, intent: Extract<Intent, { kind: 'search' }>): Finding {
  // "rust devroom", "sessions in Hall 12"; a bare word that names a room ("fuse") is searched as a word.
  const place = findProgrammePlace(context.catalog, intent.text, { bareRoom: false });
  if (place !== undefined) return placeFinding(place, context.now());
  const hits = context.text.find(intent.text, { limit: SEARCH_LIMIT });
  if (hits.length > 0) return { kind: 'search', hits };
  return {
    kind: 'not-found',
    miss: { kind: 'nothing', text: intent.text },
    suggestions: suggestionsFor(context, intent.text),
  };
}
