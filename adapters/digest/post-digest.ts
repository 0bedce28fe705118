// Posts one digest to one channel once: claim the (channel, date, kind) row with a lease, post each message with
// retries, record each message as it goes out (renewing the lease), then record the result. A second claim is
// refused by the key while the lease holds; a dead replica's claim is taken over once it runs out.
import type { Answer } from '../../src/index.ts';
import { RetriesExhaustedError, type RetryPolicy, withRetries } from '../shared/retry.ts';
import type { DigestRecords, PostKey } from '../store/store.ts';
import type { DigestPoster } from './digest-poster.ts';

/** A failed post that reached nobody is tried again (at start or the next run) up to this many times. */
export const MAX_POST_ATTEMPTS = 3;
/** How long a claim is held without progress before another replica may take it over. */
export const DEFAULT_LEASE_MS = 2 * 60 * 1000;

export type PostOutcome =
  | {
      readonly kind: 'posted';
      readonly key: PostKey;
      readonly messageIds: readonly string[];
      readonly lateByMs?: number;
    }
  | { readonly kind: 'already'; readonly key: PostKey }
  /** A dead run's claim, taken over and settled as unknown: the platform cannot tell what it had posted. */
  | { readonly kind: 'interrupted'; readonly key: PostKey; readonly partsPosted: number }
  /** Nothing to report that day: no post, no claim. */
  | { readonly kind: 'empty'; readonly key: PostKey }
  | { readonly kind: 'failed'; readonly key: PostKey; readonly reason: string; readonly partsPosted: number };

export interface PostDigestOptions {
  readonly store: DigestRecords;
  readonly poster: DigestPoster;
  readonly key: PostKey;
  /** The channel's workspace, when its subscription says: the platform may post with that workspace's token. */
  readonly workspaceId?: string;
  readonly answer: Answer;
  readonly now: () => number;
  /** How long a claim (and each renewal) holds off other replicas. */
  readonly leaseMs?: number;
  readonly lateByMs?: number;
  readonly retry?: { readonly policy?: RetryPolicy; readonly sleep?: (ms: number) => Promise<void> };
  readonly onRetry?: (info: {
    readonly attempt: number;
    readonly delayMs: number;
    readonly reason: string;
  }) => void;
}

export async function postDigestOnce(options: PostDigestOptions): Promise<PostOutcome> {
  const { store, poster, key } = options;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const claim = await store.claim(key, options.now(), { maxAttempts: MAX_POST_ATTEMPTS, leaseMs });
  if (claim === undefined) return { kind: 'already', key };
  // A replica died holding this claim and the platform cannot look for what it posted: never risk a second post.
  if (claim.takenOver && poster.findsEarlierPosts !== true) {
    const reason = 'interrupted while posting (Hallway stopped); not posted again to avoid a duplicate';
    await store.finish(claim, 'unknown', options.now(), reason);
    return { kind: 'interrupted', key, partsPosted: (await store.post(key))?.partsPosted ?? 0 };
  }
  const messageIds: string[] = [];
  let sends: ReadonlyArray<() => Promise<string>> = [];
  try {
    const ledger = {
      key: `digest/${key.channelId}/${key.date}/${key.kind}`,
      resumed: claim.resumed,
      ...(options.workspaceId === undefined ? {} : { workspaceId: options.workspaceId }),
    };
    sends = poster.messages(key.channelId, options.answer, ledger);
    await store.planParts(claim, sends.length);
    for (const send of sends) {
      const messageId = await withRetries(send, {
        classify: (error) => poster.classify(error),
        ...(options.retry?.policy === undefined ? {} : { policy: options.retry.policy }),
        ...(options.retry?.sleep === undefined ? {} : { sleep: options.retry.sleep }),
        ...(options.onRetry === undefined ? {} : { onRetry: options.onRetry }),
      });
      await store.partPosted(claim, messageId, options.now() + leaseMs);
      messageIds.push(messageId);
    }
  } catch (error) {
    const reason =
      error instanceof RetriesExhaustedError ? error.message : `could not post: ${(error as Error).message}`;
    await store.finish(claim, 'failed', options.now(), reason);
    return { kind: 'failed', key, reason, partsPosted: messageIds.length };
  }
  await store.finish(claim, 'posted', options.now());
  return {
    kind: 'posted',
    key,
    messageIds,
    ...(options.lateByMs === undefined ? {} : { lateByMs: options.lateByMs }),
  };
}
