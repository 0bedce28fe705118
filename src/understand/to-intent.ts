// Fills the intent the classifier chose with the slots read from the question: subject, day, time, kind, place.
import type { ConversationFocus } from '../engine/conversation.ts';
import type { Intent, VendorRole } from '../engine/intent.ts';
import { normalizePhrase, wordTokens } from '../text/normalize.ts';
import { QUESTION_NOISE_WORDS } from '../text/stop-words.ts';
import { agendaIntent } from './agenda-intent.ts';
import { focusSubject, shortFollowUp } from './follow-up.ts';
import { listIntent, PLACE_WORDS, scheduleIntent, searchIntent, topicIntent } from './intent-builders.ts';
import type { IntentLabel, Lexicon } from './lexicon.ts';
import type { EntityType } from './link-entities.ts';
import { isEmptyWord, type QuestionReading, type SubjectSlot } from './read-question.ts';
import { subjectSlots } from './subject-slots.ts';

export interface IntentContext {
  readonly lexicon: Lexicon;
  /** Keeps only the subject words that carry weight in this dataset ("covered", "anywhere" do not). */
  readonly weighTopic: (words: readonly string[]) => string[];
  /** The framing words of the chosen intent's examples. */
  readonly cues: ReadonlySet<string>;
  /** Whether the dataset uses the word, or a word a typo away. */
  readonly carriesWeight: (word: string) => boolean;
  /** Whether the dataset names any people: an exhibitor list has organisations only. */
  readonly hasPeople: boolean;
  /** Told when a name typed with a typo is asked about by the catalog name it was linked to. */
  readonly onRenamed?: (typed: string, name: string) => void;
  readonly focus?: ConversationFocus;
}

const framingCache = new WeakMap<ReadonlySet<string>, ReadonlySet<string>>();
/** An intent's own framing words, and the words that only say how a question is asked ("spoke", "talk"). */
function framingWords(cues: ReadonlySet<string>): ReadonlySet<string> {
  let words = framingCache.get(cues);
  if (words === undefined) {
    words = new Set([...cues, ...QUESTION_NOISE_WORDS]);
    framingCache.set(cues, words);
  }
  return words;
}

/** A reading with its subjects, once the intent is known. */
export type SlottedReading = QuestionReading & { readonly subjects: readonly SubjectSlot[] };

/** Subject types each intent looks for first. */
const PREFERRED: Partial<Record<IntentLabel, readonly EntityType[]>> = {
  announced: ['organization', 'person', 'project'],
  presented: ['person', 'organization', 'project'],
  members: ['organization'],
  partnership: ['organization'],
  'who-is': ['person', 'organization'],
  where: ['person', 'organization', 'room', 'track', 'project', 'term'],
  when: ['person', 'organization', 'project', 'term'],
  now: ['room', 'track'],
  next: ['room', 'track'],
  first: ['room', 'track'],
  last: ['room', 'track'],
};

/**
 * The words to look a subject up by: as typed, except a name typed with a typo that the catalog knows ("trimbel"),
 * which is looked up as that name, and the lookup told so it can still say it read a typo.
 */
function nameOf(subject: SubjectSlot | undefined, context: IntentContext): string | undefined {
  if (subject === undefined) return undefined;
  const typed = subject.words.join(' ');
  const { entity } = subject;
  if (entity === undefined || entity.exact || entity.partial || subject.named.length !== 1) return typed;
  if (subject.named[0]?.words.length !== subject.words.length) return typed;
  const name = normalizePhrase(entity.name);
  context.onRenamed?.(typed, entity.name);
  return name;
}

/**
 * A subject that is one catalog name typed with a typo ("hardwre") is searched as that name; the lookup is told, so
 * the answer can say how it read the word. Any other subject stays as typed.
 */
function asCatalogNames(subject: SubjectSlot, context: IntentContext): readonly string[] {
  const { entity } = subject;
  if (entity === undefined || entity.exact || entity.partial || subject.named.length !== 1)
    return subject.words;
  if (subject.named[0]?.words.length !== subject.words.length) return subject.words;
  context.onRenamed?.(subject.words.join(' '), entity.name);
  return wordTokens(entity.name);
}

/**
 * When the asker put the subject in double quotes, the quoted words are the subject: "I keep hearing about a
 * "universal mesh"" asks about "universal mesh", not about hearing. Without quotes inside any subject, all stay.
 */
