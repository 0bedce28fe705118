// Questions about time: now and next (in a room, of a kind), a day's schedule, a topic on a day, a clock time.
import type { SessionKind } from '../model/schema.ts';
import { type DayPhrase, findDayPhrase } from './day-phrase.ts';
import type { DayRef, Intent } from './intent.ts';
import { splitSessionKind } from './question-words.ts';

const NOW =
  /^(?:(?:is|are) )?(?:(?:what|which (?:sessions?|talks?)|anything) (?:is |are )?(?:on |happening |going on |running |live )?(?:right )?now|(?:what is )?(?:happening|on) (?:right )?now|now)(?: at (?:the )?(?:conference|kubecon))?$/;
const NEXT =
  /^(?:(?:what|which (?:sessions?|talks?)|who|anything) (?:is |are )?(?:on |up |coming up |happening |speaking |starting |coming )?(?:next|soon)|(?:what is )?(?:coming up|up next|next)|next(?: sessions?| talks?| up)?)(?: at (?:the )?(?:conference|kubecon)| today)?$/;
/** "When is the next keynote?", "what's the next talk in Hall 12?" */
const NEXT_OF_KIND =
  /^(?:when|what|where|which) (?:is|s) (?:the )?next (keynote|talk|session|demo|panel|workshop|tutorial|lightning talk)s?(?: (?:in|at) (?:the )?(.+?))?$/;
const SCHEDULE_START =
  /^(?:what|which|when|anything|any|show|list|schedule|agenda|program|programme|sessions?|talks?|keynotes?|demos?|events?|plans?|is there|are there)\b/;
const SESSION_WORDS = /\b(?:sessions?|talks?|keynotes?|demos?|panels?|workshops?|tutorials?)\b/;
const SCHEDULE_FILLER =
  /\b(?:how many|number of|left|still|later|else|remaining|starts?|starting|begins?|beginning|when|happened|took place|takes place|take place|went on|what|which|is|are|was|were|anything|any|show|list|the|a|on|for|at|in|of|during|happening|going|scheduled|planned|there|schedule|agenda|program|programme|sessions?|talks?|events?|plans?|plan|lineup|line up|do|we|have|i|can|see|attend|go|to)\b/g;

/** "What's on now?", "what's next?", "when is the next keynote?", "what's on now in Hall 12?"; else undefined. */
export function clockIntent(text: string): Intent | undefined {
  if (NOW.test(text)) return { kind: 'now' };
  if (NEXT.test(text)) return { kind: 'next' };
  const nextOfKind = text.match(NEXT_OF_KIND);
  if (nextOfKind !== null) {
    const { sessionKind } = splitSessionKind(nextOfKind[1] ?? '');
    const place = nextOfKind[2];
    return {
      kind: 'next',
      ...(sessionKind === undefined ? {} : { sessionKind }),
      ...(place === undefined ? {} : { place }),
    };
  }
  return nowOrNextIn(text);
}

/** "what's on now in Hall 12", "what's on in Hall 12 right now", "what's next at the Cloud Native Theater". */
const TRAILING_PLACE = /^(.+?) (?:in|at|inside) (?:the )?(.+)$/;
const MIDDLE_PLACE = /^(.+?) (?:in|at|inside) (?:the )?(.+?) ((?:right )?now|next|up next|coming up)$/;

function nowOrNextIn(text: string): Intent | undefined {
  const middle = MIDDLE_PLACE.exec(text);
  const trailing = TRAILING_PLACE.exec(text);
  const candidates: Array<[string, string]> = [];
  if (middle?.[1] !== undefined && middle[2] !== undefined)
    candidates.push([`${middle[1]} ${middle[3]}`, middle[2]]);
  if (trailing?.[1] !== undefined && trailing[2] !== undefined) candidates.push([trailing[1], trailing[2]]);
  for (const [question, place] of candidates) {
    if (/^(?:the )?(?:conference|kubecon|event|venue)$/.test(place)) continue;
    if (NOW.test(question)) return { kind: 'now', place };
    if (NEXT.test(question)) return { kind: 'next', place };
  }
  return undefined;
}

