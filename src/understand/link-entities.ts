// Entity linking: finds every span of a question that names something in the catalog, wherever it stands:
// people (typos, swapped letters, surnames), organisations, projects, terms, rooms and tracks.
import type SearchableMap from 'minisearch/SearchableMap';
import type { Catalog } from '../model/catalog.ts';
import { roomNames } from '../model/room-names.ts';
import { radixTreeOf } from '../search/radix-tree.ts';
import { typoDistance } from '../text/edit-distance.ts';
import { wordTokens } from '../text/normalize.ts';

/** What a linked span names. `conference` spans name the event itself and say nothing about what is asked. */
export type EntityType = 'person' | 'organization' | 'project' | 'term' | 'room' | 'track' | 'conference';

/** A run of question words that names one or more catalog entries. */
export interface EntitySpan {
  readonly start: number;
  /** Exclusive. */
  readonly end: number;
  readonly types: ReadonlySet<EntityType>;
  /** The name as the catalog writes it (the first one found). */
  readonly name: string;
  /** True when every word matched exactly. */
  readonly exact: boolean;
  /** True when only part of a person's name was typed (a surname or a first name alone). */
  readonly partial: boolean;
}

export interface EntityLinker {
  /** Spans in question order, longest first where they compete; `skip` words are never part of a name. */
  link(words: readonly string[], skip: (word: string) => boolean): EntitySpan[];
}

interface NameEntry {
  readonly words: readonly string[];
  readonly type: EntityType;
  readonly name: string;
  /** A surname or first name alone: linked only when typed exactly. */
  readonly partial: boolean;
}

/** Words in names that never tell one name from another. */
const NAME_FILLER: ReadonlySet<string> = new Set([
  'the',
  'a',
  'an',
  'of',
  'and',
  'inc',
  'ltd',
  'gmbh',
  'llc',
]);
const MIN_PARTIAL_LENGTH = 4;
const PLACE_PREPOSITIONS: ReadonlySet<string> = new Set(['in', 'at', 'inside']);
const MAX_NAME_WORDS = 8;

function allowedTypos(word: string): number {
  if (word.length >= 8) return 2;
  if (word.length >= 5) return 1;
  return 0;
}

/**
 * Builds the linker over a catalog. `isCorpusWord` says whether the dataset uses a word (such words are never read
 * as typos of a name); `conferenceNames` are the event's own names.
 */
export function buildEntityLinker(
  catalog: Catalog,
  conferenceNames: readonly string[],
  isCorpusWord: (word: string) => boolean = () => false,
): EntityLinker {
  const byFirst = new Map<string, NameEntry[]>();
  // Every session repeats its room and track: one set lookup per name instead of a scan of its first word's list.
  const seen = new Set<string>();
  const add = (name: string, type: EntityType, partial = false, display = name): void => {
    const words = wordTokens(name).filter((word) => !NAME_FILLER.has(word));
    if (words.length === 0 || words.length > MAX_NAME_WORDS) return;
    const key = `${type} ${words.join(' ')}`;
    if (seen.has(key)) return;
    seen.add(key);
    const first = words[0] ?? '';
    const list = byFirst.get(first);
    if (list === undefined) byFirst.set(first, [{ words, type, name: display, partial }]);
    else list.push({ words, type, name: display, partial });
  };
  const { dataset } = catalog;
  for (const person of dataset.people) {
    for (const name of [person.name, ...person.aliases]) add(name, 'person');
    const words = wordTokens(person.name);
    const last = words[words.length - 1];
    const first = words[0];
    if (words.length > 1 && last !== undefined && last.length >= MIN_PARTIAL_LENGTH)
      add(last, 'person', true, person.name);
    if (words.length > 1 && first !== undefined && first.length >= MIN_PARTIAL_LENGTH)
      add(first, 'person', true, person.name);
  }
  for (const organization of dataset.organizations)
    for (const name of [organization.name, ...organization.aliases]) add(name, 'organization');
  for (const project of dataset.projects)
    for (const name of [project.name, ...project.aliases]) add(name, 'project');
  for (const term of dataset.terms) for (const name of [term.term, ...term.aliases]) add(name, 'term');
  // Hundreds of sessions share a few rooms and tracks, and adding a name again changes nothing: each is read once.
  const places = new Set<string>();
  for (const session of dataset.sessions) {
    if (session.room !== undefined && !places.has(`room ${session.room}`)) {
      places.add(`room ${session.room}`);
      for (const name of new Set(roomNames(session.room))) add(name, 'room', false, session.room);
    }
    if (session.track !== undefined && !places.has(`track ${session.track}`)) {
      places.add(`track ${session.track}`);
      add(session.track, 'track');
    }
  }
  for (const name of conferenceNames) add(name, 'conference');
  // Only a word the dataset does not use looks for names it may be a typo of: the tree waits for the first one.
  let firstWords: SearchableMap<true> | undefined;

  /**
   * Name entries whose first word is `word` or within its typo allowance. A word the dataset uses is taken as
   * typed: looking for names it might be a typo of costs more than any other step of reading a question.
   */
  const candidates = (word: string): Array<{ entry: NameEntry; exact: boolean }> => {
    const found = (byFirst.get(word) ?? []).map((entry) => ({ entry, exact: true }));
    const typos = allowedTypos(word);
    if (typos === 0 || isCorpusWord(word)) return found;
    firstWords ??= radixTreeOf([...byFirst.keys()].map((word) => [word, true] as const));
    for (const [known] of firstWords.fuzzyGet(word, typos + 1)) {
      if (known === word || known[0] !== word[0]) continue;
      if (
        typoDistance(word, known, Math.max(typos, allowedTypos(known))) > Math.max(typos, allowedTypos(known))
      )
        continue;
      for (const entry of byFirst.get(known) ?? []) if (!entry.partial) found.push({ entry, exact: false });
    }
    return found;
  };

  return {
    link(words, skip) {
      const spans: EntitySpan[] = [];
      let index = 0;
      while (index < words.length) {
        const word = words[index] ?? '';
        // A framing word starts no name, except the event's own ("the conference") or a longer name typed exactly
        // ("the Keynote Sessions track").
        // A room named like an ordinary word stands after "in" or "at" ("what's on in One?").
        const placed = PLACE_PREPOSITIONS.has(words[index - 1] ?? '');
        const found = skip(word)
          ? candidates(word).filter(
              ({ entry, exact }) =>
                exact &&
                (entry.type === 'conference' ||
                  entry.words.length > 1 ||
                  (placed && (entry.type === 'room' || entry.type === 'track'))),
            )
          : candidates(word);
        const linked = longestAt(words, index, found, skip);
        // A surname or first name alone, next to another unknown word, is someone else's name ("Taylor Swift").
        const best = linked?.partial === true && besideUnknown(words, linked, skip) ? undefined : linked;
        if (best === undefined) {
          index++;
          continue;
        }
        spans.push(best);
        index = best.end;
      }
      return spans;
    },
  };
}