function quotedSubjects(slots: readonly SubjectSlot[], read: QuestionReading): readonly SubjectSlot[] {
  const { quoted, words } = read.tokens;
  if (quoted.size === 0) return slots;
  const marked = slots.flatMap((slot) => {
    const inside = words.slice(slot.start, slot.end).filter((_, offset) => quoted.has(slot.start + offset));
    if (inside.length === 0) return [];
    return inside.length === slot.words.length ? [slot] : [{ ...slot, words: inside }];
  });
  return marked.length > 0 ? marked : slots;
}

/**
 * "I need someone from Microsoft about Azure, where's their booth?": "they" or "their" is the one organisation the
 * question itself names. Undefined without such a pronoun, or with no organisation or several.
 */
function pointedOwner(reading: SlottedReading): string | undefined {
  if (!reading.pronouns.some((word) => GROUP_PRONOUNS.has(word))) return undefined;
  const organizations = reading.subjects.flatMap((slot) =>
    slot.named.filter((name) => name.types.has('organization')).map((name) => name.words.join(' ')),
  );
  return new Set(organizations).size === 1 ? organizations[0] : undefined;
}
const GROUP_PRONOUNS: ReadonlySet<string> = new Set(['they', 'them', 'their', 'theirs']);

/** Intents about one organisation or person, which take only its name from a longer subject. */
const ENTITY_FIRST: ReadonlySet<IntentLabel> = new Set(['members', 'partnership', 'announced']);
const DETERMINERS = new Set(['the', 'a', 'an', 'that', 'this']);

