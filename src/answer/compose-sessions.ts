// Wording for answers that are lists of sessions: topics, schedules, now and next, where and when.

import type { Finding, PlaceRef, RankedSession } from '../engine/finding.ts';
import type { Correction, TextHit } from '../search/text-index.ts';
import { foldText, wordTokens } from '../text/normalize.ts';
import { formatClock, formatDay, localDate, zoneAbbreviation } from '../time/conference-time.ts';
import { ITEMS_SHOWN } from './answer-builder.ts';
import { asTyped, builder, type ComposeContext, type Composed, isOver } from './compose-context.ts';
import {
  count,
  joinWords,
  personLabel,
  presentersLabel,
  quoted,
  sessionKindLabel,
  sessionWhen,
  withArticle,
} from './describe.ts';

type SessionsFinding = Extract<Finding, { kind: 'sessions' }>;

/** A session with named speakers leads a topic answer over a better one without, if it scores this share of it. */
const NAMED_LEAD_SHARE = 0.75;
/** Sessions shown in a schedule-style list before "…and N more". */
const LISTED_SESSIONS = 12;

export function composeSessions(context: ComposeContext, finding: SessionsFinding): Composed {
  const { catalog } = context;
  const zone = catalog.conference.timeZone;
  const { reason, sessions } = finding;
  const answer = builder(context);
  const first = sessions[0]?.session;
  let title = 'Sessions';

  switch (reason.kind) {
    case 'now':
      title = 'On now';
      answer.paragraph(
        `On now${reason.place === undefined ? '' : ` ${placeLabel(reason.place)}`} (${formatClock(reason.atMs, zone)} ${zoneAbbreviation(reason.atMs, zone)}):`,
      );
      break;
    case 'next': {
      title = 'Up next';
      const at = `${formatDay(localDate(reason.startsMs, zone), zone)}, ${formatClock(reason.startsMs, zone)} ${zoneAbbreviation(reason.startsMs, zone)}`;
      const where = reason.place === undefined ? '' : ` ${placeLabel(reason.place)}`;
      answer.paragraph(
        reason.running
          ? `Next up${where}, from ${at}:`
          : `Nothing is running${where} right now. Next up${where}, from ${at}:`,
      );
      break;
    }
    case 'schedule': {
      const day = formatDay(reason.date, zone);
      const part =
        reason.at !== undefined ? ` ${reason.at}` : reason.part === undefined ? '' : ` ${reason.part}`;
      const what = reason.sessionKind === undefined ? 'session' : sessionKindLabel(reason.sessionKind);
      const about =
        reason.place !== undefined
          ? ` ${placeLabel(reason.place)}`
          : reason.topic === undefined
            ? ''
            : ` about ${quoted(reason.topic)}`;
      title = `${day}${part}`;
      const over = reason.over ?? 0;
      const noun = over > 0 ? `more ${what}` : what;
      const earlier = over > 0 ? ` (${count(over, 'earlier one')} ${over === 1 ? 'is' : 'are'} over)` : '';
      answer.paragraph(`${day}${part}: ${count(sessions.length, noun)}${about}${earlier}, in time order.`);
      break;
    }
    case 'place': {
      title = reason.place.name;
      const over = sessions.every(({ session }) => isOver(context, session));
      const what =
        reason.place.kind === 'track' ? `The ${quoted(reason.place.name)} track` : reason.place.name;
      const rooms = reason.place.kind === 'track' ? roomsLabel(sessions) : '';
      const noun = reason.over > 0 ? 'more session' : 'session';
      const earlier =
        reason.over > 0
          ? ` (${count(reason.over, 'earlier one')} ${reason.over === 1 ? 'is' : 'are'} over)`
          : '';
      answer.paragraph(
        `${what} ${over ? 'had' : 'has'} ${count(sessions.length, noun)}${daysLabel(context, sessions)}${rooms}${earlier}, in time order:`,
      );
      break;
    }
    case 'keynotes':
      title = 'Keynotes';
      answer.paragraph(
        sessions.length === 0
          ? 'This programme marks no session as a keynote.'
          : `${count(sessions.length, 'keynote')}, in time order:`,
      );
      break;
    case 'of-kind': {
      const label = sessionKindLabel(reason.sessionKind);
      title = `${label.charAt(0).toUpperCase()}${label.slice(1)}s`;
      answer.paragraph(
        sessions.length === 0
          ? `This programme has no session marked as ${withArticle(label)}.`
          : `${count(sessions.length, label)}, in time order:`,
      );
      break;
    }
    case 'opener': {
      const day = formatDay(reason.date, zone);
      const verb = reason.which === 'first' ? 'opened' : 'closed';
      title = `${reason.which === 'first' ? 'Opening' : 'Closing'} ${day}`;
      if (first !== undefined) {
        const who = presentersLabel(catalog, first);
        const slot = `${quoted(first.title)} (${sessionWhen(catalog, first) ?? day}${first.room === undefined ? '' : `, ${first.room}`})`;
        answer.paragraph(
          who === undefined
            ? `${slot} ${verb} ${day}; the schedule names no speaker for it.`
            : `${who} ${verb} ${day} with ${slot}.`,
        );
      }
      break;
    }
    case 'where':
    case 'when': {
      if (reason.person !== undefined) {
        title = reason.person.name;
        const who = personLabel(catalog, reason.person);
        const over = sessions.every(({ session }) => isOver(context, session));
        const verb = over ? 'spoke in' : 'speaks in';
        const only = sessions.length === 1 ? first : undefined;
        if (only === undefined) answer.paragraph(`${who} ${verb} ${count(sessions.length, 'session')}:`);
        else {
          const when = sessionWhen(catalog, only);
          const place = `${when === undefined ? '' : ` on ${when}`}${only.room === undefined ? '' : `, in ${only.room}`}`;
          answer.paragraph(`${who} ${verb} ${quoted(only.title)}${place}.`);
        }
        break;
      }
      title = first?.title ?? 'Where and when';
      if (first !== undefined) answer.paragraph(placeSentence(context, first, reason.kind));
      if (sessions.length > 1)
        answer.paragraph(
          `Other ${sessions.length === 2 ? 'session' : 'sessions'} that may be what you meant:`,
        );
      break;
    }
  }
  // Time-ordered lists are read top to bottom, so they show more than a ranked list does.
  const listed =
    reason.kind === 'schedule' ||
    reason.kind === 'place' ||
    reason.kind === 'keynotes' ||
    reason.kind === 'of-kind' ||
    reason.kind === 'now' ||
    reason.kind === 'next';
  answer.sessions(sessions, 'sessions', listed ? LISTED_SESSIONS : ITEMS_SHOWN, listed);
  return { title, answered: sessions.length > 0, ...answer.finish() };
}

