// Follow-up context per conversation (a Slack thread, a DM, a Discord channel), kept in the store with an expiry,
// so "when is it?" after "who is giving the keynote?" works whichever replica takes the next message.
import { type ConversationContext, parseConversationContext } from '../../src/index.ts';
import type { ContextEntries } from '../store/store.ts';
import type { Logger } from './logger.ts';

/** A follow-up more than this long after the last answer starts afresh. */
export const CONTEXT_TTL_MS = 30 * 60 * 1000;

export interface ConversationMemory {
  /** The context left by the conversation's last answer; undefined when none, expired, or the store failed. */
  recall(key: string): Promise<ConversationContext | undefined>;
  /** Keeps the context of the answer just given. A store failure is logged, never thrown: the answer went out. */
  remember(key: string, context: ConversationContext): Promise<void>;
}

export function createConversationMemory(options: {
  /** The store's context entries, once it is open; until then conversations have no memory. */
  readonly entries: () => ContextEntries | undefined;
  readonly clock: () => number;
  readonly logger: Logger;
  readonly ttlMs?: number;
}): ConversationMemory {
  const ttlMs = options.ttlMs ?? CONTEXT_TTL_MS;
  return {
    async recall(key) {
      const entries = options.entries();
      if (entries === undefined) return undefined;
      try {
        const value = await entries.get(key, options.clock());
        return value === undefined ? undefined : parseConversationContext(value);
      } catch (error) {
        options.logger.warn({ err: error }, 'conversation context could not be read; answering without it');
        return undefined;
      }
    },
    async remember(key, context) {
      const entries = options.entries();
      if (entries === undefined) return;
      try {
        await entries.put(key, context, options.clock() + ttlMs);
      } catch (error) {
        options.logger.warn({ err: error }, 'conversation context could not be kept');
      }
    },
  };
}
