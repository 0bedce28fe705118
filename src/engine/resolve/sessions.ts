// Small facts about sessions that several resolvers share: order, kind families, ranking.
import type { Session, SessionKind } from '../../model/schema.ts';
import type { TextHit } from '../../search/text-index.ts';
import type { RankedSession } from '../finding.ts';

/** Keynotes in the broad sense: plain, sponsored, or any session on a keynote track (such as a keynote panel). */
export function isKeynote(session: Session): boolean {
  return (
    session.kind === 'keynote' || session.kind === 'sponsored-keynote' || /keynote/i.test(session.track ?? '')
  );
}

/** Whether a session is of the kind a question named; "keynote" covers the whole keynote family. */
export function matchesKind(session: Session, kind: SessionKind | string | undefined): boolean {
  if (kind === undefined) return true;
  if (kind === 'keynote') return isKeynote(session);
  if (kind === 'talk') return session.kind !== 'break';
  return session.kind === kind;
}

/** Whether a session is running or still to come at `nowMs`; one without a time is never known to be over. */
export function isAheadAt(session: Session, nowMs: number): boolean {
  const end = session.end ?? session.start;
  return end === undefined || Date.parse(end) > nowMs;
}

/** Start order; sessions without a time go last, then by title. */
export function byStart(a: Session, b: Session): number {
  const aStart = a.start === undefined ? Number.POSITIVE_INFINITY : Date.parse(a.start);
  const bStart = b.start === undefined ? Number.POSITIVE_INFINITY : Date.parse(b.start);
  return aStart - bStart || a.title.localeCompare(b.title);
}

/** Search hits on sessions, scored relative to the best one. */
export function rankedSessions(hits: readonly TextHit[]): RankedSession[] {
  const best = hits[0]?.score ?? 1;
  const ranked: RankedSession[] = [];
  for (const hit of hits) {
    if (hit.ref.type === 'session') ranked.push({ session: hit.ref.record, score: hit.score / best });
  }
  return ranked;
}

/** Fixed-score entries for lists that are ordered by time, not relevance. */
export function unranked(sessions: readonly Session[]): RankedSession[] {
  return sessions.map((session) => ({ session, score: 1 }));
}
