// Mini Conf with a busy first day: extra talks in named tracks, for digests that group, count and split.
import { type Dataset, loadDataset, type Session } from '../../src/index.ts';
import { MINI_CONF } from './engines.ts';
import { fixtureSession } from './fixture-session.ts';

/** The busy day, and 08:00 on it in the conference's zone (Lisbon, UTC+0 in March before the change). */
export const BUSY_DAY = '2027-03-27';
export const BUSY_DAY_0800 = Date.parse('2027-03-27T08:00:00Z');

/** The track names `busyConference` adds, in the order they were made. */
export function busyTracks(count: number): string[] {
  return Array.from({ length: count }, (_, index) => `Track ${String(index + 1).padStart(2, '0')}`);
}

/** Mini Conf plus, for each named track, that many half-hour talks ("Storage talk 1", …) on the busy day. */
export function miniConfWithTalks(tracks: Readonly<Record<string, number>>): Dataset {
  const loaded = loadDataset(MINI_CONF);
  if (!loaded.ok) throw new Error('mini-conf fixture is invalid');
  const extra: Session[] = Object.entries(tracks).flatMap(([track, count], trackIndex) =>
    Array.from({ length: count }, (_, index) => {
      const hour = String(10 + index).padStart(2, '0');
      return fixtureSession({
        id: `busy-${trackIndex}-${index}`,
        title: `${track} talk ${index + 1}`,
        start: `${BUSY_DAY}T${hour}:00:00+00:00`,
        end: `${BUSY_DAY}T${hour}:30:00+00:00`,
        room: `${track} room`,
        track,
      });
    }),
  );
  return { ...loaded.dataset, sessions: [...loaded.dataset.sessions, ...extra] };
}

/** Mini Conf plus `trackCount` tracks of four talks each on the busy day. */
export function busyConference(trackCount: number): Dataset {
  return miniConfWithTalks(Object.fromEntries(busyTracks(trackCount).map((track) => [track, 4])));
}
