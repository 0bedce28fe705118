// Follow-up questions: "when is it?", "who?", "what else is she giving?" read against the previous answer's focus.
import type { Intent } from '../engine/intent.ts';
import type { IntentLabel } from './lexicon.ts';
import type { IntentContext, SlottedReading } from './to-intent.ts';

/** Question words of a bare follow-up, and what each asks about the previous answer. */
export function shortFollowUp(reading: SlottedReading, context: IntentContext): Intent | undefined {
  const { focus } = context;
  const { words } = reading.tokens;
  if (focus === undefined || reading.subjects.length > 0 || words.length > BARE_FOLLOW_UP) return undefined;
  if (reading.times.words.size > 0 || reading.sessionKind !== undefined) return undefined;
  // "What room?", "which track?": where the previous answer's session is.
  if (reading.collection === 'rooms' || reading.collection === 'tracks')
    return { kind: 'where', subject: focus.session ?? focus.subject };
  if (reading.collection !== undefined) return undefined;
  switch (words[0]) {
    case 'who':
      return { kind: 'identify', subject: focus.session ?? focus.subject, asked: 'who' };
    case 'when':
      return { kind: 'when', subject: focus.session ?? focus.subject };
    case 'where':
      return { kind: 'where', subject: focus.subject };
    default:
      return undefined;
  }
}

/** Words of a follow-up that point at a person, at a company or group, or at a place. */
const PERSON_PRONOUNS = new Set(['he', 'she', 'him', 'her', 'his', 'hers']);
const GROUP_PRONOUNS = new Set(['they', 'them', 'their', 'theirs']);
/** Intents about a company, whose follow-ups mean the previous answer's organisation. */
const ORGANIZATION_FIRST: ReadonlySet<IntentLabel> = new Set(['members', 'announced', 'partnership']);
/** A question this short, with only a question word and framing, is a bare follow-up ("who?", "where is it?"). */
const BARE_FOLLOW_UP = 3;
/** A question this short with no subject of its own continues the conversation ("where?", "who?"). */
const SHORT_FOLLOW_UP = 5;

/**
 * "When is it?", "what else is she giving?", "where is their booth?", "who else spoke there?": the previous answer's
 * first result, or its person, organisation or session, as the pronoun asks.
 */
export function focusSubject(
  reading: SlottedReading,
  context: IntentContext,
  label?: IntentLabel,
): string | undefined {
  const { focus } = context;
  if (focus === undefined) return undefined;
  const { words } = reading.tokens;
  const pointsBack =
    reading.pronouns.length > 0 ||
    words.includes('else') ||
    words.includes('more') ||
    words.length <= SHORT_FOLLOW_UP;
  if (!pointsBack) return undefined;
  // "Who works there?", "what else did they announce?": about a company, the first answer's organisation.
  if (label !== undefined && ORGANIZATION_FIRST.has(label))
    return focus.type === 'organization' ? focus.subject : (focus.organizations[0] ?? focus.subject);
  if (reading.pronouns.some((word) => PERSON_PRONOUNS.has(word)))
    return focus.type === 'person' ? focus.subject : (focus.people[0] ?? focus.subject);
  if (reading.pronouns.some((word) => GROUP_PRONOUNS.has(word)))
    return focus.type === 'organization'
      ? focus.subject
      : (focus.organizations[0] ?? focus.people[0] ?? focus.subject);
  if (reading.pronouns.includes('there')) return focus.session ?? focus.subject;
  return focus.subject;
}