export function toIntent(label: IntentLabel, read: QuestionReading, context: IntentContext): Intent {
  const { sessionKind: typedKind, ...rest } = read;
  // A subject none of whose words the dataset uses, or nearly uses, is chatter ("total newbie", "trying to plan");
  // when every subject is like that, they stay, so the answer can say honestly that nothing matches them.
  const slots = subjectSlots(read, framingWords(context.cues), context.lexicon);
  const weighted = slots.filter(
    (slot) => slot.types.size > 0 || slot.words.some((word) => context.carriesWeight(word)),
  );
  const slotted: SlottedReading = {
    ...rest,
    subjects: quotedSubjects(weighted.length > 0 ? weighted : slots, read),
  };
  // Now, next, first and last are about the event as a whole when it is the only thing named.
  const placeLabels: ReadonlySet<IntentLabel> = new Set(['now', 'next', 'first', 'last']);
  const subject = primarySubject(label, slotted, context, placeLabels.has(label));
  // "Talk" filters nothing, except in "the ZEISS talk", where it says the name is a session's, not a company's.
  const namesASession =
    ((label === 'where' || label === 'when') && DETERMINERS.has(subject?.before ?? '')) ||
    label === 'first' ||
    label === 'last';
  const sessionKind = typedKind === 'talk' && !namesASession ? undefined : typedKind;
  const reading: SlottedReading = sessionKind === undefined ? slotted : { ...slotted, sessionKind };
  const { times } = reading;
  const kind = sessionKind === undefined ? {} : { sessionKind };
  // "Who?", "when?", "where?" right after an answer: too short for its framing to say more than its question word.
  const followUp = shortFollowUp(reading, context);
  if (followUp !== undefined) return followUp;
  // The event's own name is no topic ("what is on the last day of <event>?").
  const allWords = reading.subjects
    .filter((slot) => !slot.eventOnly)
    .flatMap((slot) => asCatalogNames(slot, context));
  switch (label) {
    case 'help':
      return { kind: 'help' };
    case 'list': {
      // "How many sessions are in the Rust track?": that place's sessions.
      const place = reading.subjects.find(
        (slot) =>
          slot.types.has('track') ||
          slot.types.has('room') ||
          slot.words.some((word) => PLACE_WORDS.has(word)),
      );
      if (place !== undefined) return { kind: 'topic', topic: place.words.join(' ') };
      // "Who was speaking?" after a session: that session's people.
      const followed = reading.subjects.length === 0 ? focusSubject(reading, context) : undefined;
      const session = context.focus?.session;
      if (followed !== undefined && session !== undefined && reading.tokens.words[0] === 'who')
        return { kind: 'identify', subject: session, asked: 'who' };
      return listIntent(reading);
    }
    case 'vendors-list':
    case 'vendors': {
      const topic = context.weighTopic(allWords.filter((word) => !roleWord(word, context.lexicon))).join(' ');
      const role = vendorRole(reading, context.lexicon);
      return label === 'vendors-list' || topic.length === 0
        ? { kind: 'vendors', role, topic, listing: true }
        : { kind: 'vendors', role, topic };
    }
    case 'now':
    case 'next': {
      const place = subject?.words.join(' ');
      if (label === 'now' && times.time === undefined)
        return { kind: 'now', ...(place === undefined ? {} : { place }) };
      // "What's after it in the same room?": after the session the conversation is about, in its room.
      const focus = context.focus;
      if (
        label === 'next' &&
        place === undefined &&
        focus?.session !== undefined &&
        reading.pronouns.length > 0
      ) {
        const room = focus.place === undefined ? {} : { place: focus.place };
        return { kind: 'next', ...room, after: focus.session, ...kind };
      }
      if (label === 'next') return { kind: 'next', ...(place === undefined ? {} : { place }), ...kind };
      return scheduleIntent(reading, allWords, context);
    }
    case 'schedule':
      return scheduleIntent(reading, allWords, context);
    case 'first':
    case 'last': {
      // "Who spoke at the opening ceremony?": a subject that is no room or track names a session, not a place.
      // "The very first thing on the schedule": words that only frame the question name nothing.
      const isPlace =
        subject === undefined ||
        context.weighTopic(subject.words).length === 0 ||
        subject.types.has('room') ||
        subject.types.has('track') ||
        subject.words.some((word) => PLACE_WORDS.has(word));
      if (!isPlace) return { kind: 'topic', topic: context.weighTopic(reading.tokens.words).join(' ') };
      const named =
        subject === undefined || context.weighTopic(subject.words).length === 0
          ? undefined
          : subject.words.join(' ');
      // "Who's giving the first one?" after a session: the first in that session's room.
      const place = named ?? (reading.pronouns.length > 0 ? context.focus?.place : undefined);
      return {
        kind: 'opener',
        which: label,
        ...(times.day === undefined ? {} : { day: times.day }),
        ...(place === undefined ? {} : { place }),
        ...(sessionKind === undefined || sessionKind === 'talk' ? {} : { sessionKind }),
      };
    }
    case 'booth': {
      const booth = allWords.find((word) => /\d/.test(word));
      if (booth !== undefined) return { kind: 'booth', booth };
      // "What booth number is Fugro?": where Fugro is.
      if (subject !== undefined) return { kind: 'where', subject: subject.words.join(' ') };
      // "booth?" after an exhibitor: where that exhibitor is.
      const followed = focusSubject(reading, context);
      return followed === undefined
        ? { kind: 'list', subject: 'organizations' }
        : { kind: 'where', subject: followed };
    }
    case 'where':
    case 'when': {
      const named = pointedOwner(reading) ?? nameOf(subject, context) ?? focusSubject(reading, context);
      // "Where do the keynotes happen?": every session of that kind, with its room and time.
      if (named === undefined && sessionKind === 'keynote') return { kind: 'list', subject: 'keynotes' };
      if (named === undefined)
        return sessionKind === undefined
          ? { kind: 'help' }
          : { kind: 'list', subject: 'sessions', sessionKind };
      // A kind word inside a title ("the live demo showcase") names the session, not a filter on it.
      const titled = reading.tokens.words.some(
        (word, index) => reading.roles[index]?.kind === 'phrase' && subject?.words.includes(word),
      );
      return { kind: label, subject: named, ...(titled ? {} : kind) };
    }
    case 'announced':
    case 'presented': {
      const named =
        pointedOwner(reading) ?? nameOf(subject, context) ?? focusSubject(reading, context, label);
      if (named === undefined)
        return { kind: 'list', subject: label === 'announced' ? 'announcements' : 'sessions' };
      return { kind: 'activity', subject: named, focus: label };
    }
    case 'partnership': {
      const named = nameOf(subject, context) ?? focusSubject(reading, context, label);
      return named === undefined
        ? { kind: 'list', subject: 'announcements' }
        : { kind: 'partnership', partner: named };
    }
    case 'members': {
      // "Who does transportation analytics?" over an exhibitor list: which exhibitors, as no one is named.
      if (!context.hasPeople && allWords.length > 0)
        return { kind: 'vendors', role: 'any', topic: context.weighTopic(allWords).join(' ') };
      const named = nameOf(subject, context) ?? focusSubject(reading, context, label);
      return named === undefined
        ? { kind: 'list', subject: 'speakers' }
        : { kind: 'members', organization: named };
    }
    case 'topic':
      return topicIntent(reading, allWords, context);
    case 'who-is':
    case 'what-is': {
      // Who or what something is does not change by the day: a question with a day or a time asks what is on then.
      if (times.day !== undefined || times.time !== undefined)
        return scheduleIntent(reading, allWords, context);
      const named = nameOf(subject, context) ?? focusSubject(reading, context);
      if (named === undefined) return { kind: 'help' };
      return { kind: 'identify', subject: named, asked: label === 'who-is' ? 'who' : 'what' };
    }
    case 'digest':
      return { kind: 'digest', ...(times.day === undefined ? {} : { day: times.day }) };
    case 'catch-up': {
      // "What did I miss this morning?": that period's digest; in a place ("in Janson"), what is over there.
      const place = subject?.words.join(' ');
      if (place === undefined)
        return {
          kind: 'digest',
          ...(times.day === undefined ? {} : { day: times.day }),
          ...(times.part === undefined ? {} : { part: times.part }),
        };
      return {
        kind: 'schedule',
        day: times.day ?? { kind: 'relative', offset: 0 },
        ...(times.part === undefined ? {} : { part: times.part }),
        ...(place === undefined ? {} : { topic: place, placed: true as const }),
        ...(sessionKind === undefined || sessionKind === 'talk' ? {} : { sessionKind }),
        missed: true,
      };
    }
    case 'summary':
      // "The highlights of yesterday": that day's digest; the conference as a whole has its themes.
      return times.day === undefined
        ? { kind: 'summary' }
        : { kind: 'digest', day: times.day, ...(times.part === undefined ? {} : { part: times.part }) };
    case 'event':
      return allWords.length === 0
        ? { kind: 'event', question: reading.tokens.text, eventOnly: true }
        : { kind: 'event', question: reading.tokens.text };
    case 'agenda-add':
    case 'agenda-remove':
    case 'agenda-show':
    case 'agenda-clear':
    case 'agenda-lead':
    case 'forget-me':
      return agendaIntent(label, reading) ?? searchIntent(reading, allWords, context);
    case 'none':
      return searchIntent(reading, allWords, context);
  }
}

