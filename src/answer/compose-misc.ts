// Wording for help, lists, and for saying plainly that nothing fits (with what does exist instead).
import type { Finding, Miss, Suggestions } from '../engine/finding.ts';
import { assertNever, type DayRef } from '../engine/intent.ts';
import { coverageOf } from '../model/coverage.ts';
import { programmeDays } from '../model/programme-days.ts';
import type { Conference } from '../model/schema.ts';
import { formatDay } from '../time/conference-time.ts';
import { asTyped, builder, type ComposeContext, type Composed } from './compose-context.ts';
import { count, quoted, sessionKindLabel } from './describe.ts';
import { conferenceLabel, coverageSentence } from './describe-coverage.ts';

const WEEKDAY_NAMES = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

function inCity(conference: Conference): string {
  return conference.city === undefined ? '' : ` in ${conference.city}`;
}

const conferenceName = conferenceLabel;

/** "My schedule …" inside a sentence: "…: my schedule …". */
function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function weekdayName(isoDate: string): string {
  const weekday = new Date(`${isoDate}T12:00:00Z`).getUTCDay();
  return WEEKDAY_NAMES[weekday === 0 ? 7 : weekday] ?? isoDate;
}

function stripKindPrefix(title: string): string {
  return title.replace(/^(?:sponsored keynote|keynote|panel|demo|live demo|tutorial|workshop)\s*:\s*/i, '');
}

export function composeHelp(context: ComposeContext, finding: Extract<Finding, { kind: 'help' }>): Composed {
  const { conference, examples } = finding;
  const answer = builder(context);
  answer.paragraph(
    `I answer questions about ${conference.name}${conference.city === undefined ? '' : ` (${conference.city})`}. Ask in plain words; typos and abbreviations such as k8s are fine. For example:`,
  );
  const questions = [
    examples.topic === undefined ? undefined : `who spoke about ${examples.topic}?`,
    examples.organization === undefined ? undefined : `what did ${examples.organization} announce?`,
    examples.person === undefined ? undefined : `who is ${examples.person}?`,
    examples.project === undefined ? undefined : `what is ${examples.project}?`,
    examples.session === undefined ? undefined : `where is ${stripKindPrefix(examples.session)}?`,
    examples.day === undefined ? undefined : `what's on ${weekdayName(examples.day)} morning?`,
    `what's on now?`,
    `what's next?`,
    examples.day === undefined ? 'digest' : `digest for ${weekdayName(examples.day)}`,
    `list speakers · list organizations · list tracks · list days`,
  ].filter((question): question is string => question !== undefined);
  answer.bullets(questions, 'examples');
  answer.paragraph(coverageSentence(conference, coverageOf(context.catalog.dataset)));
  return { title: 'What Hallway can answer', answered: true, ...answer.finish() };
}

const LIST_TITLES = {
  speakers: ['Speakers', 'speaker'],
  organizations: ['Organisations', 'organisation'],
  tracks: ['Tracks', 'track'],
  days: ['Days', 'day'],
  rooms: ['Rooms', 'room'],
  projects: ['Projects and products', 'project'],
  keynotes: ['Keynotes', 'keynote'],
  announcements: ['Announcements', 'announcement'],
  sessions: ['Sessions', 'session'],
} as const;

/** Lines shown in a list answer; the rest are counted. */
const LIST_SHOWN = 30;
/**
 * Tracks, rooms and days are short lines, and asking "what devrooms are there?" means all of them: a programme
 * rarely has more than this many.
 */
const PLACES_SHOWN = 100;
const SHOWN_IN_FULL: ReadonlySet<string> = new Set(['tracks', 'rooms', 'days']);

