// Orders a user's starred sessions by time and finds which of them overlap.
import type { Catalog } from '../model/catalog.ts';
import type { Session } from '../model/schema.ts';
import { localDate } from '../time/conference-time.ts';

/** One starred session, with the starred sessions it overlaps. */
export interface AgendaEntry {
  readonly session: Session;
  readonly startMs?: number;
  readonly endMs?: number;
  readonly clashesWith: readonly Session[];
}

/**
 * The starred sessions the data still has, in start order (untimed last), each with the others it overlaps.
 * `date` keeps one conference day's (in the conference's zone). Ids the data no longer has are `gone`.
 */
export function agendaEntries(
  catalog: Catalog,
  sessionIds: readonly string[],
  date?: string,
): { readonly entries: AgendaEntry[]; readonly gone: string[] } {
  const zone = catalog.conference.timeZone;
  const gone: string[] = [];
  const timed: Array<{ session: Session; startMs?: number; endMs?: number }> = [];
  for (const id of new Set(sessionIds)) {
    const session = catalog.sessions.get(id);
    if (session === undefined) {
      gone.push(id);
      continue;
    }
    const startMs = session.start === undefined ? undefined : Date.parse(session.start);
    const endMs = session.end === undefined ? startMs : Date.parse(session.end);
    if (date !== undefined && (startMs === undefined || localDate(startMs, zone) !== date)) continue;
    timed.push({
      session,
      ...(startMs === undefined ? {} : { startMs }),
      ...(endMs === undefined ? {} : { endMs }),
    });
  }
  timed.sort(
    (a, b) =>
      (a.startMs ?? Infinity) - (b.startMs ?? Infinity) || a.session.title.localeCompare(b.session.title),
  );
  const entries = timed.map((entry) => ({
    ...entry,
    clashesWith: timed
      .filter((other) => other !== entry && overlaps(entry, other))
      .map((other) => other.session),
  }));
  return { entries, gone };
}

function overlaps(
  a: { readonly startMs?: number; readonly endMs?: number },
  b: { readonly startMs?: number; readonly endMs?: number },
): boolean {
  if (a.startMs === undefined || b.startMs === undefined) return false;
  // A session with no end is taken as a moment; two at the same moment clash.
  const aEnd = Math.max(a.endMs ?? a.startMs, a.startMs + 1);
  const bEnd = Math.max(b.endMs ?? b.startMs, b.startMs + 1);
  return a.startMs < bEnd && b.startMs < aEnd;
}