/** The subject an intent is about: a slot of the type it prefers, else the longest slot. */
function primarySubject(
  label: IntentLabel,
  reading: SlottedReading,
  context: IntentContext,
  skipEvent = false,
): SubjectSlot | undefined {
  const meaningful = reading.subjects.filter(
    (slot) =>
      (slot.entity !== undefined || slot.words.some((word) => !isEmptyWord(word, context.lexicon))) &&
      !(skipEvent && slot.eventOnly),
  );
  // Names side by side in a place or time question are one title ("the Argo CD Contribfest").
  const placing = label === 'where' || label === 'when';
  const slots = placing ? joinAdjacent(meaningful, reading) : meaningful;
  for (const type of PREFERRED[label] ?? []) {
    const typed = slots.find((slot) => slot.types.has(type));
    const named = typed?.named.find((name) => name.types.has(type));
    // "the CEO of Netlify": for a question about an organisation, the organisation's own name.
    if (typed !== undefined && named !== undefined && ENTITY_FIRST.has(label))
      return { ...typed, words: named.words };
    if (typed !== undefined) return typed;
  }
  // A place or time question is about the thing it names after "the" ("where do I go for the Istio talk?",
  // "what time is the Longhorn deep dive? want a seat"), else the first thing it names.
  if (placing) return slots.find((slot) => DETERMINERS.has(slot.before ?? '')) ?? slots[0];
  return slots.reduce<SubjectSlot | undefined>(
    (best, slot) => (best === undefined || slot.words.length > best.words.length ? slot : best),
    undefined,
  );
}

function roleWord(word: string, lexicon: Lexicon): boolean {
  return lexicon.sponsorWords.has(word) || lexicon.exhibitorWords.has(word);
}

function vendorRole(reading: SlottedReading, lexicon: Lexicon): VendorRole {
  const { words } = reading.tokens;
  if (words.some((word) => lexicon.sponsorWords.has(word))) return 'sponsor';
  if (words.some((word) => lexicon.exhibitorWords.has(word))) return 'exhibitor';
  return 'any';
}

/** Slots with no word between them, joined: a title that runs over a name ("Argo CD" + "Contribfest"). */
function joinAdjacent(slots: readonly SubjectSlot[], reading: SlottedReading): SubjectSlot[] {
  const joined: SubjectSlot[] = [];
  for (const slot of slots) {
    const last = joined[joined.length - 1];
    if (last !== undefined && last.end === slot.start && !reading.tokens.breaks.has(slot.start)) {
      joined[joined.length - 1] = {
        ...last,
        words: [...last.words, ...slot.words],
        types: new Set([...last.types, ...slot.types]),
        named: [...last.named, ...slot.named],
        eventOnly: last.eventOnly && slot.eventOnly,
        end: slot.end,
      };
    } else joined.push(slot);
  }
  return joined;
}
