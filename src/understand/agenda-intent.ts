// Fills the agenda intents ("add the Agones keynote to my agenda", "remind me 15 minutes before") from a reading.
import type { AgendaIntent } from '../engine/intent.ts';
import type { IntentLabel } from './lexicon.ts';
import type { QuestionReading } from './read-question.ts';

/** The agenda labels, each of which maps onto one `AgendaIntent` kind. */
export type AgendaLabel = Extract<
  IntentLabel,
  'agenda-add' | 'agenda-remove' | 'agenda-show' | 'agenda-clear' | 'agenda-lead' | 'forget-me'
>;

/** Words that ask to change an agenda; an add or a remove with none of them is not one. */
const ACTION_WORDS = new Set([
  'remind',
  'reminding',
  'add',
  'star',
  'unstar',
  'put',
  'save',
  'bookmark',
  'remove',
  'take',
  'delete',
  'drop',
  'agenda',
  'schedule',
  'going',
  'want',
]);

/** Words of an agenda request that never name the session ("add", "my", "agenda", "talk"). */
const FRAMING = new Set([
  ...ACTION_WORDS,
  ...'me do not stop when starts i am go my calendar talk talks session sessions s the a an to from off on about please'.split(
    ' ',
  ),
]);

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  five: 5,
  ten: 10,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  sixty: 60,
};
const MINUTE_WORDS = new Set(['minute', 'minutes', 'min', 'mins', 'm']);
const HOUR_WORDS = new Set(['hour', 'hours', 'hr', 'hrs', 'h']);

/**
 * The agenda intent of `label`, with the session words (add, remove), the day (show) or the minutes (lead);
 * undefined for an add or remove that asks for no change (the question is then searched instead).
 */
export function agendaIntent(label: AgendaLabel, reading: QuestionReading): AgendaIntent | undefined {
  switch (label) {
    case 'agenda-add':
    case 'agenda-remove':
      // Changing an agenda takes a word that asks for it; without one the classifier only saw a long subject.
      if (!reading.tokens.words.some((word) => ACTION_WORDS.has(word))) return undefined;
      return { kind: label, subject: sessionWords(reading) };
    case 'agenda-show':
      return { kind: 'agenda-show', ...(reading.times.day === undefined ? {} : { day: reading.times.day }) };
    case 'agenda-clear':
      return { kind: 'agenda-clear' };
    case 'agenda-lead': {
      const minutes = leadMinutes(reading.tokens.words);
      return { kind: 'agenda-lead', ...(minutes === undefined ? {} : { minutes }) };
    }
    case 'forget-me':
      return { kind: 'forget-me' };
  }
}

/**
 * The words naming the session: the question without the agenda's own framing. Not the classifier's subject slots:
 * a title's words that are also cues elsewhere ("the closing keynote") would be lost from them.
 */
function sessionWords(reading: QuestionReading): string {
  return reading.tokens.words.filter((word) => !FRAMING.has(word)).join(' ');
}

/** "15 minutes", "5 min", "half an hour", "1 hour", "an hour": the lead time in minutes. */
export function leadMinutes(words: readonly string[]): number | undefined {
  if (words.includes('half') && words.some((word) => HOUR_WORDS.has(word))) return 30;
  for (let index = 0; index < words.length; index += 1) {
    const word = words[index] ?? '';
    const glued = /^(\d+)(m|min|mins|h|hr|hrs)$/.exec(word);
    const value = glued !== null ? Number(glued[1]) : /^\d+$/.test(word) ? Number(word) : NUMBER_WORDS[word];
    const unit = glued !== null ? glued[2] : (words[index + 1] ?? 'minutes');
    if (value === undefined) {
      if ((word === 'an' || word === 'a') && HOUR_WORDS.has(words[index + 1] ?? '')) return 60;
      continue;
    }
    if (HOUR_WORDS.has(unit ?? '')) return value * 60;
    if (MINUTE_WORDS.has(unit ?? '') || glued === null) return value;
  }
  return undefined;
}
