// What a day's digest holds: keynotes in order, the other sessions by track, announcements of the day, and the
// schedule changes since the last digest. A typed value; `answer/compose-digest.ts` words it.

import type { ChangeReport } from '../merge/change-report.ts';
import type { Catalog } from '../model/catalog.ts';
import type { Announcement, Session } from '../model/schema.ts';
import type { DayPart } from '../time/conference-time.ts';
import { dayWindow } from '../time/conference-time.ts';

export type DigestKind = 'morning' | 'evening';

/** Sessions of one track on the day, in time order. */
export interface TrackDay {
  readonly track: string;
  readonly sessions: readonly Session[];
}

/** The changes of several refreshes, folded into one list per kind (latest wins). */
export interface ScheduleChanges {
  readonly added: ChangeReport['added'];
  readonly cancelled: ChangeReport['cancelled'];
  readonly moved: ChangeReport['moved'];
}

export interface Digest {
  readonly date: string;
  readonly kind: DigestKind;
  readonly keynotes: readonly Session[];
  readonly tracks: readonly TrackDay[];
  readonly announcements: readonly Announcement[];
  readonly changes: ScheduleChanges;
  /** Whether the date is one of the conference's days. */
  readonly conferenceDay: boolean;
  /** Set when the digest goes out after its time (the bot was down); the words say so. */
  readonly lateBy?: number;
}

export interface DigestRequest {
  readonly date: string;
  readonly kind?: DigestKind;
  /** Change reports to include; only those after `changesSince` count. */
  readonly changes?: readonly ChangeReport[];
  readonly changesSince?: number;
  readonly lateByMs?: number;
  /** Only this part of the day ("what did I miss this morning?"). */
  readonly part?: DayPart;
}

/** Entries longer than this (badge pick-up, an all-day summit) are not sessions to list in a digest. */
const LONGEST_LISTED_MS = 4 * 60 * 60 * 1000;
const UNTRACKED = 'Other sessions';

export function buildDigest(catalog: Catalog, request: DigestRequest): Digest {
  const { conference } = catalog;
  const window = dayWindow(request.date, conference.timeZone, request.part);
  const inWindow = catalog.timeline.filter(
    (entry) =>
      entry.startMs >= window.startMs && entry.startMs < window.endMs && entry.session.partOf === undefined,
  );
  const programme = inWindow.filter((entry) => entry.session.kind !== 'break');
  // A day of badge pick-up and the like only (the day before the programme): that is what is on.
  const listed = programme.length > 0 ? programme : inWindow;
  const short = listed.filter((entry) => entry.endMs - entry.startMs <= LONGEST_LISTED_MS);
  // A day of full-day workshops only: those are the day's programme.
  const onDay = (short.length > 0 ? short : listed).map((entry) => entry.session);
  const keynotes = onDay.filter(isKeynoteFamily);
  const byTrack = new Map<string, Session[]>();
  for (const session of onDay) {
    if (isKeynoteFamily(session)) continue;
    const track = session.track ?? UNTRACKED;
    byTrack.set(track, [...(byTrack.get(track) ?? []), session]);
  }
  const tracks = [...byTrack]
    .map(([track, sessions]) => ({ track, sessions }))
    .sort((a, b) => b.sessions.length - a.sessions.length || a.track.localeCompare(b.track));
  return {
    date: request.date,
    kind: request.kind ?? 'morning',
    keynotes,
    tracks,
    announcements: catalog.dataset.announcements.filter((announcement) => announcement.date === request.date),
    changes: foldChanges(request.changes ?? [], request.changesSince ?? Number.NEGATIVE_INFINITY),
    conferenceDay: request.date >= conference.startDate && request.date <= conference.endDate,
    ...(request.lateByMs === undefined ? {} : { lateBy: request.lateByMs }),
  };
}

function isKeynoteFamily(session: Session): boolean {
  return (
    session.kind === 'keynote' || session.kind === 'sponsored-keynote' || /keynote/i.test(session.track ?? '')
  );
}

/** One entry per session: a session added then moved is listed as added, at its latest place. */
function foldChanges(reports: readonly ChangeReport[], since: number): ScheduleChanges {
  const added = new Map<string, ChangeReport['added'][number]>();
  const cancelled = new Map<string, ChangeReport['cancelled'][number]>();
  const moved = new Map<string, ChangeReport['moved'][number]>();
  for (const report of [...reports].filter((r) => r.at > since).sort((a, b) => a.at - b.at)) {
    for (const session of report.added) {
      cancelled.delete(session.id);
      added.set(session.id, session);
    }
    for (const session of report.cancelled) {
      if (added.delete(session.id)) continue;
      moved.delete(session.id);
      cancelled.set(session.id, session);
    }
    for (const move of report.moved) {
      const wasAdded = added.get(move.id);
      if (wasAdded !== undefined) {
        added.set(move.id, { ...wasAdded, ...move.after });
        continue;
      }
      const earlier = moved.get(move.id);
      moved.set(move.id, earlier === undefined ? move : { ...move, before: earlier.before });
    }
  }
  return { added: [...added.values()], cancelled: [...cancelled.values()], moved: [...moved.values()] };
}
