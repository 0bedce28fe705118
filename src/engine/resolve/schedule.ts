// Time-based questions: what is on now, next, on a given day or part of it, and who opened or closed a day.
import type { TimedSession } from '../../model/catalog.ts';
import { programmeDays } from '../../model/programme-days.ts';
import {
  clockLabel,
  dayWindow,
  localDate,
  type TimeWindow,
  wallClockInstant,
} from '../../time/conference-time.ts';
import type { Finding, PlaceRef, ResolveContext } from '../finding.ts';
import type { DayRef, Intent } from '../intent.ts';
import { coverageGap } from './coverage-gap.ts';
import { findProgrammePlace, type ProgrammePlace } from './programme-places.ts';
import { resolveDay } from './resolve-day.ts';
import { isAheadAt, matchesKind, unranked } from './sessions.ts';
import { suggestionsFor } from './suggestions.ts';

/** All-day entries (badge pick-up, cloakroom) are not what "what's on now?" means. */
const LONGEST_SESSION_MS = 4 * 60 * 60 * 1000;
/** "What's on at 11:00?" also takes sessions starting a little after it. */
const AT_TIME_GRACE_MS = 15 * 60 * 1000;
/** "Next" also takes sessions starting shortly after the very next one. */
const NEXT_SLOT_MS = 15 * 60 * 1000;

function isProgramme(entry: TimedSession): boolean {
  return entry.session.partOf === undefined && entry.endMs - entry.startMs <= LONGEST_SESSION_MS;
}

function outsideConference(context: ResolveContext, atMs: number): Finding | undefined {
  const { conference } = context.catalog;
  const today = localDate(atMs, conference.timeZone);
  if (today >= conference.startDate && today <= conference.endDate) return undefined;
  return {
    kind: 'not-found',
    miss: { kind: 'outside-conference', atMs, when: today < conference.startDate ? 'before' : 'after' },
    suggestions: suggestionsFor(context, undefined),
  };
}

/** The room or track a "now" or "next" question names (none: anywhere), or the miss when it names no known one. */
function clockPlace(
  context: ResolveContext,
  typed: string | undefined,
): { readonly place?: ProgrammePlace; readonly miss?: Finding } {
  if (typed === undefined) return {};
  const place = findProgrammePlace(context.catalog, typed, { bareRoom: false, placed: true });
  if (place !== undefined) return { place };
  return {
    miss: {
      kind: 'not-found',
      miss: { kind: 'place', place: typed },
      suggestions: suggestionsFor(context, undefined),
    },
  };
}

/** Programme entries, only those of `place` when one is given. */
/** Programme entries (or, with `allDay`, also all-day ones), only those of `place` when one is given. */
function programmeOf(
  context: ResolveContext,
  place: ProgrammePlace | undefined,
  allDay = false,
): TimedSession[] {
  const inPlace = place === undefined ? undefined : new Set(place.sessions.map((session) => session.id));
  return context.catalog.timeline.filter(
    (entry) =>
      (allDay ? entry.session.partOf === undefined : isProgramme(entry)) &&
      (inPlace === undefined || inPlace.has(entry.session.id)),
  );
}

export function resolveNow(context: ResolveContext, intent: Extract<Intent, { kind: 'now' }>): Finding {
  const { place, miss } = clockPlace(context, intent.place);
  if (miss !== undefined) return miss;
  const atMs = context.now();
  const runningAt = (entries: readonly TimedSession[]) =>
    entries.filter((entry) => entry.startMs <= atMs && atMs < entry.endMs);
  // All-day entries (badge pick-up, a day-long summit) only when nothing shorter is on: they are what is on then.
  let running = runningAt(programmeOf(context, place));
  if (running.length === 0) running = runningAt(programmeOf(context, place, true));
  if (running.length > 0) {
    return {
      kind: 'sessions',
      reason: { kind: 'now', atMs, ...placeRef(place) },
      sessions: unranked(running.map((e) => e.session)),
    };
  }
  return outsideConference(context, atMs) ?? resolveNext(context, intent);
}