/** The longest name starting at `start`, with every type that reads the same words. */
function longestAt(
  words: readonly string[],
  start: number,
  candidates: ReadonlyArray<{ entry: NameEntry; exact: boolean }>,
  skip: (word: string) => boolean,
): EntitySpan | undefined {
  let best: { end: number; exact: boolean; entries: NameEntry[] } | undefined;
  for (const { entry, exact: firstExact } of candidates) {
    let exact = firstExact;
    let position = start + 1;
    let matched = true;
    for (const nameWord of entry.words.slice(1)) {
      let typed = words[position];
      while (typed !== undefined && NAME_FILLER.has(typed) && typed !== nameWord) typed = words[++position];
      if (typed === undefined) {
        matched = false;
        break;
      }
      if (typed !== nameWord) {
        // After a first word typed exactly, a later word may be one letter further off ("nabarun paul"); a number
        // is never a typo of another ("H.2215" is not "H.2213").
        const leeway = firstExact && typed.length >= 3 ? 1 : 0;
        const typos = Math.max(allowedTypos(typed), allowedTypos(nameWord)) + leeway;
        const numbers = /\d/.test(typed) || /\d/.test(nameWord);
        if (entry.partial || skip(typed) || numbers || typoDistance(typed, nameWord, typos) > typos) {
          matched = false;
          break;
        }
        exact = false;
      }
      position++;
    }
    if (!matched) continue;
    // A one-word name read through a typo must be a long word: short words collide with everyday ones.
    if (!exact && entry.words.length === 1 && (words[start]?.length ?? 0) < 6) continue;
    if (best === undefined || position > best.end || (position === best.end && exact && !best.exact))
      best = { end: position, exact, entries: [entry] };
    else if (position === best.end && exact === best.exact) best.entries.push(entry);
  }
  if (best === undefined) return undefined;
  const first = best.entries[0];
  if (first === undefined) return undefined;
  return {
    start,
    end: best.end,
    types: new Set(best.entries.map((entry) => entry.type)),
    name: first.name,
    exact: best.exact,
    partial: best.entries.every((entry) => entry.partial),
  };
}

/** Whether a word right before or after the span is one that is neither framing nor part of a known name. */
function besideUnknown(words: readonly string[], span: EntitySpan, skip: (word: string) => boolean): boolean {
  const before = words[span.start - 1];
  const after = words[span.end];
  return [before, after].some((word) => word !== undefined && !skip(word) && !NAME_FILLER.has(word));
}
