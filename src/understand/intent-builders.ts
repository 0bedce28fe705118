// Builds the intents that read a day, a place or a topic out of their slots: lists, schedules, topics, searches.

import type { Intent } from '../engine/intent.ts';
import { normalizePhrase } from '../text/normalize.ts';
import { focusSubject } from './follow-up.ts';
import { isEmptyWord, type SubjectSlot } from './read-question.ts';
import type { IntentContext, SlottedReading } from './to-intent.ts';

/** Words that make a subject a place ("the Rust track", "room B"). */
export const PLACE_WORDS = new Set(['track', 'tracks', 'room', 'rooms', 'devroom', 'hall', 'stage']);
/** Words after which a question names its topic ("about X", "doing X", "on X"). */
const TOPIC_MARKERS = new Set(['about', 'on', 'regarding', 'doing', 'covering', 'for', 'with', 'into']);
export const PLACE_PREPOSITIONS = new Set(['in', 'at', 'inside']);
/** Words that ask for what is still to come in a day ("anything left today?"). */
const REMAINING = new Set(['left', 'still', 'later', 'remaining', 'rest']);
const ANNOUNCING = /^(?:announc|launch|releas|unveil|news)/;

/**
 * The slot that names the place asked about: one after "in" or "at" first, then one that says "track" or "room",
 * then any linked room or track ("I am a geospatial nerd, what is in the Geospatial devroom?").
 */
export function placeSlotOf(reading: SlottedReading): SubjectSlot | undefined {
  const places = reading.subjects.filter(isPlaceSlot);
  return (
    places.find((slot) => placedAt(reading, slot)) ??
    places.find((slot) => slot.words.some((word) => PLACE_WORDS.has(word))) ??
    places[0]
  );
}

/** Whether "in", "at" or "inside" comes before the slot, or before its article ("what is in the Rust track?"). */
export function placedAt(reading: SlottedReading, slot: SubjectSlot): boolean {
  const { words } = reading.tokens;
  // Past an article and a place word: "in the Rust track", "in room H.2215".
  let at = slot.start - 1;
  while (at > 0 && (ARTICLES.has(words[at] ?? '') || PLACE_WORDS.has(words[at] ?? ''))) at--;
  return PLACE_PREPOSITIONS.has(words[at] ?? '');
}
const ARTICLES: ReadonlySet<string> = new Set(['the', 'a', 'an']);

/** A room or track as the catalog names it when it was typed with a typo ("vendor conversatons track"). */
function placeName(slot: SubjectSlot): string {
  const { entity } = slot;
  const place = entity !== undefined && (entity.types.has('room') || entity.types.has('track'));
  return place && !entity.exact ? normalizePhrase(entity.name) : slot.words.join(' ');
}

/** A slot naming a room or track: linked as one, or saying "track", "room", "devroom", "hall". */
export function isPlaceSlot(slot: SubjectSlot): boolean {
  return (
    slot.types.has('room') || slot.types.has('track') || slot.words.some((word) => PLACE_WORDS.has(word))
  );
}

export function listIntent(reading: SlottedReading): Intent {
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

export function scheduleIntent(
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
  const placeSlot = placeSlotOf(reading) ?? reading.subjects.find((slot) => placedAt(reading, slot));
  const topic = placeSlot !== undefined ? placeName(placeSlot) : context.weighTopic(allWords).join(' ');
  if (day === undefined) {
    const placed = placeSlot !== undefined && isPlaceSlot(placeSlot) && placedAt(reading, placeSlot);
    if (topic.length > 0)
      return {
        kind: 'topic',
        topic,
        ...(sessionKind === undefined ? {} : { sessionKind }),
        ...(placed ? { placed: true as const } : {}),
      };
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

export function topicIntent(
  reading: SlottedReading,
  allWords: readonly string[],
  context: IntentContext,
): Intent {
  const { times, sessionKind } = reading;
  if (times.day !== undefined || times.time !== undefined) return scheduleIntent(reading, allWords, context);
  // "I am a geospatial nerd, what is in the Geospatial devroom?": a named room or track is what is asked about.
  const place = placeSlotOf(reading);
  // A room or track named after "in" or "at" is the place itself ("what's in Moncreiff 2?", "what's on in Hall 99?"),
  // not a subject ("who spoke about rust?").
  const linkedPlace = place !== undefined && placedAt(reading, place);
  if (place !== undefined && (reading.subjects.length > 1 || linkedPlace))
    return { kind: 'topic', topic: placeName(place), ...(linkedPlace ? { placed: true as const } : {}) };
  const weighed = context.weighTopic(allWords);
  const topic = (weighed.length > 0 ? weighed : allWords).join(' ');
  if (topic.length === 0) {
    const focus = focusSubject(reading, context);
    if (focus !== undefined) return { kind: 'topic', topic: focus };
    return sessionKind === undefined
      ? { kind: 'list', subject: 'sessions' }
      : { kind: 'list', subject: 'sessions', sessionKind };
  }
  // Each subject on its own, for when the whole question matches nothing ("we have a flooding problem in our
  // county, is anyone doing real-time flood intelligence?"): the last one first, as questions end on what is asked.
  // Not when a part names something in the catalog: "Kubernetes security" is not just "security".
  const named = reading.subjects.some((slot) => slot.types.size > 0);
  // Only subjects that follow a word introducing a topic ("about", "doing") are tried: "asking for a friend" is not.
  const alternatives = (named ? [] : reading.subjects.filter((slot) => TOPIC_MARKERS.has(slot.before ?? '')))
    .map((slot) => context.weighTopic(slot.words).join(' '))
    .filter((alternative) => alternative.length > 0 && alternative !== topic)
    .reverse();
  return {
    kind: 'topic',
    topic,
    ...(sessionKind === undefined ? {} : { sessionKind }),
    ...(alternatives.length === 0 ? {} : { alternatives }),
  };
}

export function searchIntent(
  reading: SlottedReading,
  allWords: readonly string[],
  context: IntentContext,
): Intent {
  const words =
    allWords.length > 0
      ? allWords
      : reading.tokens.words.filter((word) => !isEmptyWord(word, context.lexicon));
  if (words.length === 0) return { kind: 'help' };
  return { kind: 'search', text: words.join(' ') };
}
