// What `/hallway <text>` asks for: a digest subscription command, a data reload, or a question for the engine.
import type { BindingCommand } from '../conferences/conference-service.ts';
import type { SubscriptionCommand } from '../digest/digest-subscriptions.ts';
import { SLASH_COMMAND } from './surfaces.ts';

/** What `/hallway` was asked to do. */
export type HallwayCommand =
  | { readonly kind: 'subscription'; readonly command: SubscriptionCommand }
  | { readonly kind: 'reload' }
  | { readonly kind: 'conference'; readonly command: BindingCommand }
  | { readonly kind: 'question'; readonly question: string };

/** The whole text must match, so "digest" and "digest for Thursday" stay questions. */
const SUBSCRIBE =
  /^(?:digest (?:here|on|start|subscribe(?: here)?)|subscribe(?: (?:to )?(?:the )?digest)?(?: here)?)$/;
const UNSUBSCRIBE =
  /^(?:digest (?:off|stop|unsubscribe(?: here)?)|unsubscribe(?: (?:from )?(?:the )?digest)?(?: here)?)$/;
const LIST = /^digest (?:list|channels|subscriptions)$/;
const RELOAD = /^reload(?: (?:the )?data)?$/;
/** `use fosdem-2026`: an id is one word of letters, digits and dashes, so "use of GPUs" stays a question. */
const USE = /^use ([a-z0-9][a-z0-9-]*)$/;
const CONFERENCES = /^(?:use|conferences|conference list|use list)$/;

/** The words after `/hallway` that run each subscription command, as the replies tell people to type them. */
const COMMAND_WORDS: Readonly<Record<SubscriptionCommand, string>> = {
  subscribe: 'digest here',
  unsubscribe: 'digest off',
  list: 'digest list',
};

/**
 * Reads `/hallway` text (already turned into plain words by `questionFromSlackText`). Case, extra spaces and
 * a final "." or "!" do not matter; anything that is not exactly a command is a question.
 */
export function parseHallwayCommand(question: string): HallwayCommand {
  const words = question
    .toLowerCase()
    .replace(/[.!]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (SUBSCRIBE.test(words)) return { kind: 'subscription', command: 'subscribe' };
  if (UNSUBSCRIBE.test(words)) return { kind: 'subscription', command: 'unsubscribe' };
  if (LIST.test(words)) return { kind: 'subscription', command: 'list' };
  if (RELOAD.test(words)) return { kind: 'reload' };
  if (CONFERENCES.test(words)) return { kind: 'conference', command: { kind: 'list' } };
  const use = USE.exec(words);
  if (use?.[1] !== undefined) {
    return { kind: 'conference', command: { kind: 'use', conferenceId: use[1], scope: 'channel' } };
  }
  return { kind: 'question', question };
}

/** "/hallway use fosdem-2026": how to run a conference command, for the replies. */
export function conferenceCommandFor(command: BindingCommand): string {
  return command.kind === 'list'
    ? `${SLASH_COMMAND} conferences`
    : `${SLASH_COMMAND} use ${command.conferenceId}`;
}

/** "/hallway digest here": how to run a subscription command, for the replies. */
export function commandFor(command: SubscriptionCommand): string {
  return `${SLASH_COMMAND} ${COMMAND_WORDS[command]}`;
}
