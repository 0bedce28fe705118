// Wording for a day's digest: keynotes, sessions by track, announcements and schedule changes.
import type { Digest } from '../digest/build-digest.ts';
import { coverageOf } from '../model/coverage.ts';
import type { Session } from '../model/schema.ts';
import { formatClock, formatDay, formatTimeRange } from '../time/conference-time.ts';
import { builder, type ComposeContext, type Composed } from './compose-context.ts';
import { count, quoted, speakersLabel } from './describe.ts';
import { coverageSentence } from './describe-coverage.ts';

/** Sessions listed per track; the rest are counted. */
export const SESSIONS_PER_TRACK = 3;
/** Keynotes listed in full; a day rarely has more. */
const KEYNOTES_SHOWN = 15;

/** `asked`: the answer to a question, any time of day, rather than the morning post. */
export function composeDigest(context: ComposeContext, digest: Digest, asked = false): Composed {
  const { catalog } = context;
  const { conference } = catalog;
  const zone = conference.timeZone;
  const day = formatDay(digest.date, zone);
  const name = conference.shortName ?? conference.name;
  const answer = builder(context);
  const sessionCount = digest.tracks.reduce((sum, track) => sum + track.sessions.length, 0);

  const summary = [
    ...(digest.keynotes.length > 0 ? [count(digest.keynotes.length, 'keynote')] : []),
    ...(sessionCount > 0
      ? [`${count(sessionCount, 'session')} in ${count(digest.tracks.length, 'track')}`]
      : []),
    ...(digest.announcements.length > 0 ? [count(digest.announcements.length, 'announcement')] : []),
  ].join(', ');
  const opening =
    digest.kind === 'evening'
      ? `The day in review: ${day} at ${name}.`
      : `${asked ? '' : 'Good morning! '}${day} at ${name}.`;
  answer.paragraph(summary.length > 0 ? `${opening} ${summary}.` : opening);
  if (digest.lateBy !== undefined) {
    answer.paragraph(
      `(Posted ${Math.round(digest.lateBy / 60000)} minutes late: Hallway was offline at post time.)`,
    );
  }

  if (digest.keynotes.length > 0) {
    answer.heading('Keynotes');
    answer.sessions(
      digest.keynotes.map((session) => ({ session, score: 1 })),
      'keynotes',
      KEYNOTES_SHOWN,
      true,
    );
  }
  if (digest.tracks.length > 0) answer.heading('Sessions by track');
  for (const { track, sessions } of digest.tracks) {
    answer.heading(`${track} (${sessions.length})`);
    answer.bullets(
      sessions.map((session) => sessionLine(context, session)),
      'sessions',
      SESSIONS_PER_TRACK,
    );
    answer.sessionResults(sessions.slice(0, SESSIONS_PER_TRACK));
  }
  if (digest.announcements.length > 0) {
    answer.heading('Announcements');
    answer.announcements(digest.announcements);
  }
  const { added, cancelled, moved } = digest.changes;
  if (added.length + cancelled.length + moved.length > 0) {
    answer.heading('Schedule changes');
    answer.bullets(
      [
        ...moved.map(
          (move) =>
            `Moved: ${quoted(move.title)}, now ${place(context, move.after)} (was ${place(context, move.before)})`,
        ),
        ...cancelled.map((session) => `Cancelled: ${quoted(session.title)} (${place(context, session)})`),
        ...added.map((session) => `Added: ${quoted(session.title)}, ${place(context, session)}`),
      ],
      'changes',
      30,
    );
  }
  if (digest.keynotes.length + sessionCount + digest.announcements.length === 0) {
    const coverage = coverageOf(context.catalog.dataset);
    // A day the data does not cover is a gap in the data, not a quiet conference day.
    const covered = coverage.days.some((covered) => covered.date === digest.date);
    answer.paragraph(
      covered || !digest.conferenceDay
        ? `Nothing is scheduled on ${day}, as far as my sources go.`
        : `I have nothing for ${day}: ${coverageSentence(context.catalog.conference, coverage).replace(/^My/, 'my')}`,
    );
  }
  const title = digest.kind === 'evening' ? `${day} in review` : `${day} at ${name}`;
  // Anything to report counts: a day of only schedule changes is still worth a post.
  const changeCount = added.length + cancelled.length + moved.length;
  const answered = digest.keynotes.length + sessionCount + digest.announcements.length + changeCount > 0;
  return { title, answered, ...answer.finish() };
}

/** "09:30 “Title” — Abby Bangser (Syntasso), Hall 12" */
function sessionLine(context: ComposeContext, session: Session): string {
  const zone = context.catalog.conference.timeZone;
  const time = session.start === undefined ? '' : `${formatClock(Date.parse(session.start), zone)} `;
  const who = speakersLabel(context.catalog, session);
  const room = session.room === undefined ? '' : `, ${session.room}`;
  return `${time}${quoted(session.title)}${who === undefined ? '' : ` — ${who}`}${room}`;
}

/** "Thu 26 Mar, 11:00 CET, Hall 12": where and when a changed session is (or was). */
function place(
  context: ComposeContext,
  at: { start?: string | undefined; end?: string | undefined; room?: string | undefined },
): string {
  const zone = context.catalog.conference.timeZone;
  const when =
    at.start === undefined
      ? undefined
      : formatTimeRange(Date.parse(at.start), at.end === undefined ? undefined : Date.parse(at.end), zone);
  return [when, at.room].filter((part) => part !== undefined).join(', ') || 'time and room not given';
}