/** "in the “Rust” track", "in Janson". */
function placeLabel(place: PlaceRef): string {
  return place.kind === 'track' ? `in the ${quoted(place.name)} track` : `in ${place.name}`;
}

/** " on Sun 1 Feb", " from Mon 23 Mar to Thu 26 Mar", or nothing when no session has a time. */
function daysLabel(context: ComposeContext, sessions: readonly RankedSession[]): string {
  const zone = context.catalog.conference.timeZone;
  const days = [
    ...new Set(
      sessions.flatMap(({ session }) =>
        session.start === undefined ? [] : [localDate(Date.parse(session.start), zone)],
      ),
    ),
  ].sort();
  const first = days[0];
  const last = days.at(-1);
  if (first === undefined || last === undefined) return '';
  if (first === last) return ` on ${formatDay(first, zone)}`;
  return ` from ${formatDay(first, zone)} to ${formatDay(last, zone)}`;
}

/** Where a track's sessions are: " in Janson", " in K.3.201 and K.4.601", " in 5 rooms". */
function roomsLabel(sessions: readonly RankedSession[]): string {
  const rooms = [
    ...new Set(sessions.flatMap(({ session }) => (session.room === undefined ? [] : [session.room]))),
  ];
  if (rooms.length === 0) return '';
  return rooms.length <= 3 ? ` in ${joinWords(rooms)}` : ` in ${rooms.length} rooms`;
}

