// Follow-up context per conversation (a Slack thread, a Discord channel or DM, the console): bounded in size and
// age, kept in memory. The engine gets it as an explicit argument, so the core never learns about platforms.
import type { Answer, AskOptions, ConversationContext } from '../../src/index.ts';

export interface ConversationMemoryOptions {
  /** Conversations remembered at most; the least recently used is forgotten first. */
  readonly maxConversations?: number;
  /** A conversation quiet for longer than this starts afresh: "when is it?" an hour later means nothing. */
  readonly maxAgeMs?: number;
  readonly now?: () => number;
}

export const DEFAULT_MAX_CONVERSATIONS = 10_000;
export const DEFAULT_MAX_AGE_MS = 30 * 60 * 1000;

export class ConversationMemory {
  private readonly entries = new Map<
    string,
    { readonly context: ConversationContext; readonly at: number }
  >();
  private readonly max: number;
  private readonly maxAgeMs: number;
  private readonly now: () => number;

  constructor(options: ConversationMemoryOptions = {}) {
    this.max = options.maxConversations ?? DEFAULT_MAX_CONVERSATIONS;
    this.maxAgeMs = options.maxAgeMs ?? DEFAULT_MAX_AGE_MS;
    this.now = options.now ?? Date.now;
  }

  /** The options to ask with in this conversation: its context, when it is fresh enough. */
  optionsFor(key: string): AskOptions {
    const entry = this.entries.get(key);
    if (entry === undefined) return {};
    if (this.now() - entry.at > this.maxAgeMs) {
      this.entries.delete(key);
      return {};
    }
    return { context: entry.context };
  }

  /** Remembers what the answer leaves for the next question in this conversation. */
  remember(key: string, answer: Answer): void {
    if (answer.context === undefined) return;
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
  ask(key: string, question: string, ask: (question: string, options: AskOptions) => Answer): Answer {
    const answer = ask(question, this.optionsFor(key));
    this.remember(key, answer);
    return answer;
  }

  get size(): number {
    return this.entries.size;
  }
}