export function resolveNext(
  context: ResolveContext,
  intent: Extract<Intent, { kind: 'now' | 'next' }>,
): Finding {
  const { place, miss } = clockPlace(context, intent.place);
  if (miss !== undefined) return miss;
  const after =
    intent.kind === 'next' && intent.after !== undefined ? startOfTitled(context, intent.after) : undefined;
  const atMs = after ?? context.now();
  const kind = intent.kind === 'next' ? intent.sessionKind : undefined;
  const programme = programmeOf(context, place).filter((entry) => matchesKind(entry.session, kind));
  const upcoming = programme.filter((entry) => entry.startMs > atMs);
  const first = upcoming[0];
  if (first === undefined) {
    const outside = outsideConference(context, atMs);
    if (outside !== undefined) return outside;
    if (place !== undefined) {
      const today = localDate(atMs, context.catalog.conference.timeZone);
      return {
        kind: 'not-found',
        miss: { kind: 'empty-window', date: today, place: place.name, more: true },
        suggestions: suggestionsFor(context, undefined),
      };
    }
    return {
      kind: 'not-found',
      miss: { kind: 'outside-conference', atMs, when: 'after' },
      suggestions: suggestionsFor(context, undefined),
    };
  }
  const running = programmeOf(context, place).some((entry) => entry.startMs <= atMs && atMs < entry.endMs);
  const slot = upcoming.filter((entry) => entry.startMs - first.startMs <= NEXT_SLOT_MS);
  return {
    kind: 'sessions',
    reason: { kind: 'next', atMs, startsMs: first.startMs, running, ...placeRef(place) },
    sessions: unranked(slot.map((entry) => entry.session)),
  };
}

/** When the session with this title starts; undefined when no timed session has it. */
function startOfTitled(context: ResolveContext, title: string): number | undefined {
  const wanted = title.toLowerCase();
  return context.catalog.timeline.find((entry) => entry.session.title.toLowerCase() === wanted)?.startMs;
}

function placeRef(place: ProgrammePlace | undefined): { place?: PlaceRef } {
  return place === undefined ? {} : { place: { kind: place.kind, name: place.name } };
}

export function resolveSchedule(
  context: ResolveContext,
  intent: Extract<Intent, { kind: 'schedule' }>,
): Finding {
  const { conference } = context.catalog;
  const day = resolveConferenceDay(context, intent.day);
  if (typeof day !== 'string') return day;
  const window = dayWindow(day, conference.timeZone, intent.part);
  const instant =
    intent.time === undefined
      ? undefined
      : wallClockInstant(day, conference.timeZone, intent.time.hour, intent.time.minute);
  // "At 11:00": what runs then; "after 6pm": what starts from then to the end of the day.
  const onward = intent.time?.onward === true;
  const at = onward ? undefined : instant;
  const dayEndMs = dayWindow(day, conference.timeZone).endMs;
  const until =
    intent.time?.until === undefined
      ? undefined
      : wallClockInstant(day, conference.timeZone, intent.time.until.hour, intent.time.until.minute);
  const searched = onward && instant !== undefined ? { startMs: instant, endMs: until ?? dayEndMs } : window;
  const filtered = intent.topic !== undefined || intent.sessionKind !== undefined;
  const found = (allDay: boolean) =>
    (at === undefined
      ? sessionsIn(context, searched, filtered, allDay)
      : sessionsAt(context, at, allDay)
    ).filter((session) => matchesKind(session, intent.sessionKind));
  // All-day entries (full-day workshops) only when nothing shorter is on: then they are the day's programme.
  let sessions = found(false);
  if (sessions.length === 0) sessions = found(true);
  // "What's on in Janson on Saturday?": that room's sessions, not those that mention it.
  const place =
    intent.topic === undefined
      ? undefined
      : findProgrammePlace(context.catalog, intent.topic, {
          bareRoom: false,
          placed: intent.placed === true,
        });
  if (place !== undefined) {
    const inPlace = new Set(place.sessions.map((session) => session.id));
    sessions = sessions.filter((session) => inPlace.has(session.id));
  } else if (intent.topic !== undefined) {
    const hits = context.text.find(intent.topic, { types: new Set(['session']) });
    const onTopic = new Set(hits.map((hit) => hit.ref.record.id));
    sessions = sessions.filter((session) => onTopic.has(session.id));
  }
  // Asked while the day is under way, what is already over is left out (and counted), unless that is all of it.
  const nowMs = context.now();
  const ahead =
    at === undefined && nowMs >= window.startMs && nowMs < window.endMs
      ? sessions.filter((session) => isAheadAt(session, nowMs))
      : sessions;
  // "What did I miss?" asks for the other side: what is over.
  const missed =
    intent.missed === true ? sessions.filter((session) => !isAheadAt(session, nowMs)) : undefined;
  const over = missed === undefined && ahead.length > 0 ? sessions.length - ahead.length : 0;
  if (missed !== undefined) sessions = missed;
  else if (over > 0) sessions = ahead;
  const atLabel =
    intent.time === undefined
      ? undefined
      : intent.time.until !== undefined
        ? `from ${clockLabel(intent.time.hour, intent.time.minute)} to ${clockLabel(intent.time.until.hour, intent.time.until.minute)}`
        : `${onward ? 'from' : 'at'} ${clockLabel(intent.time.hour, intent.time.minute)}`;
  const reason = {
    kind: 'schedule',
    date: day,
    ...(over === 0 ? {} : { over }),
    ...(intent.part === undefined || atLabel !== undefined ? {} : { part: intent.part }),
    ...(atLabel === undefined ? {} : { at: atLabel }),
    ...(intent.sessionKind === undefined ? {} : { sessionKind: intent.sessionKind }),
    ...(intent.topic === undefined ? {} : { topic: intent.topic }),
    ...(place === undefined ? {} : { place: { kind: place.kind, name: place.name } }),
  } as const;
  if (sessions.length === 0) {
    const gap = coverageGap(
      context,
      day,
      at === undefined ? searched : { startMs: at, endMs: at + AT_TIME_GRACE_MS },
    );
    return {
      kind: 'not-found',
      miss: {
        kind: 'empty-window',
        date: day,
        ...(gap === undefined ? {} : { gap }),
        ...(intent.part === undefined || atLabel !== undefined ? {} : { part: intent.part }),
        ...(atLabel === undefined ? {} : { at: atLabel }),
        ...(place !== undefined
          ? { topic: place.name }
          : intent.topic !== undefined
            ? { topic: intent.topic }
            : // "Who's doing the keynote on Sunday?": no keynote then, which is not the same as nothing at all.
              intent.sessionKind === undefined || intent.sessionKind === 'talk'
              ? {}
              : { topic: intent.sessionKind.replace('-', ' ') }),
      },
      suggestions: suggestionsFor(context, undefined),
    };
  }
  return { kind: 'sessions', reason, sessions: unranked(sessions) };
}

