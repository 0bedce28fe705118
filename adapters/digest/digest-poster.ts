// What a chat platform provides to post digests: the digest as messages inside its limits, a way to send each
// one, and how to read its errors. Slack and Discord each implement this; the digest runner knows neither.
import type { Answer } from '../../src/index.ts';
import type { Platform } from '../shared/platforms.ts';
import type { RetryDecision } from '../shared/retry.ts';

/** Which ledger row a digest's messages belong to, for platforms that mark their posts with it. */
export interface DigestLedger {
  /** Unique per channel, day and kind; a platform appends the part number. */
  readonly key: string;
  /** True when an earlier attempt was claimed and failed: it may have posted something after all. */
  readonly resumed: boolean;
  /** The channel's workspace (Slack team, Discord guild), when its subscription recorded it. */
  readonly workspaceId?: string;
}

export interface DigestPoster {
  readonly platform: Platform;
  /**
   * True when, told `ledger.resumed`, the platform looks for the messages an earlier attempt posted before posting
   * again (Slack, by message metadata). A dead replica's claim is then taken over and finished; without it, the
   * claim is settled as unknown and nothing is posted, as a duplicate is worse than a missed digest.
   */
  readonly findsEarlierPosts?: boolean;
  /**
   * The digest for one channel, as one or more messages (split, never cut, to fit the platform's limits). Each
   * function posts one message and resolves with its id; they are called in order, each at most once per attempt.
   * A platform without an idempotent send marks each message with `ledger` so that a retry after an unknown
   * outcome can find it instead of posting it again.
   */
  messages(channelId: string, answer: Answer, ledger: DigestLedger): ReadonlyArray<() => Promise<string>>;
  /** Whether an error from a send is worth retrying (a 5xx, a 429 with its Retry-After) or final. */
  classify(error: unknown): RetryDecision;
}