/** "“Agones keynote” is in Hall 12, Thu 26 Mar, 09:29–09:32 CET." */
function placeSentence(
  context: ComposeContext,
  session: RankedSession['session'],
  asked: 'where' | 'when',
): string {
  const when = sessionWhen(context.catalog, session);
  const room = session.room;
  const is = isOver(context, session) ? 'was' : 'is';
  if (asked === 'where') {
    if (room === undefined)
      return `${quoted(session.title)} has no room in my sources${when === undefined ? '.' : `; it ${is} on ${when}.`}`;
    const track = session.track === undefined ? '' : `, in the ${quoted(session.track)} track`;
    return `${quoted(session.title)} ${is} in ${room}${when === undefined ? '' : `, ${when}`}${track}.`;
  }
  if (when === undefined)
    return `${quoted(session.title)} has no time in my sources${room === undefined ? '.' : `; it ${is} in ${room}.`}`;
  return `${quoted(session.title)} ${is} on ${when}${room === undefined ? '' : `, in ${room}`}.`;
}

export function composeTopic(
  context: ComposeContext,
  finding: Extract<Finding, { kind: 'topic' }>,
): Composed {
  const answer = builder(context);
  const best = finding.hits[0]?.score ?? 1;
  const top = finding.hits[0];
  const typed = asTyped(context, finding.topic);
  const corrections = finding.corrections ?? [];
  // A word the programme never uses was searched as the closest one it does: say so, and name that word.
  const topic = corrections.length === 0 ? typed : correctedPhrase(typed, corrections);
  if (corrections.length > 0 && top !== undefined) {
    const unknown = joinWords(corrections.map((correction) => quoted(correction.typed)));
    answer.paragraph(`Nothing mentions ${unknown}; the closest match is ${quoted(topic)}.`);
  }
  // Claim "P spoke about T" only when the best hit matches every word of T; otherwise these are only the closest
  // matches, and the question counts as unanswered.
  if (top === undefined || !matchesWholeTopic(top, corrections, wordTokens(typed).length)) {
    if (corrections.length === 0)
      answer.paragraph(`Nothing matches all of ${quoted(typed)}; the closest matches:`);
    for (const hit of finding.hits) addHit(answer, hit, hit.score / best);
    return { title: `Closest to ${quoted(typed)}`, answered: false, ...answer.finish() };
  }
  // "Who spoke about X?" wants a who: a nearly-as-good session with named speakers leads over one without.
  const named = finding.hits.find(
    (hit) =>
      hit.score >= best * NAMED_LEAD_SHARE &&
      hit.ref.type === 'session' &&
      hit.ref.record.speakers.length > 0,
  );
  const lead =
    top !== undefined && top.ref.type === 'session' && top.ref.record.speakers.length === 0
      ? (named ?? top)
      : top;
  if (lead !== undefined) answer.paragraph(topicLead(context, topic, lead));
  if (finding.hits.length > 1)
    answer.paragraph(`${count(finding.hits.length, 'match', 'matches')}, best first:`);
  for (const hit of finding.hits) addHit(answer, hit, hit.score / best);
  return { title: `On ${quoted(topic)}`, answered: finding.hits.length > 0, ...answer.finish() };
}

/** Below this share of the topic's weight, a hit misses a word of it. Exact words weigh 1, typos and prefixes 0.75. */
const WHOLE_TOPIC_COVERAGE = 0.74;
/** A typo of a word this long has one plausible reading; a short word is more likely another word ("lotus"). */
const TRUSTED_CORRECTION_LENGTH = 7;

/** A topic of this many words with one word corrected is read by the others: they say which word was meant. */
const CORRECTED_AMONG_WORDS = 3;

