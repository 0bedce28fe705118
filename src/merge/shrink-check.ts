// Whether a new version of a source lost most of its programme: the mark of a glitch, not of a real change.
import type { Dataset } from '../model/schema.ts';
import { localDate } from '../time/conference-time.ts';

/** Why a new version looks like a glitch: it lost more than half of the sessions, or every session of a day ahead. */
export type ShrinkReason = 'lost-most-sessions' | 'lost-a-day';

export type ShrinkCheck =
  | { readonly kind: 'kept-most' }
  | {
      readonly kind: 'shrunk';
      readonly reason: ShrinkReason;
      /** Sessions before and after. */
      readonly before: number;
      readonly after: number;
      /** The day ahead that lost every session (`lost-a-day`), as a local date. */
      readonly day?: string;
    };

/**
 * Compares two versions of one source. Sessions are matched by id, as the change report matches them, so a feed
 * whose ids all changed counts as having lost them: the report would call every session cancelled. "A day still
 * to come" is today or later in the conference's zone, at `now`.
 */
export function checkShrink(before: Dataset, after: Dataset, now: number): ShrinkCheck {
  const counts = { before: before.sessions.length, after: after.sessions.length };
  const kept = new Set(after.sessions.map((session) => session.id));
  const lost = before.sessions.filter((session) => !kept.has(session.id)).length;
  if (lost * 2 > counts.before) return { kind: 'shrunk', reason: 'lost-most-sessions', ...counts };
  const zone = before.conference.timeZone;
  const today = localDate(now, zone);
  const daysAfter = new Set(after.sessions.flatMap((session) => sessionDay(session.start, zone)));
  const emptied = before.sessions
    .flatMap((session) => sessionDay(session.start, zone))
    .filter((day) => day >= today && !daysAfter.has(day))
    .sort()[0];
  if (emptied !== undefined) return { kind: 'shrunk', reason: 'lost-a-day', ...counts, day: emptied };
  return { kind: 'kept-most' };
}

function sessionDay(start: string | undefined, zone: string): string[] {
  return start === undefined ? [] : [localDate(Date.parse(start), zone)];
}
