// "Who kicked off the final day?", "what's the last session on Saturday?": who opened or closed a day.

import { programmeDays } from '../../model/programme-days.ts';
import type { Session } from '../../model/schema.ts';
import { dayWindow, localDate } from '../../time/conference-time.ts';
import type { Finding, ResolveContext } from '../finding.ts';
import type { Intent } from '../intent.ts';
import { coverageGap } from './coverage-gap.ts';
import { findProgrammePlace } from './programme-places.ts';
import { resolveConferenceDay, sessionsIn } from './schedule.ts';
import { isKeynote, matchesKind, unranked } from './sessions.ts';
import { suggestionsFor } from './suggestions.ts';

/**
 * A ceremony's title: the word leads it ("Closing <event>", "Welcome Back + Opening Remarks") or names the slot
 * ("… closing keynote"); a talk called "Closing the Loop: …DLP" at 10:15 closes nothing.
 */
const OPENING_TITLE =
  /^(?:keynote:\s*)?(?:opening|welcome|kick-?off)\b|\b(?:opening|welcome|kick-?off) (?:keynote|remarks|session|ceremony|address)\b/i;
const CLOSING_TITLE =
  /^(?:keynote:\s*)?(?:closing|farewell|wrap-?up)\b(?! the\b)|\b(?:closing|farewell|wrap-?up) (?:keynote|remarks|session|ceremony|address|panel)\b/i;

/**
 * "Who kicked off the final day?": the first (or last) keynote of the day, else its first (or last) session.
 * "The first talk in the Go devroom", "the last keynote on Tuesday": the same within a place or of a kind.
 */
export function resolveOpener(context: ResolveContext, intent: Extract<Intent, { kind: 'opener' }>): Finding {
  const { conference } = context.catalog;
  const zone = conference.timeZone;
  const place =
    intent.place === undefined
      ? undefined
      : findProgrammePlace(context.catalog, intent.place, { bareRoom: true, placed: true });
  if (intent.place !== undefined && place === undefined) {
    return {
      kind: 'not-found',
      miss: { kind: 'place', place: intent.place },
      suggestions: suggestionsFor(context, undefined),
    };
  }
  const inPlace = place === undefined ? undefined : new Set(place.sessions.map((session) => session.id));
  const eligible = (session: Session) =>
    (inPlace === undefined || inPlace.has(session.id)) && matchesKind(session, intent.sessionKind);
  const narrowed = intent.place !== undefined || intent.sessionKind !== undefined;
  // "Who opened the conference?": the first day that has anything on it in these sources. A conference with
  // keynotes opens with its first keynote day (co-located events the day before are a prelude).
  const timeline = context.catalog.timeline.filter((entry) => eligible(entry.session));
  const keynoteDays = timeline.filter((entry) => isKeynote(entry.session));
  const busy = new Set(
    (keynoteDays.length > 0 && place === undefined ? keynoteDays : timeline).map((e) =>
      localDate(e.startMs, zone),
    ),
  );
  const allDays = programmeDays(context.catalog);
  const days = allDays.some((day) => busy.has(day)) ? allDays.filter((day) => busy.has(day)) : allDays;
  const fallbackDay = intent.which === 'first' ? days[0] : days[days.length - 1];
  const day =
    intent.day === undefined
      ? (fallbackDay ?? conference.startDate)
      : resolveConferenceDay(context, intent.day);
  if (typeof day !== 'string') return day;
  const window = dayWindow(day, conference.timeZone);
  const short = sessionsIn(context, window).filter(eligible);
  // A day of full-day workshops only is opened by them.
  const onDay = short.length > 0 ? short : sessionsIn(context, window, false, true).filter(eligible);
  // The keynotes open or close the day only when they are at that end of it: a day whose one keynote is at
  // 09:00 is closed by its last talk, not by that keynote.
  const keynotes = onDay.filter(isKeynote).filter((session) => atEndOfDay(session, onDay, intent.which));
  // Without keynotes, the day's first or last programme item, even one that names nobody ("Closing <event>").
  const programme = onDay.filter((session) => session.kind !== 'break');
  // A session called the opening or the closing is one, whatever runs before or after it (a late DJ set); in a
  // place or of a kind, the order alone decides.
  const ceremony = intent.which === 'first' ? OPENING_TITLE : CLOSING_TITLE;
  const titled = narrowed ? [] : onDay.filter((session) => ceremony.test(session.title));
  const pool =
    titled.length > 0
      ? titled
      : keynotes.length > 0 && !narrowed
        ? keynotes
        : programme.length > 0
          ? programme
          : onDay;
  const ordered = intent.which === 'first' ? pool : [...pool].reverse();
  const chosen = ordered.slice(0, 1);
  // A closing slot often names nobody; the nearest session that does is the useful answer too.
  const named = ordered.find((session) => session.speakers.length > 0);
  if (chosen[0] !== undefined && chosen[0].speakers.length === 0 && named !== undefined) chosen.push(named);
  if (chosen.length === 0) {
    return {
      kind: 'not-found',
      miss: {
        kind: 'empty-window',
        date: day,
        ...(coverageGap(context, day) === undefined ? {} : { gap: 'day' as const }),
      },
      suggestions: suggestionsFor(context, undefined),
    };
  }
  return {
    kind: 'sessions',
    reason: { kind: 'opener', date: day, which: intent.which },
    sessions: unranked(chosen),
  };
}

/** How far from the day's first start (or last start) a keynote may be and still open (or close) it. */
const DAY_END_MS = 2 * 60 * 60 * 1000;

function atEndOfDay(session: Session, onDay: readonly Session[], which: 'first' | 'last'): boolean {
  const starts = onDay.flatMap((entry) => (entry.start === undefined ? [] : [Date.parse(entry.start)]));
  const at = session.start === undefined ? Number.NaN : Date.parse(session.start);
  return which === 'first' ? at - Math.min(...starts) <= DAY_END_MS : Math.max(...starts) - at <= DAY_END_MS;
}