/** A day at the end of a topic ("eBPF on Thursday", "in Saal GLITCH tomorrow"): that day's sessions on it. */
const TRAILING_DAY = /^(.+?) (?:(?:on|this|next|during|for) (.+)|(today|tonight|tomorrow|yesterday))$/;

export function topicOnDay(topic: string, sessionKind: SessionKind | undefined): Intent | undefined {
  // "Who's talking at 11?", "who is speaking tomorrow morning?": only a time, so the sessions then.
  const whole = findDayPhrase(topic);
  if ((whole.day !== undefined || whole.time !== undefined) && /^(?:(?:at|on|in|the) ?)*$/.test(whole.rest)) {
    return scheduleOf(whole.day ?? { kind: 'relative', offset: 0 }, whole, sessionKind, '', false);
  }
  const match = TRAILING_DAY.exec(topic);
  const tail = match?.[2] ?? match?.[3];
  if (match?.[1] === undefined || tail === undefined) return undefined;
  const phrase = findDayPhrase(tail);
  // The whole tail must be a day ("on Sun Microsystems" is no Sunday).
  if (phrase.day === undefined || phrase.rest.length > 0) return undefined;
  const placed = /^(?:in|at|inside) /.test(match[1]);
  const subject = match[1].replace(/^(?:in|at|inside|about|on) (?:the )?/, '').trim();
  if (subject.length === 0) return undefined;
  return scheduleOf(phrase.day, phrase, sessionKind, subject, placed);
}

/** A schedule intent with only the parts that were asked for. */
function scheduleOf(
  day: DayRef,
  phrase: DayPhrase,
  sessionKind: SessionKind | undefined,
  topic: string,
  placed: boolean,
): Intent {
  return {
    kind: 'schedule',
    day,
    ...(phrase.part === undefined ? {} : { part: phrase.part }),
    ...(phrase.time === undefined ? {} : { time: phrase.time }),
    ...(sessionKind === undefined ? {} : { sessionKind }),
    ...(topic.length === 0 ? {} : { topic }),
    ...(placed && topic.length > 0 ? { placed: true } : {}),
  };
}

/** "what's on Thursday morning", "keynotes tomorrow", "schedule for day 2", "security talks on Tuesday". */
export function scheduleIntent(text: string): Intent | undefined {
  if (!SCHEDULE_START.test(text) && !SESSION_WORDS.test(text)) return undefined;
  const found = findDayPhrase(text);
  // "What's on at 3pm?" and "what's happening this afternoon?" are about today.
  const today = found.time !== undefined || /\b(?:this|in the) (?:morning|afternoon|evening)\b/.test(text);
  const phrase =
    found.day === undefined && today ? { ...found, day: { kind: 'relative', offset: 0 } as const } : found;
  if (phrase.day === undefined) return undefined;
  const { rest, sessionKind } = splitSessionKind(phrase.rest);
  // "what's on in Janson", "talks at the Cloud Native Theater": the words after "in" may name a room or track.
  const placed = /\b(?:in|at|inside) (?!the (?:morning|afternoon|evening)\b)/.test(rest);
  const topic = rest
    .replace(SCHEDULE_FILLER, ' ')
    .replace(/\b(?:about|on|regarding|covering)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  // A whole day, with no part, kind or topic, is best answered by its digest: keynotes, then tracks. What is
  // "left" of a day is a list, from which what is over drops out.
  const remaining = /\b(?:left|still|later|remaining|rest of)\b/.test(text);
  if (
    !remaining &&
    phrase.part === undefined &&
    phrase.time === undefined &&
    sessionKind === undefined &&
    topic.length === 0
  ) {
    return { kind: 'digest', day: phrase.day };
  }
  return scheduleOf(phrase.day, phrase, sessionKind, topic, placed);
}
