// Imports a Sessionize API export ("All", "Sessions" or "Speakers" view) into a dataset.
import { DateTime } from 'luxon';
import type { Dataset, SessionKind } from '../model/schema.ts';
import { DatasetBuilder, slugify } from './dataset-builder.ts';
import type { ImportOptions } from './import-options.ts';
import { htmlToPlainText } from './plain-text.ts';
import { guessSessionKind } from './session-kind.ts';
import { readSessionize, type SessionizeSession } from './sessionize-views.ts';
import { parseTagLine } from './tag-line.ts';

/** Thrown when a source whose times carry no offset is read without a zone: Hallway never guesses one. */
export class TimeZoneRequiredError extends Error {
  constructor(format: string) {
    super(
      `${format} times have no offset, so this source needs its conference's time zone: pass --time-zone ZONE (an IANA name such as Europe/London), set HALLWAY_TIME_ZONE for the bot, or set "timeZone" in the source's config`,
    );
    this.name = 'TimeZoneRequiredError';
  }
}

/** A speaker question asking for the employer ("Company", "Organisation name"). */
const COMPANY_QUESTION = /\b(?:company|organi[sz]ation|employer)\b/i;

function answerTo(answers: ReadonlyMap<string, string> | undefined, question: RegExp): string | undefined {
  for (const [asked, answer] of answers ?? []) if (question.test(asked)) return answer;
  return undefined;
}

/** Sessionize's "Which track does your session best fit into?": the category that gives the track. */
const TRACK_CATEGORY = /\btracks?\b/i;

export function importSessionizeJson(json: unknown, options: ImportOptions): Dataset {
  const timeZone = options.timeZone;
  if (timeZone === undefined) throw new TimeZoneRequiredError('Sessionize');
  if (!DateTime.local().setZone(timeZone).isValid) {
    throw new Error(`unknown time zone "${timeZone}": expected an IANA name such as Europe/London`);
  }
  const data = readSessionize(json);
  const name = conferenceName(data.sessions) ?? `Sessionize schedule (${options.label})`;
  const prefix = options.idPrefix ?? slugify(name);
  const builder = new DatasetBuilder(prefix, {
    id: `${prefix}-sessionize`,
    title: `Sessionize export (${options.label})`,
    kind: 'schedule',
    ...(options.url === undefined ? {} : { url: options.url }),
  });

  const people = new Map<string, string>();
  for (const speaker of data.speakers) {
    if (speaker.fullName.length === 0) continue;
    const { role, organization: fromTagLine } = parseTagLine(speaker.tagLine);
    // An organiser's "Company" question says it better than any reading of the tag line.
    const organization = answerTo(speaker.answers, COMPANY_QUESTION) ?? fromTagLine;
    people.set(
      speaker.id,
      builder.person(speaker.fullName, {
        ...(role === undefined ? {} : { role }),
        ...(organization === undefined ? {} : { organization: builder.organization(organization) }),
        bio: htmlToPlainText(speaker.bio.replace(/\r\n?/g, '\n')),
      }),
    );
  }

  for (const session of data.sessions) {
    const track = session.categories.find((category) => TRACK_CATEGORY.test(category.title))?.items[0];
    const tags = session.categories
      .filter((category) => !TRACK_CATEGORY.test(category.title))
      .flatMap((category) => category.items);
    builder.session(session.id, {
      title: session.title.length > 0 ? session.title : `Untitled session ${session.id}`,
      kind: sessionKind(session, tags),
      ...times(session, timeZone),
      ...(session.room === undefined ? {} : { room: roomName(session.room) }),
      ...(track === undefined ? {} : { track }),
      summary: htmlToPlainText(session.description.replace(/\r\n?/g, '\n')),
      topics: tags,
      speakers: session.speakerIds.flatMap((id) => {
        const person = people.get(id);
        return person === undefined ? [] : [person];
      }),
      organizations: [],
      projects: [],
    });
  }
  return builder.build({ id: prefix, name, timeZone });
}

/** "Moncreiff 2 (33)" → "Moncreiff 2": organisers put the capacity in the name; people do not say it. */
function roomName(room: string): string {
  const name = room.replace(/\s*\(\d+\)\s*$/, '').trim();
  return name.length > 0 ? name : room;
}

/** Plenum sessions are keynotes; service sessions (breaks, registration) are marked as breaks. */
function sessionKind(session: SessionizeSession, tags: readonly string[]): SessionKind {
  if (session.isServiceSession) return 'break';
  if (session.isPlenumSession) return 'keynote';
  // The session-type category ("20 min lightning talk") says more than a title that mentions workshops.
  const kind = guessSessionKind(tags.join(' · '), session.title);
  // Sessionize says which sessions are service ones: a talk titled "…coffee…" is still a talk.
  return kind === 'break' ? 'talk' : kind;
}

function times(session: SessionizeSession, timeZone: string): { start?: string; end?: string } {
  const start = zoned(session.startsAt, timeZone);
  const end = zoned(session.endsAt, timeZone);
  return {
    ...(start === undefined ? {} : { start }),
    ...(start === undefined || end === undefined || end < start ? {} : { end }),
  };
}

/** "2026-10-03T10:15:00" read as a wall-clock time in the zone, written with its offset. */
function zoned(local: string | undefined, timeZone: string): string | undefined {
  if (local === undefined) return undefined;
  const time = DateTime.fromISO(local, { zone: timeZone });
  if (!time.isValid) throw new Error(`"${local}" is not a date and time`);
  return time.toISO({ suppressMilliseconds: true }) ?? undefined;
}

/**
 * The file names no event, but its plenum session often does: "<Event> 2026 Keynote" gives
 * "<Event> 2026". Undefined when no plenum title carries a year.
 */
function conferenceName(sessions: readonly SessionizeSession[]): string | undefined {
  for (const session of sessions) {
    if (!session.isPlenumSession) continue;
    const match = session.title.match(/^(.+?\b(?:19|20)\d{2})\b/);
    if (match?.[1] !== undefined) return match[1].trim();
  }
  return undefined;
}