/**
 * Whether a hit matches every word of the topic, exactly or through a trustworthy spelling correction: a long word,
 * or one short word among several that matched as typed ("secure boot double glitches broke").
 */
function matchesWholeTopic(hit: TextHit, corrections: readonly Correction[], topicWords: number): boolean {
  const trusted =
    corrections.every((correction) => correction.typed.length >= TRUSTED_CORRECTION_LENGTH) ||
    (corrections.length === 1 && topicWords >= CORRECTED_AMONG_WORDS);
  return trusted && hit.coverage >= WHOLE_TOPIC_COVERAGE;
}

/** The typed phrase with each corrected word replaced by the known word it was searched as. */
function correctedPhrase(typed: string, corrections: readonly Correction[]): string {
  return typed
    .split(' ')
    .map((word) => corrections.find((correction) => correction.typed === foldText(word))?.known ?? word)
    .join(' ');
}

/** "spoke about", "speak about", "presents"…: tense from the clock, number from the people. */
function topicVerb(organizationsOnly: boolean, over: boolean, plural: boolean): string {
  if (organizationsOnly) return over ? 'presented' : plural ? 'present' : 'presents';
  return over ? 'spoke about' : plural ? 'speak about' : 'speaks about';
}

/** The one-sentence answer: who spoke about it, in which session, when and where. */
function topicLead(context: ComposeContext, topic: string, hit: TextHit): string {
  const { catalog } = context;
  if (hit.ref.type === 'announcement') {
    const organization = catalog.organizations.get(hit.ref.record.organization)?.name ?? 'An organisation';
    return `${organization} announced ${quoted(hit.ref.record.title)}, which matches ${quoted(topic)}.`;
  }
  if (hit.ref.type !== 'session') return `Best match for ${quoted(topic)}:`;
  const session = hit.ref.record;
  const who = presentersLabel(catalog, session);
  const when = sessionWhen(catalog, session);
  const place = [when, session.room].filter((part) => part !== undefined).join(', ');
  const where = place.length === 0 ? '' : ` (${place})`;
  const over = isOver(context, session);
  if (who === undefined) {
    const projects = session.projects.flatMap((id) => catalog.projects.get(id)?.name ?? []);
    const on = projects.length === 0 ? '' : `, on ${joinWords(projects)},`;
    return `${quoted(session.title)}${where}${on} ${over ? 'covered' : 'covers'} ${topic}; my sources don't name who presented it.`;
  }
  const verb = topicVerb(
    session.speakers.length === 0,
    over,
    Math.max(session.speakers.length, session.organizations.length) > 1,
  );
  const unnamed = session.speakers.length === 0 ? ' (presenters not named)' : '';
  return `${who}${unnamed} ${verb} ${topic} in ${quoted(session.title)}${where}.`;
}

export function composeSearch(
  context: ComposeContext,
  finding: Extract<Finding, { kind: 'search' }>,
): Composed {
  const answer = builder(context);
  const best = finding.hits[0]?.score ?? 1;
  answer.paragraph(`${count(finding.hits.length, 'match', 'matches')}, best first:`);
  for (const hit of finding.hits) addHit(answer, hit, hit.score / best);
  return { title: 'Search results', answered: finding.hits.length > 0, ...answer.finish() };
}

function addHit(answer: ReturnType<typeof builder>, hit: TextHit, score: number): void {
  switch (hit.ref.type) {
    case 'session':
      answer.sessions([{ session: hit.ref.record, score }]);
      return;
    case 'announcement':
      answer.announcements([hit.ref.record], 1, score);
      return;
    case 'person':
      answer.person(hit.ref.record, score);
      return;
    case 'organization':
      answer.organizationItem(hit.ref.record, score);
      return;
    case 'project':
      answer.project(hit.ref.record, score, true);
      return;
    case 'term':
      answer.paragraph(`${hit.ref.record.term}: ${hit.ref.record.definition}`).term(hit.ref.record, score);
      return;
  }
}
