// The contract between `npm start` and each chat platform: decide from the environment, then start and stop.
import type { Answer, AskOptions, Engine } from '../../src/index.ts';
import type { AgendaMessenger } from '../agenda/agenda-messenger.ts';
import type { ChannelPlace } from '../conferences/binding-store.ts';
import type { DigestPoster } from '../digest/digest-poster.ts';
import type { ChatServices } from './chat-services.ts';
import type { ConversationMemory } from './conversation-memory.ts';
import type { Logger } from './logger.ts';

/** A running connection to one chat platform. */
export interface ChatAdapter {
  readonly name: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Posts digests to this platform's channels; available once started. */
  digestPoster?(): DigestPoster | undefined;
  /** Sends agenda reminders and change notices by DM; available once started. */
  agendaMessenger?(): AgendaMessenger | undefined;
}

/** What an adapter decides from the environment: start, skip (with the reason), or refuse (with problems). */
export type AdapterPlan =
  | { readonly kind: 'start'; readonly adapter: ChatAdapter }
  | { readonly kind: 'skip'; readonly reason: string }
  | { readonly kind: 'invalid'; readonly problems: readonly string[] };

/** Everything an adapter may use. */
export interface AdapterDependencies {
  /** The engine to answer with right now; a data refresh swaps it, so call this per question. */
  readonly engine: () => Engine;
  /**
   * With several conferences: answers a question with the conference it names, else the channel's. Absent, every
   * question goes to `engine`.
   */
  readonly ask?: AskIn;
  /** With several conferences: the engine of a channel's conference (opened if need be), for suggestions. */
  readonly engineIn?: (place: ChannelPlace) => Promise<Engine>;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly logger: Logger;
  /** Rate limits, admins, digest subscriptions and reload; absent in tests that need none of them. */
  readonly services?: ChatServices;
  /** Told when the platform connection drops (false) and is back (true), so /healthz can say so. */
  readonly onConnectionChange?: (connected: boolean) => void;
}

/** Answers a question asked in a channel, with that channel's conference. */
export type AskIn = (question: string, place: ChannelPlace, options?: AskOptions) => Promise<Answer>;

/**
 * Answers with the channel's conference when there are several, else with the one engine, synchronously: with
 * one conference a handler answers before the next event is handled, as it always did (replies keep their order).
 */
export function askIn(
  dependencies: { readonly engine: () => Engine; readonly ask?: AskIn | undefined },
  question: string,
  place: ChannelPlace,
  options: AskOptions = {},
): Answer | Promise<Answer> {
  if (dependencies.ask !== undefined) return dependencies.ask(question, place, options);
  return dependencies.engine().ask(question, options);
}

/**
 * Answers as `askIn` does, with what this conversation last asked about, for follow-ups. Synchronous when the
 * memory and the engine both are, so that a handler keeps its replies in the order they were asked.
 */
export function askInConversation(
  dependencies: { readonly engine: () => Engine; readonly ask?: AskIn | undefined },
  memory: ConversationMemory | undefined,
  conversation: string,
  question: string,
  place: ChannelPlace,
): Answer | Promise<Answer> {
  const recalled = memory?.optionsFor(conversation) ?? {};
  return recalled instanceof Promise
    ? recalled.then((options) => askIn(dependencies, question, place, options))
    : askIn(dependencies, question, place, recalled);
}

/** Registered by each platform in `adapters/main.ts`. */
export interface AdapterFactory {
  readonly name: string;
  plan(dependencies: AdapterDependencies): AdapterPlan;
}