/** A day inside the conference, or the not-found finding that explains why not. */
export function resolveConferenceDay(context: ResolveContext, dayRef: DayRef): string | Finding {
  const { conference } = context.catalog;
  const day = resolveDay(dayRef, conference, programmeDays(context.catalog), context.now());
  if (day.ok && day.date >= conference.startDate && day.date <= conference.endDate) return day.date;
  return {
    kind: 'not-found',
    miss: {
      kind: 'day-not-in-conference',
      day: dayRef,
      ...(day.date === undefined ? {} : { date: day.date }),
    },
    suggestions: suggestionsFor(context, undefined),
  };
}

/** Sessions running at an instant, or starting shortly after it, in start order. */
function sessionsAt(context: ResolveContext, atMs: number, allDay = false) {
  return context.catalog.timeline
    .filter(
      (entry) =>
        (allDay ? entry.session.partOf === undefined : isProgramme(entry)) &&
        entry.startMs < atMs + AT_TIME_GRACE_MS &&
        entry.endMs > atMs,
    )
    .map((entry) => entry.session);
}

/**
 * Programme sessions starting in the window. With `withParts`, also the parts of a larger session (each demo of a
 * showcase): a question filtered by kind or topic ("demos on Thursday", "Backstage on Thursday") is about those.
 * With `allDay`, also entries longer than a session (a full-day workshop).
 */
export function sessionsIn(context: ResolveContext, window: TimeWindow, withParts = false, allDay = false) {
  return context.catalog.timeline
    .filter(
      (entry) =>
        (isProgramme(entry) || (withParts && entry.endMs - entry.startMs <= LONGEST_SESSION_MS)
          ? entry.startMs >= window.startMs
          : // A full-day workshop is on all afternoon, though it started in the morning.
            allDay && entry.session.partOf === undefined && entry.endMs > window.startMs) &&
        entry.startMs < window.endMs,
    )
    .map((entry) => entry.session);
}
