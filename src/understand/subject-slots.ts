// The subjects of a question once its intent is known: runs of words that are neither framing, times, kinds nor
// filler, with the catalog names inside them.
import type { Lexicon } from './lexicon.ts';
import type { EntitySpan, EntityType } from './link-entities.ts';
import { isEmptyWord, type QuestionReading, type SubjectSlot } from './read-question.ts';

/** Collections whose word, after a name, says what kind of place the name is. */
const PLACE_COLLECTIONS: ReadonlySet<string> = new Set(['tracks', 'rooms']);

/**
 * The subjects of a question once its intent is known: runs of words that are neither that intent's framing
 * words (`cues`) nor times, kinds or filler. Names from the catalog stay whole.
 */
export function subjectSlots(
  reading: QuestionReading,
  cues: ReadonlySet<string>,
  lexicon: Lexicon,
): SubjectSlot[] {
  const slots: SubjectSlot[] = [];
  const { words } = reading.tokens;
  let open:
    | {
        words: string[];
        types: Set<EntityType>;
        before?: string;
        eventOnly: boolean;
        named: Array<{ words: string[]; types: ReadonlySet<EntityType> }>;
        start: number;
        end: number;
        /** The slot is one catalog name: plain words after it start a slot of their own. */
        entity?: EntitySpan;
      }
    | undefined;
  const close = () => {
    // A run of stop words is no subject, unless it is a catalog name ("HERE").
    if (
      open !== undefined &&
      (open.entity !== undefined || open.words.some((word) => !isEmptyWord(word, lexicon)))
    ) {
      // Trailing stop words go, but never the last word of a name ("HERE").
      const keep = open.entity === undefined ? 0 : 1;
      while (open.words.length > keep && isEmptyWord(open.words[open.words.length - 1] ?? '', lexicon))
        open.words.pop();
      slots.push(open);
    }
    open = undefined;
  };
  const subject = (index: number) => {
    const before = words[index - 1];
    open ??= {
      words: [],
      types: new Set(),
      eventOnly: true,
      named: [],
      start: index,
      end: index + 1,
      ...(before === undefined ? {} : { before }),
    };
    open.end = index + 1;
    return open;
  };
  for (let index = 0; index < reading.roles.length; index++) {
    const role = reading.roles[index] ?? { kind: 'filler' };
    const word = words[index] ?? '';
    // "…here, where do the keynotes happen?": a subject ends at a comma or a question mark.
    if (reading.tokens.breaks.has(index)) close();
    if (role.kind === 'entity') {
      // A catalog name is a subject of its own ("I met <person> in the hallway"); the event's own name may sit
      // inside a title ("Welcome to <event> 2026").
      const ownName = !role.span.types.has('conference');
      if (ownName && open !== undefined && open.entity !== role.span) close();
      const slot = subject(index);
      if (ownName) {
        slot.eventOnly = false;
        slot.entity = role.span;
      }
      // Typed as it was: the resolvers look names up again, and say so when they read a typo as a name.
      const last = slot.named[slot.named.length - 1];
      if (last !== undefined && last.types === role.span.types) last.words.push(word);
      else slot.named.push({ words: [word], types: role.span.types });
      for (const type of role.span.types) slot.types.add(type);
      slot.words.push(word);
      continue;
    }
    // "the Kernel track", "Hall 12 room": the place word names the subject before it.
    if (role.kind === 'phrase' && open !== undefined && PLACE_COLLECTIONS.has(role.phrase.collection ?? '')) {
      open.words.push(word);
      open.eventOnly = false;
      close();
      continue;
    }
    // A kind word between two subject words is part of a title ("the live demo showcase").
    if (role.kind === 'phrase' && open !== undefined && continuesSubject(reading, index + 1, cues, lexicon)) {
      open.words.push(word);
      continue;
    }
    if (role.kind === 'word' && role.glued) {
      const slot = subject(index);
      slot.words.push(word);
      slot.eventOnly = false;
      continue;
    }
    // A stop word between two subject words joins them ("welcome to <event>", "state of the art").
    if (
      role.kind === 'word' &&
      open !== undefined &&
      isEmptyWord(word, lexicon) &&
      continuesSubject(reading, index + 1, cues, lexicon)
    ) {
      open.words.push(word);
      continue;
    }
    if (role.kind !== 'word' || cues.has(word) || lexicon.pronouns.has(word)) {
      close();
      continue;
    }
    if (isEmptyWord(word, lexicon)) {
      // A stop word inside a subject ("state of the art") stays with it.
      if (open !== undefined) open.words.push(word);
      continue;
    }
    const slot = subject(index);
    slot.words.push(word);
    slot.eventOnly = false;
  }
  close();
  // The event's own name is a subject only when nothing else is ("where is the next edition of <event>?"); inside
  // a title ("Welcome to <event> 2026") it stays part of it.
  const others = slots.filter((slot) => !slot.eventOnly);
  return others.length > 0 ? others : slots;
}

function continuesSubject(
  reading: QuestionReading,
  from: number,
  cues: ReadonlySet<string>,
  lexicon: Lexicon,
): boolean {
  for (let index = from; index < reading.roles.length; index++) {
    const role = reading.roles[index];
    const word = reading.tokens.words[index] ?? '';
    if (role?.kind === 'phrase') continue;
    if (role?.kind === 'entity') return true;
    return role?.kind === 'word' && !cues.has(word) && !isEmptyWord(word, lexicon);
  }
  return false;
}
