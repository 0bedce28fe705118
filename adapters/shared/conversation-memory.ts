// Follow-up context per conversation (a Slack thread, a Discord channel or DM, the console), bounded in age: in the
// store when there is one, so whichever replica takes the next message knows the last answer, else in memory.
import {
  type Answer,
  type AskOptions,
  type ConversationContext,
  parseConversationContext,
} from '../../src/index.ts';
import type { ContextEntries } from '../store/store.ts';
import type { Logger } from './logger.ts';

export interface ConversationMemoryOptions {
  /** Conversations remembered in memory at most; the least recently used is forgotten first. */
  readonly maxConversations?: number;
  /** A conversation quiet for longer than this starts afresh: "when is it?" an hour later means nothing. */
  readonly maxAgeMs?: number;
  readonly now?: () => number;
  /**
   * The store's context entries, once it is open: replicas then share each conversation's context. Until it is
   * open (or without one) the context is kept in this process.
   */
  readonly store?: () => ContextEntries | undefined;
  /** Told when the store cannot be read or written; the answer goes on without the context. */
  readonly logger?: Logger;
}

export const DEFAULT_MAX_CONVERSATIONS = 10_000;
export const DEFAULT_MAX_AGE_MS = 30 * 60 * 1000;

/** The one follow-up memory of every adapter: `optionsFor` before asking, `remember` after answering. */
export class ConversationMemory {
  private readonly entries = new Map<
    string,
    { readonly context: ConversationContext; readonly at: number }
  >();
  private readonly max: number;
  private readonly maxAgeMs: number;
  private readonly now: () => number;

  constructor(private readonly options: ConversationMemoryOptions = {}) {
    this.max = options.maxConversations ?? DEFAULT_MAX_CONVERSATIONS;
    this.maxAgeMs = options.maxAgeMs ?? DEFAULT_MAX_AGE_MS;
    this.now = options.now ?? Date.now;
  }

  /**
   * The options to ask with in this conversation: its context, when it is fresh enough. Synchronous without a
   * store, so that a reply is not held back behind another message's (Discord sends in the order asked).
   */
  optionsFor(key: string): AskOptions | Promise<AskOptions> {
    const store = this.options.store?.();
    if (store !== undefined) return this.recall(store, key);
    const entry = this.entries.get(key);
    if (entry === undefined) return {};
    if (this.now() - entry.at > this.maxAgeMs) {
      this.entries.delete(key);
      return {};
    }
    return { context: entry.context };
  }

  /** Remembers what the answer leaves for the next question. A store failure is logged, never thrown. */
  remember(key: string, answer: Answer): void | Promise<void> {
    if (answer.context === undefined) return;
    const store = this.options.store?.();
    if (store !== undefined) return this.keep(store, key, answer.context);
    // Re-inserting moves the key to the end: Map order is the least-recently-used order.
    this.entries.delete(key);
    this.entries.set(key, { context: answer.context, at: this.now() });
    while (this.entries.size > this.max) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  /** Asks `ask` with this conversation's context and remembers the answer's. */
  async ask(
    key: string,
    question: string,
    ask: (question: string, options: AskOptions) => Answer | Promise<Answer>,
  ): Promise<Answer> {
    const answer = await ask(question, await this.optionsFor(key));
    await this.remember(key, answer);
    return answer;
  }

  private async recall(store: ContextEntries, key: string): Promise<AskOptions> {
    try {
      const value = await store.get(key, this.now());
      return value === undefined ? {} : { context: parseConversationContext(value) };
    } catch (error) {
      this.options.logger?.warn(
        { err: error },
        'conversation context could not be read; answering without it',
      );
      return {};
    }
  }

  private async keep(store: ContextEntries, key: string, context: ConversationContext): Promise<void> {
    try {
      await store.put(key, context, this.now() + this.maxAgeMs);
    } catch (error) {
      this.options.logger?.warn({ err: error }, 'conversation context could not be kept');
    }
  }

  /** Conversations kept in this process (those in the store are not counted). */
  get size(): number {
    return this.entries.size;
  }
}
