// Sends each intent to the resolver that answers it.

import { programmeDays } from '../../model/programme-days.ts';
import { analyzeToken } from '../../text/analyzer.ts';
import { wordTokens } from '../../text/normalize.ts';
import type { Finding, Miss, ResolveContext } from '../finding.ts';
import { assertNever, type Intent } from '../intent.ts';
import { resolveActivity, resolveMembers, resolvePartnership } from './activity.ts';
import { resolveAgenda } from './agenda.ts';
import { conferenceFact } from './conference-fact.ts';
import { resolveDigest } from './digest.ts';
import { resolveHelp } from './help.ts';
import { resolveIdentify } from './identify.ts';
import { resolveList } from './list.ts';
import { resolveOpener } from './opener.ts';
import { resolveBooth, resolvePlace } from './place.ts';
import { resolveNext, resolveNow, resolveSchedule } from './schedule.ts';
import { resolveSearch } from './search.ts';
import { suggestionsFor } from './suggestions.ts';
import { resolveSummary } from './summary.ts';
import { resolveTopic } from './topic.ts';
import { resolveVendors } from './vendors.ts';

/** Questions that are about times, which a dataset without any timed session cannot answer. */
const ABOUT_TIMES: ReadonlySet<Intent['kind']> = new Set(['now', 'next', 'schedule', 'opener', 'digest']);

/** A name the question typed with a typo, which the reader linked to a catalog name and asked about by it. */
export interface Renamed {
  readonly typed: string;
  readonly name: string;
}

export function resolve(context: ResolveContext, intent: Intent, renamed?: Renamed): Finding {
  const found = resolveIntent(context, intent);
  const finding = renamed === undefined ? found : withTypedName(found, renamed);
  if (finding.kind !== 'not-found') return finding;
  // Nothing in the programme: the event's own notes may say ("how many people attended?").
  const asked = missedWords(finding.miss);
  return (asked === undefined ? undefined : conferenceFact(context, asked)) ?? finding;
}

/** The answer still says it read a typo as a name: "Closest match for “trimbel”: Trimble Inc." */
function withTypedName(finding: Finding, renamed: Renamed): Finding {
  switch (finding.kind) {
    case 'person':
    case 'organization':
    case 'project':
    case 'term':
      return {
        ...finding,
        match: { typed: renamed.typed, matchedName: finding.match.matchedName, exact: false },
      };
    default:
      return finding;
  }
}

/** The words a miss was about, for the conference-notes fallback; undefined for misses about times or places. */
function missedWords(miss: Miss): string | undefined {
  if (miss.kind === 'topic') return miss.topic;
  if (miss.kind === 'name') return miss.name;
  if (miss.kind === 'nothing') return miss.text;
  return undefined;
}

/** Words that ask about the event as a whole ("where is the conference?"), which its own card answers. */
const EVENT_WORDS: ReadonlySet<string> = new Set(
  'conference event venue dates date days time times city location held happening start starts begin end ends finish run runs long big takes place'.split(
    ' ',
  ),
);

/** A fact from the event's description; its card when only the event was asked about; else an honest miss. */
function resolveEvent(context: ResolveContext, intent: Extract<Intent, { kind: 'event' }>): Finding {
  const { question } = intent;
  const fact = conferenceFact(context, question);
  if (fact !== undefined) return fact;
  const asked = wordTokens(question).filter(
    (word) => analyzeToken(word) !== null && !context.conferenceWords.has(word),
  );
  if (intent.eventOnly === true || asked.every((word) => EVENT_WORDS.has(word)))
    return {
      kind: 'conference',
      conference: context.catalog.conference,
      days: programmeDays(context.catalog),
    };
  return {
    kind: 'not-found',
    miss: { kind: 'nothing', text: question },
    suggestions: suggestionsFor(context, undefined),
  };
}

function resolveIntent(context: ResolveContext, intent: Intent): Finding {
  if (ABOUT_TIMES.has(intent.kind) && context.catalog.timeline.length === 0) {
    return {
      kind: 'not-found',
      miss: { kind: 'no-schedule' },
      suggestions: suggestionsFor(context, undefined),
    };
  }
  switch (intent.kind) {
    case 'help':
      return resolveHelp(context);
    case 'list':
      return resolveList(context, intent);
    case 'now':
      return resolveNow(context, intent);
    case 'next':
      return resolveNext(context, intent);
    case 'schedule':
      return resolveSchedule(context, intent);
    case 'opener':
      return resolveOpener(context, intent);
    case 'booth':
      return resolveBooth(context, intent);
    case 'where':
    case 'when':
      return resolvePlace(context, intent);
    case 'activity':
      return resolveActivity(context, intent);
    case 'partnership':
      return resolvePartnership(context, intent);
    case 'members':
      return resolveMembers(context, intent);
    case 'vendors':
      return resolveVendors(context, intent);
    case 'topic':
      return resolveTopic(context, intent);
    case 'identify':
      return resolveIdentify(context, intent);
    case 'digest':
      return resolveDigest(context, intent);
    case 'search':
      return resolveSearch(context, intent);
    case 'summary':
      return resolveSummary(context);
    case 'event':
      return resolveEvent(context, intent);
    case 'agenda-add':
    case 'agenda-remove':
    case 'agenda-show':
    case 'agenda-clear':
    case 'agenda-lead':
    case 'forget-me':
      return resolveAgenda(context, intent);
    default:
      return assertNever(intent);
  }
}
