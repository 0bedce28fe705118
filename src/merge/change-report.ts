// What changed in the programme between two versions of a dataset: sessions added, cancelled or moved.
import type { Dataset, Session } from '../model/schema.ts';

/** A session that moved in time or room: before and after. */
export interface MovedSession {
  readonly id: string;
  readonly title: string;
  readonly before: Pick<Session, 'start' | 'end' | 'room'>;
  readonly after: Pick<Session, 'start' | 'end' | 'room'>;
}

/** The difference between two versions of a programme; kept for the daily digest. */
export interface ChangeReport {
  /** When the newer version was loaded (epoch ms). */
  readonly at: number;
  readonly added: ReadonlyArray<Pick<Session, 'id' | 'title' | 'start' | 'room'>>;
  readonly cancelled: ReadonlyArray<Pick<Session, 'id' | 'title' | 'start' | 'room'>>;
  readonly moved: readonly MovedSession[];
}

/** Compares sessions by id (ids come from the sources' own UIDs, so they are stable across refreshes). */
export function compareProgrammes(before: Dataset, after: Dataset, at: number): ChangeReport {
  const old = new Map(before.sessions.map((session) => [session.id, session]));
  const fresh = new Map(after.sessions.map((session) => [session.id, session]));
  const brief = (session: Session) => ({
    id: session.id,
    title: session.title,
    ...(session.start === undefined ? {} : { start: session.start }),
    ...(session.room === undefined ? {} : { room: session.room }),
  });
  const place = (session: Session) => ({
    ...(session.start === undefined ? {} : { start: session.start }),
    ...(session.end === undefined ? {} : { end: session.end }),
    ...(session.room === undefined ? {} : { room: session.room }),
  });
  const moved: MovedSession[] = [];
  for (const [id, session] of fresh) {
    const previous = old.get(id);
    if (previous === undefined) continue;
    const changed =
      time(previous.start) !== time(session.start) ||
      time(previous.end) !== time(session.end) ||
      (previous.room ?? '') !== (session.room ?? '');
    if (changed) moved.push({ id, title: session.title, before: place(previous), after: place(session) });
  }
  return {
    at,
    added: after.sessions.filter((session) => !old.has(session.id)).map(brief),
    cancelled: before.sessions.filter((session) => !fresh.has(session.id)).map(brief),
    moved,
  };
}

/** True when nothing changed. */
export function isEmptyReport(report: ChangeReport): boolean {
  return report.added.length === 0 && report.cancelled.length === 0 && report.moved.length === 0;
}

function time(iso: string | undefined): number | undefined {
  return iso === undefined ? undefined : Date.parse(iso);
}