export function composeList(context: ComposeContext, finding: Extract<Finding, { kind: 'list' }>): Composed {
  const answer = builder(context);
  const [title, noun] = LIST_TITLES[finding.subject];
  const zone = context.catalog.conference.timeZone;
  if (finding.subject === 'sessions') return composeSessionCounts(context, finding);
  const lines = finding.entries.map((entry) => {
    if (finding.subject === 'days')
      return `${formatDay(entry.label, zone)}: ${count(entry.count ?? 0, 'session')}`;
    const detail = entry.detail === undefined || entry.detail.length === 0 ? '' : ` — ${entry.detail}`;
    // A zero ("exhibitor (0)": no sessions or announcements) says nothing worth reading.
    const counted =
      entry.count === undefined ||
      entry.count === 0 ||
      (finding.subject === 'speakers' && finding.sessionKind === undefined)
        ? ''
        : ` (${entry.count})`;
    return `${entry.label}${detail}${counted}`;
  });
  const ofKind =
    finding.sessionKind === undefined ? '' : ` in ${sessionKindLabel(finding.sessionKind)}s (with how many)`;
  // "What days does it run?" is about the event: its days are named with it.
  const whose = finding.subject === 'days' ? ` for ${conferenceName(context.catalog.conference)}` : '';
  answer.paragraph(
    lines.length === 0
      ? `I have no ${noun}s${ofKind} in this dataset.`
      : `My data${whose} has ${count(lines.length, noun)}${ofKind}:`,
  );
  answer.bullets(lines, `${noun}s`, SHOWN_IN_FULL.has(finding.subject) ? PLACES_SHOWN : LIST_SHOWN);
  return { title, answered: lines.length > 0, ...answer.finish() };
}

/** "How many talks are there?": the programme's size, and how many of each kind. */
function composeSessionCounts(
  context: ComposeContext,
  finding: Extract<Finding, { kind: 'list' }>,
): Composed {
  const answer = builder(context);
  const total = finding.entries.reduce((sum, entry) => sum + (entry.count ?? 0), 0);
  const kindLabel = (kind: string) => (kind === 'other' ? 'other session' : sessionKindLabel(kind));
  answer.paragraph(
    total === 0
      ? 'I have no sessions in this dataset.'
      : `My data for ${conferenceName(context.catalog.conference)} has ${count(total, 'session')}:`,
  );
  answer.bullets(
    finding.entries.map((entry) => count(entry.count ?? 0, kindLabel(entry.label))),
    'sessions',
    LIST_SHOWN,
  );
  const coverage = coverageOf(context.catalog.dataset);
  if (coverage.partial) answer.paragraph(coverageSentence(context.catalog.conference, coverage));
  return { title: 'Sessions', answered: total > 0, ...answer.finish() };
}

export function composeNotFound(
  context: ComposeContext,
  finding: Extract<Finding, { kind: 'not-found' }>,
): Composed {
  const answer = builder(context);
  answer.paragraph(missSentence(context, finding.miss));
  if (finding.suggestions.organizations.length > 0 && finding.suggestions.names.length === 0) {
    answer.paragraph(`Organisations I know most about: ${finding.suggestions.organizations.join(', ')}.`);
  }
  suggest(answer, finding.suggestions, finding.miss);
  return { title: 'Nothing found', answered: false, ...answer.finish() };
}

