// Tracks and rooms by the names people type: "the Rust devroom", "the Security track", "Hall 12", "Lameere".
import type { Catalog } from '../../model/catalog.ts';
import { roomNames } from '../../model/room-names.ts';
import type { Session } from '../../model/schema.ts';
import { wordTokens } from '../../text/normalize.ts';
import type { Finding } from '../finding.ts';
import { byStart, isAheadAt, unranked } from './sessions.ts';

/** A track or a room, with its sessions in time order. */
export interface ProgrammePlace {
  readonly kind: 'track' | 'room';
  /** The name as the schedule writes it. */
  readonly name: string;
  readonly sessions: readonly Session[];
}

/** Words around a track or room name that are not part of it, on both the question's and the schedule's side. */
const PLACE_FILLER: ReadonlySet<string> = new Set([
  'the',
  'track',
  'tracks',
  'devroom',
  'devrooms',
  'room',
  'rooms',
  'stage',
  'session',
  'sessions',
]);
/** A question that says "track" or "room" means one, even when the name is also a common word ("Security"). */
const SAYS_TRACK = /\b(?:track|tracks|devroom|devrooms)\b/;
const SAYS_ROOM = /\b(?:room|rooms|stage|hall|saal|auditorium)\b/;
const LEADING_PREPOSITION = /^(?:in|on|at|inside|from)\s+/;
/** "talks in …", "the schedule of …": what is asked for, before the place. */
const LEADING_LISTING =
  /^(?:(?:how many|number of|all|the|any)\s+)?(?:talks|sessions|events|schedule|programme|program|agenda|line-?up)\s+(?:(?:are|were|is|was)\s+(?:there\s+)?)?(?=(?:in|on|at|of|for)\s)/;
const LEADING_OF = /^(?:of|for)\s+/;

type PlaceIndex = ReadonlyMap<string, readonly ProgrammePlace[]>;
const indexes = new WeakMap<Catalog, PlaceIndex>();

function placeKey(text: string): string {
  return wordTokens(text)
    .filter((word) => !PLACE_FILLER.has(word))
    .join(' ');
}

function buildIndex(catalog: Catalog): PlaceIndex {
  const tracks = new Map<string, Session[]>();
  const rooms = new Map<string, Session[]>();
  for (const session of catalog.dataset.sessions) {
    if (session.track !== undefined)
      tracks.set(session.track, [...(tracks.get(session.track) ?? []), session]);
    if (session.room !== undefined) rooms.set(session.room, [...(rooms.get(session.room) ?? []), session]);
  }
  const byKey = new Map<string, ProgrammePlace[]>();
  const add = (key: string, place: ProgrammePlace): void => {
    if (key.length === 0) return;
    const places = byKey.get(key) ?? [];
    if (!places.some((known) => known.kind === place.kind && known.name === place.name)) places.push(place);
    byKey.set(key, places);
  };
  for (const [name, sessions] of tracks)
    add(placeKey(name), { kind: 'track', name, sessions: [...sessions].sort(byStart) });
  // Rooms that share a name ("Hall 8" in "Hall 8 | Room D" and "Hall 8 | Room F") are one place to ask about.
  const shared = new Map<string, { names: Set<string>; sessions: Session[] }>();
  for (const [room, sessions] of rooms) {
    for (const name of new Set(roomNames(room))) {
      const key = placeKey(name);
      const entry = shared.get(key) ?? { names: new Set<string>(), sessions: [] };
      entry.names.add(name);
      entry.sessions.push(...sessions);
      shared.set(key, entry);
    }
  }
  for (const [key, { names, sessions }] of shared) {
    const name = [...names].sort((a, b) => a.length - b.length)[0] ?? key;
    add(key, { kind: 'room', name, sessions: [...new Set(sessions)].sort(byStart) });
  }
  return byKey;
}

export interface PlaceOptions {
  /** Whether a room's bare name is enough ("what is Janson?"); false where it is more likely a topic ("FUSE"). */
  readonly bareRoom: boolean;
  /** The phrase followed "in" or "at" in the question, as if it still began with it. */
  readonly placed?: boolean;
}

/**
 * The track or room a phrase names ("in the Rust devroom", "Janson"), or undefined. A track's bare name
 * ("security") is a topic more often than a track, so a track needs the word "track" or "devroom", or a
 * preposition before it ("who spoke in Security").
 */
export function findProgrammePlace(
  catalog: Catalog,
  phrase: string,
  options: PlaceOptions,
): ProgrammePlace | undefined {
  let index = indexes.get(catalog);
  if (index === undefined) {
    index = buildIndex(catalog);
    indexes.set(catalog, index);
  }
  const folded = phrase.toLowerCase().trim().replace(LEADING_LISTING, '');
  const placed = options.placed === true || LEADING_PREPOSITION.test(folded) || LEADING_OF.test(folded);
  const key = placeKey(folded.replace(LEADING_PREPOSITION, '').replace(LEADING_OF, ''));
  const saysPlace = SAYS_TRACK.test(folded) || SAYS_ROOM.test(folded);
  const places = index.get(key) ?? (saysPlace || placed ? partOfOneName(index, key) : undefined);
  if (places === undefined) return undefined;
  const track = places.find((place) => place.kind === 'track');
  const room = places.find((place) => place.kind === 'room');
  if (SAYS_TRACK.test(folded)) return track ?? room;
  if (SAYS_ROOM.test(folded)) return room ?? track;
  if (placed) return room ?? track;
  return options.bareRoom ? room : undefined;
}

/**
 * The one place whose name holds every word typed, when only part of it was ("the NixOS devroom" for "Nix and
 * NixOS"); undefined when none does, or several do.
 */
function partOfOneName(index: PlaceIndex, key: string): readonly ProgrammePlace[] | undefined {
  const typed = key.split(' ').filter((word) => word.length > 0);
  if (typed.length === 0) return undefined;
  const matches = [...index].filter(([name]) => {
    const words = new Set(name.split(' '));
    return typed.every((word) => words.has(word));
  });
  const [only] = matches;
  return matches.length === 1 && only !== undefined ? only[1] : undefined;
}

/** A place's sessions in time order; while it is in use, only those not over yet. */
export function placeFinding(place: ProgrammePlace, nowMs: number): Finding {
  const ahead = place.sessions.filter((session) => isAheadAt(session, nowMs));
  const shown = ahead.length > 0 ? ahead : place.sessions;
  return {
    kind: 'sessions',
    reason: {
      kind: 'place',
      place: { kind: place.kind, name: place.name },
      over: place.sessions.length - shown.length,
    },
    sessions: unranked(shown),
  };
}
