// "Who is X?", "What is X?": a person, organisation, project, term or the conference itself.

import { programmeDays } from '../../model/programme-days.ts';
import { wordTokens } from '../../text/normalize.ts';
import type { Finding, ResolveContext } from '../finding.ts';
import type { Intent } from '../intent.ts';
import { lookupName } from './lookup-name.ts';
import { findProgrammePlace, placeFinding } from './programme-places.ts';
import { recordFinding } from './record-finding.ts';
import { suggestionsFor } from './suggestions.ts';

const WHO_FIRST = ['person', 'organization', 'project', 'term'] as const;
const WHAT_FIRST = ['project', 'term', 'organization', 'person'] as const;
const ABOUT_THE_EVENT = new Set(['conference', 'event', 'venue', 'this', 'it', 'here']);

export function resolveIdentify(
  context: ResolveContext,
  intent: Extract<Intent, { kind: 'identify' }>,
): Finding {
  const { subject } = intent;
  if (isTheConference(context, subject)) {
    const { conference } = context.catalog;
    return { kind: 'conference', conference, days: programmeDays(context.catalog) };
  }
  // "What's in the Rust devroom?": a track or a room, before any name; "what is Janson?": a room, after them.
  const findPlace = (bareRoom: boolean) =>
    intent.asked === 'what' ? findProgrammePlace(context.catalog, subject, { bareRoom }) : undefined;
  const namedPlace = findPlace(false);
  if (namedPlace !== undefined) return placeFinding(namedPlace, context.now());
  const lookup = lookupName(context, subject, intent.asked === 'who' ? WHO_FIRST : WHAT_FIRST);
  if (lookup.kind === 'found') return recordFinding(context, subject, lookup.match, 'profile');
  if (lookup.kind === 'ambiguous')
    return { kind: 'ambiguous', typed: subject, candidates: lookup.candidates };
  const room = findPlace(true);
  if (room !== undefined) return placeFinding(room, context.now());

  const hits = context.text.find(subject, { limit: 8 });
  if (hits.length > 0) return { kind: 'search', hits };
  return {
    kind: 'not-found',
    miss: { kind: 'name', name: subject, expected: intent.asked === 'who' ? 'person' : 'any' },
    suggestions: suggestionsFor(context, subject),
  };
}

/** "What is <event>?", "where is the conference?": every word names the event itself. */
export function isTheConference(context: ResolveContext, subject: string): boolean {
  const words = wordTokens(subject);
  const eventWords =
    words.length > 0 && words.every((word) => context.conferenceWords.has(word) || ABOUT_THE_EVENT.has(word));
  // A company named like an event word ("HERE") is that company.
  return eventWords && !context.names.find(subject).some((match) => match.exact && match.quality >= 1);
}