function missSentence(context: ComposeContext, miss: Miss): string {
  const { conference } = context.catalog;
  const name = conferenceName(conference);
  const days = programmeDays(context.catalog);
  const zone = conference.timeZone;
  const span = `${formatDay(days[0] ?? conference.startDate, zone)} to ${formatDay(days[days.length - 1] ?? conference.endDate, zone)} ${conference.endDate.slice(0, 4)}`;
  switch (miss.kind) {
    case 'topic':
      return `I found nothing about ${quoted(asTyped(context, miss.topic))} in the ${name} programme.`;
    case 'name': {
      const typed = quoted(asTyped(context, miss.name));
      if (miss.expected === 'organization')
        return `I have no sessions, speakers or announcements from ${typed} at ${name}.`;
      if (miss.expected === 'person') return `I don't know anyone or anything called ${typed} at ${name}.`;
      return `I have nothing on ${typed} at ${name}.`;
    }
    case 'day-not-in-conference': {
      const coverage = coverageOf(context.catalog.dataset);
      const sentence = coverageSentence(conference, coverage);
      // When the data holds days the programme count leaves out (a workshop day), say what it holds instead.
      if (coverage.days.length > days.length)
        return `I have nothing for ${describeDay(miss.day, miss.date, zone)}: ${lowerFirst(sentence)}`;
      const runs = `${name} runs ${span}; ${describeDay(miss.day, miss.date, zone)} is not one of its days.`;
      return coverage.partial ? `${runs} ${sentence}` : runs;
    }
    case 'empty-window': {
      const part =
        miss.at !== undefined ? ` ${miss.at}` : miss.part === undefined ? '' : ` in the ${miss.part}`;
      const about =
        miss.place !== undefined
          ? ` in ${miss.place}`
          : miss.topic === undefined
            ? ''
            : ` about ${quoted(miss.topic)}`;
      const more = miss.more === true ? ' more' : '';
      const coverage = coverageOf(context.catalog.dataset);
      // A gap in the data is said as one, with what the data does cover, never as an empty conference day.
      if (miss.gap === 'day' || (miss.gap === 'hours' && coverage.partial)) {
        return `I have nothing${about} for ${formatDay(miss.date, zone)}${part}: ${lowerFirst(coverageSentence(conference, coverage))}`;
      }
      const hours = coverage.days.find((day) => day.date === miss.date);
      const runs =
        miss.gap === 'hours' && hours !== undefined
          ? `; that day my schedule runs ${hours.from}–${hours.to}`
          : '';
      return `Nothing${more}${about} is scheduled on ${formatDay(miss.date, zone)}${part}, as far as my sources go${runs}.`;
    }
    case 'outside-conference':
      return miss.when === 'before'
        ? `${name} has not started yet: it runs ${span}${inCity(conference)}.`
        : `${name} is over: it ran ${span}${inCity(conference)}, so nothing is on now.`;
    case 'booth':
      return `I don't know of any exhibitor at booth ${miss.booth}.`;
    case 'no-schedule':
      return `My sources for ${name} hold no timed sessions, so I can't say what is on when.`;
    case 'place':
      return `I don't know a room or track called ${quoted(asTyped(context, miss.place))} at ${name}; “list rooms” and “list tracks” show them. ${coverageSentence(conference, coverageOf(context.catalog.dataset))}`;
    case 'nothing':
      return `I couldn't find anything matching ${quoted(asTyped(context, miss.text))} at ${name}.`;
    default:
      return assertNever(miss);
  }
}

function describeDay(day: DayRef, date: string | undefined, zone: string): string {
  if (day.kind === 'weekday') return WEEKDAY_NAMES[day.weekday] ?? 'that day';
  if (date !== undefined) return formatDay(date, zone);
  return 'that day';
}

function suggest(answer: ReturnType<typeof builder>, suggestions: Suggestions, miss: Miss): void {
  if (suggestions.names.length > 0) {
    const verb = miss.kind === 'name' && miss.expected === 'organization' ? 'what did' : 'who is';
    answer.paragraph(`Did you mean ${suggestions.names.map(quoted).join(' or ')}?`);
    answer.suggestions(
      suggestions.names.map((name) =>
        verb === 'what did' ? `what did ${name} present?` : `who is ${name}?`,
      ),
    );
    return;
  }
  if (suggestions.topics.length > 0)
    answer.paragraph(`Topics I can answer about include ${suggestions.topics.map(quoted).join(', ')}.`);
  answer.suggestions([
    ...suggestions.topics.slice(0, 2).map((topic) => `who spoke about ${topic}?`),
    `list ${suggestions.browse}`,
    'help',
  ]);
}
