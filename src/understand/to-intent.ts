// Fills the intent the classifier chose with the slots read from the question: subject, day, time, kind, place.
import type { ConversationFocus } from '../engine/conversation.ts';
import type { Intent, VendorRole } from '../engine/intent.ts';
import { QUESTION_NOISE_WORDS } from '../text/stop-words.ts';
import { agendaIntent } from './agenda-intent.ts';
import type { IntentLabel, Lexicon } from './lexicon.ts';
import type { EntityType } from './link-entities.ts';
import { isEmptyWord, type QuestionReading, type SubjectSlot, subjectSlots } from './read-question.ts';

export interface IntentContext {
  readonly lexicon: Lexicon;
  /** Keeps only the subject words that carry weight in this dataset ("covered", "anywhere" do not). */
  readonly weighTopic: (words: readonly string[]) => string[];
  /** The framing words of the chosen intent's examples. */
  readonly cues: ReadonlySet<string>;
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
type SlottedReading = QuestionReading & { readonly subjects: readonly SubjectSlot[] };

/** Subject types each intent looks for first. */
const PREFERRED: Partial<Record<IntentLabel, readonly EntityType[]>> = {
  announced: ['organization', 'person', 'project'],
  presented: ['person', 'organization', 'project'],
  members: ['organization'],
  partnership: ['organization'],
  'who-is': ['person', 'organization'],
  where: ['project', 'person', 'organization', 'room', 'track', 'term'],
  when: ['project', 'person', 'organization', 'term'],
  now: ['room', 'track'],
  next: ['room', 'track'],
  first: ['room', 'track'],
  last: ['room', 'track'],
};

/** Intents about one organisation or person, which take only its name from a longer subject. */
const ENTITY_FIRST: ReadonlySet<IntentLabel> = new Set(['members', 'partnership', 'announced']);
/** Words that make a subject a place ("the Rust track", "room B"). */
const PLACE_WORDS = new Set(['track', 'tracks', 'room', 'rooms', 'devroom', 'hall', 'stage']);
const DETERMINERS = new Set(['the', 'a', 'an', 'that', 'this']);
/** Words that ask for what is still to come in a day ("anything left today?"). */
const REMAINING = new Set(['left', 'still', 'later', 'remaining', 'rest']);
const ANNOUNCING = /^(?:announc|launch|releas|unveil|news)/;

export function toIntent(label: IntentLabel, read: QuestionReading, context: IntentContext): Intent {
  const { sessionKind: typedKind, ...rest } = read;
  const slotted: SlottedReading = {
    ...rest,
    subjects: subjectSlots(read, framingWords(context.cues), context.lexicon),
  };
  const subject = primarySubject(label, slotted, context);
  // "Talk" filters nothing, except in "the ZEISS talk", where it says the name is a session's, not a company's.
  const namesASession =
    ((label === 'where' || label === 'when') && DETERMINERS.has(subject?.before ?? '')) ||
    label === 'first' ||
    label === 'last';
  const sessionKind = typedKind === 'talk' && !namesASession ? undefined : typedKind;
  const reading: SlottedReading = sessionKind === undefined ? slotted : { ...slotted, sessionKind };
  const { times } = reading;
  const kind = sessionKind === undefined ? {} : { sessionKind };
  const allWords = reading.subjects.flatMap((slot) => slot.words);
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
      const topic = allWords.filter((word) => !roleWord(word, context.lexicon)).join(' ');
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
      const place = subject?.words.join(' ');
      return {
        kind: 'opener',
        which: label,
        ...(times.day === undefined ? {} : { day: times.day }),
        ...(place === undefined ? {} : { place }),
        ...(sessionKind === undefined || sessionKind === 'talk' ? {} : { sessionKind }),
      };
    }
    case 'booth': {
      const booth = allWords.find((word) => /\d/.test(word)) ?? allWords[0];
      if (booth !== undefined) return { kind: 'booth', booth };
      // "booth?" after an exhibitor: where that exhibitor is.
      const followed = focusSubject(reading, context);
      return followed === undefined
        ? { kind: 'list', subject: 'organizations' }
        : { kind: 'where', subject: followed };
    }
    case 'where':
    case 'when': {
      const named = subject?.words.join(' ') ?? focusSubject(reading, context);
      if (named === undefined)
        return sessionKind === undefined ? { kind: 'help' } : { kind: 'next', ...kind };
      // A kind word inside a title ("the live demo showcase") names the session, not a filter on it.
      const titled = reading.tokens.words.some(
        (word, index) => reading.roles[index]?.kind === 'phrase' && subject?.words.includes(word),
      );
      return { kind: label, subject: named, ...(titled ? {} : kind) };
    }
    case 'announced':
    case 'presented': {
      const named = subject?.words.join(' ') ?? focusSubject(reading, context);
      if (named === undefined)
        return { kind: 'list', subject: label === 'announced' ? 'announcements' : 'sessions' };
      return { kind: 'activity', subject: named, focus: label };
    }
    case 'partnership': {
      const named = subject?.words.join(' ') ?? focusSubject(reading, context);
      return named === undefined
        ? { kind: 'list', subject: 'announcements' }
        : { kind: 'partnership', partner: named };
    }
    case 'members': {
      const named = subject?.words.join(' ') ?? focusSubject(reading, context);
      return named === undefined
        ? { kind: 'list', subject: 'speakers' }
        : { kind: 'members', organization: named };
    }
    case 'topic':
      return topicIntent(reading, allWords, context);
    case 'who-is':
    case 'what-is': {
      const named = subject?.words.join(' ') ?? focusSubject(reading, context);
      if (named === undefined) return { kind: 'help' };
      return { kind: 'identify', subject: named, asked: label === 'who-is' ? 'who' : 'what' };
    }
    case 'digest':
    case 'catch-up':
      return { kind: 'digest', ...(times.day === undefined ? {} : { day: times.day }) };
    case 'summary':
      return { kind: 'summary' };
    case 'event':
      return { kind: 'event', question: reading.tokens.text };
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

function listIntent(reading: SlottedReading): Intent {
  const { collection, sessionKind } = reading;
  const asksWho = reading.tokens.words[0] === 'who';
  const announcing = reading.tokens.words.some((word) => ANNOUNCING.test(word));
  if (collection === 'speakers' || collection === 'organizations')
    return { kind: 'list', subject: collection, ...(sessionKind === undefined ? {} : { sessionKind }) };
  if (collection !== undefined && collection !== 'sessions') return { kind: 'list', subject: collection };
  if (sessionKind === 'keynote')
    return asksWho
      ? { kind: 'list', subject: 'speakers', sessionKind }
      : { kind: 'list', subject: 'keynotes' };
  if (sessionKind !== undefined) return { kind: 'list', subject: 'sessions', sessionKind };
  if (announcing) return { kind: 'list', subject: 'announcements' };
  if (asksWho && collection === undefined) return { kind: 'list', subject: 'speakers' };
  return { kind: 'list', subject: 'sessions' };
}

function scheduleIntent(
  reading: SlottedReading,
  allWords: readonly string[],
  context: IntentContext,
): Intent {
  const { times, sessionKind } = reading;
  const day =
    times.day ??
    (times.time !== undefined || times.part !== undefined
      ? ({ kind: 'relative', offset: 0 } as const)
      : undefined);
  const placeSlot = reading.subjects.find(
    (slot) =>
      slot.types.has('room') || slot.types.has('track') || slot.before === 'in' || slot.before === 'at',
  );
  const topic = placeSlot !== undefined ? placeSlot.words.join(' ') : context.weighTopic(allWords).join(' ');
  if (day === undefined) {
    if (topic.length > 0)
      return { kind: 'topic', topic, ...(sessionKind === undefined ? {} : { sessionKind }) };
    return { kind: 'digest' };
  }
  const remaining = reading.tokens.words.some((word) => REMAINING.has(word));
  if (
    !remaining &&
    times.part === undefined &&
    times.time === undefined &&
    sessionKind === undefined &&
    topic.length === 0
  )
    return { kind: 'digest', day };
  return {
    kind: 'schedule',
    day,
    ...(times.part === undefined ? {} : { part: times.part }),
    ...(times.time === undefined ? {} : { time: times.time }),
    ...(sessionKind === undefined ? {} : { sessionKind }),
    ...(topic.length === 0 ? {} : { topic }),
    ...(placeSlot !== undefined && topic.length > 0 ? { placed: true as const } : {}),
  };
}

function topicIntent(reading: SlottedReading, allWords: readonly string[], context: IntentContext): Intent {
  const { times, sessionKind } = reading;
  if (times.day !== undefined || times.time !== undefined) return scheduleIntent(reading, allWords, context);
  const weighed = context.weighTopic(allWords);
  const topic = (weighed.length > 0 ? weighed : allWords).join(' ');
  if (topic.length === 0) {
    const focus = focusSubject(reading, context);
    if (focus !== undefined) return { kind: 'topic', topic: focus };
    return sessionKind === undefined
      ? { kind: 'list', subject: 'sessions' }
      : { kind: 'list', subject: 'sessions', sessionKind };
  }
  return { kind: 'topic', topic, ...(sessionKind === undefined ? {} : { sessionKind }) };
}

function searchIntent(reading: SlottedReading, allWords: readonly string[], context: IntentContext): Intent {
  const words =
    allWords.length > 0
      ? allWords
      : reading.tokens.words.filter((word) => !isEmptyWord(word, context.lexicon));
  if (words.length === 0) return { kind: 'help' };
  return { kind: 'search', text: words.join(' ') };
}

/** The subject an intent is about: a slot of the type it prefers, else the longest slot. */
function primarySubject(
  label: IntentLabel,
  reading: SlottedReading,
  context: IntentContext,
): SubjectSlot | undefined {
  const slots = reading.subjects.filter((slot) =>
    slot.words.some((word) => !isEmptyWord(word, context.lexicon)),
  );
  for (const type of PREFERRED[label] ?? []) {
    const typed = slots.find((slot) => slot.types.has(type));
    const named = typed?.named.find((name) => name.types.has(type));
    // "the CEO of Netlify": for a question about an organisation, the organisation's own name.
    if (typed !== undefined && named !== undefined && ENTITY_FIRST.has(label))
      return { ...typed, words: named.words };
    if (typed !== undefined) return typed;
  }
  return slots.reduce<SubjectSlot | undefined>(
    (best, slot) => (best === undefined || slot.words.length > best.words.length ? slot : best),
    undefined,
  );
}

/** Words of a follow-up that point at a person, at a company or group, or at a place. */
const PERSON_PRONOUNS = new Set(['he', 'she', 'him', 'her', 'his', 'hers']);
const GROUP_PRONOUNS = new Set(['they', 'them', 'their', 'theirs']);
/** A question this short with no subject of its own continues the conversation ("where?", "who?"). */
const SHORT_FOLLOW_UP = 5;

/**
 * "When is it?", "what else is she giving?", "where is their booth?", "who else spoke there?": the previous answer's
 * first result, or its person, organisation or session, as the pronoun asks.
 */
function focusSubject(reading: SlottedReading, context: IntentContext): string | undefined {
  const { focus } = context;
  if (focus === undefined) return undefined;
  const { words } = reading.tokens;
  const pointsBack =
    reading.pronouns.length > 0 ||
    words.includes('else') ||
    words.includes('more') ||
    words.length <= SHORT_FOLLOW_UP;
  if (!pointsBack) return undefined;
  if (reading.pronouns.some((word) => PERSON_PRONOUNS.has(word)))
    return focus.type === 'person' ? focus.subject : (focus.people[0] ?? focus.subject);
  if (reading.pronouns.some((word) => GROUP_PRONOUNS.has(word)))
    return focus.type === 'organization'
      ? focus.subject
      : (focus.organizations[0] ?? focus.people[0] ?? focus.subject);
  if (reading.pronouns.includes('there')) return focus.session ?? focus.subject;
  return focus.subject;
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
