// "Where is X?", "When is X?", "Who is at booth 12?": rooms and times of sessions, people and exhibitors.
import { programmeDays } from '../../model/programme-days.ts';
import type { Session } from '../../model/schema.ts';
import { normalizePhrase } from '../../text/normalize.ts';
import type { Finding, RankedSession, ResolveContext } from '../finding.ts';
import type { Intent } from '../intent.ts';
import { isTheConference } from './identify.ts';
import { lookupName } from './lookup-name.ts';
import { findProgrammePlace, placeFinding } from './programme-places.ts';
import { recordFinding } from './record-finding.ts';
import { byStart, isAheadAt, matchesKind, rankedSessions, unranked } from './sessions.ts';
import { suggestionsFor } from './suggestions.ts';

/** A name must match this well before "where is X" is read as a person or exhibitor rather than a talk. */
const CONFIDENT_NAME = 0.75;
const PLACE_LIMIT = 3;
/** The share of a subject's weight a session must match; a typo or prefix match counts for 0.75 of a word. */
const WHOLE_SUBJECT_COVERAGE = 0.74;

export function resolvePlace(
  context: ResolveContext,
  intent: Extract<Intent, { kind: 'where' | 'when' }>,
): Finding {
  const { subject } = intent;
  if (isTheConference(context, subject)) {
    const { conference } = context.catalog;
    return { kind: 'conference', conference, days: programmeDays(context.catalog) };
  }
  const lookup =
    intent.sessionKind === undefined ? lookupName(context, subject, ['person', 'organization']) : undefined;
  if (lookup !== undefined) {
    if (lookup.kind === 'found' && lookup.match.quality >= CONFIDENT_NAME) {
      const ref = lookup.match.ref;
      if (ref.type === 'person') {
        const sessions = [...(context.catalog.sessionsByPerson.get(ref.record.id) ?? [])].sort(byStart);
        if (sessions.length > 0) {
          const reason = { kind: intent.kind, subject, person: ref.record };
          return { kind: 'sessions', reason, sessions: unranked(sessions) };
        }
      }
      if (ref.type === 'organization') return recordFinding(context, subject, lookup.match, 'location');
    }
  }
  // "Where is the Rust devroom?", "where is Hall 12?": the rooms and days of a track or room.
  const place =
    intent.sessionKind === undefined
      ? findProgrammePlace(context.catalog, subject, { bareRoom: true })
      : undefined;
  if (place !== undefined) return placeFinding(place, context.now());
  // A session answers "where is X?" only when it matches (nearly) every word of X: "the SAP HANA keynote" is not
  // whichever keynote mentions SAP.
  let hits = context.text
    .find(subject, { types: new Set(['session']), limit: 10 })
    .filter((hit) => hit.coverage >= WHOLE_SUBJECT_COVERAGE);
  if (intent.sessionKind !== undefined) {
    const ofKind = hits.filter(
      (hit) => hit.ref.type === 'session' && matchesKind(hit.ref.record, intent.sessionKind),
    );
    if (ofKind.length > 0) hits = ofKind;
  }
  // "When is the Red Hat keynote?": that organisation's (or person's) keynote, when it has one; unless a title
  // holds every word asked where the name holds only some ("the Helm 4 talk" is a title, not Helm's talks).
  if (intent.sessionKind !== undefined) {
    const owned = ownedSessionsOfKind(context, subject, intent.sessionKind);
    const titled = hits.some((hit) => hit.coverage >= 1) && !owned.wholeName;
    if (owned.sessions.length > 0 && !titled)
      return {
        kind: 'sessions',
        reason: { kind: intent.kind, subject },
        sessions: unranked(owned.sessions).slice(0, PLACE_LIMIT),
      };
  }
  const sessions = nextOccurrenceFirst(rankedSessions(hits), context.now()).slice(0, PLACE_LIMIT);
  if (sessions.length > 0) return { kind: 'sessions', reason: { kind: intent.kind, subject }, sessions };
  // No session fits: a looser name match ("Trimble" for "Trimble Inc.") is still the best answer.
  if (lookup?.kind === 'found' && lookup.match.ref.type === 'organization')
    return recordFinding(context, subject, lookup.match, 'location');
  return {
    kind: 'not-found',
    miss: { kind: 'topic', topic: subject },
    suggestions: suggestionsFor(context, subject),
  };
}

/**
 * A session that repeats ("Badge pick-up" each day, "Lunch") is asked about for its next time: when the best match is
 * over and a session of the same title is still ahead, that one leads.
 */
function nextOccurrenceFirst(sessions: readonly RankedSession[], nowMs: number): RankedSession[] {
  const best = sessions[0];
  if (best === undefined) return [];
  const title = normalizePhrase(best.session.title);
  const isAhead = ({ session }: RankedSession) => isAheadAt(session, nowMs);
  if (isAhead(best)) return [...sessions];
  const next = sessions
    .filter((candidate) => normalizePhrase(candidate.session.title) === title && isAhead(candidate))
    .sort((a, b) => byStart(a.session, b.session))[0];
  if (next === undefined) return [...sessions];
  return [{ ...next, score: best.score }, ...sessions.filter((candidate) => candidate !== next)];
}

/** The sessions of the kind asked that belong to the organisation or person the subject names, in time order. */
function ownedSessionsOfKind(
  context: ResolveContext,
  subject: string,
  sessionKind: string,
): { readonly sessions: readonly Session[]; readonly wholeName: boolean } {
  const lookup = lookupName(context, subject, ['organization', 'person']);
  if (lookup.kind !== 'found' || lookup.match.quality < CONFIDENT_NAME)
    return { sessions: [], wholeName: false };
  const { ref } = lookup.match;
  const sessions =
    ref.type === 'organization'
      ? context.catalog.sessionsByOrganization.get(ref.record.id)
      : ref.type === 'person'
        ? context.catalog.sessionsByPerson.get(ref.record.id)
        : undefined;
  return {
    sessions: [...(sessions ?? [])].filter((session) => matchesKind(session, sessionKind)).sort(byStart),
    wholeName: lookup.match.quality >= 1,
  };
}

export function resolveBooth(context: ResolveContext, intent: Extract<Intent, { kind: 'booth' }>): Finding {
  const wanted = intent.booth.toLowerCase();
  const organizations = context.catalog.dataset.organizations.filter((organization) =>
    organization.booths.some(
      (booth) => booth.toLowerCase() === wanted || booth.toLowerCase().endsWith(` ${wanted}`),
    ),
  );
  if (organizations.length > 0) return { kind: 'booth', booth: intent.booth, organizations };
  return {
    kind: 'not-found',
    miss: { kind: 'booth', booth: intent.booth },
    suggestions: suggestionsFor(context, undefined),
  };
}
