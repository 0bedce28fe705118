// Posts one digest to one channel at most once: claim the (channel, date, kind) row, post each message with
// retries, record each message as it goes out, then record the result. A second claim is refused by the key.
import type { Answer } from '../../src/index.ts';
import { RetriesExhaustedError, type RetryPolicy, withRetries } from '../shared/retry.ts';
import type { DigestPoster } from './digest-poster.ts';
import type { DigestStore, PostKey } from './digest-store.ts';

/** A failed post that reached nobody is tried again (at start or the next run) up to this many times. */
export const MAX_POST_ATTEMPTS = 3;

export type PostOutcome =
  | {
      readonly kind: 'posted';
      readonly key: PostKey;
      readonly messageIds: readonly string[];
      readonly lateByMs?: number;
    }
  | { readonly kind: 'already'; readonly key: PostKey }
  /** Nothing to report that day: no post, no claim. */
  | { readonly kind: 'empty'; readonly key: PostKey }
  | { readonly kind: 'failed'; readonly key: PostKey; readonly reason: string; readonly partsPosted: number };

export interface PostDigestOptions {
  readonly store: DigestStore;
  readonly poster: DigestPoster;
  readonly key: PostKey;
  readonly answer: Answer;
  readonly now: () => number;
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
  const id = store.claim(key, options.now(), MAX_POST_ATTEMPTS);
  if (id === undefined) return { kind: 'already', key };
  const messageIds: string[] = [];
  let sends: ReadonlyArray<() => Promise<string>> = [];
  try {
    const ledger = {
      key: `digest/${key.channelId}/${key.date}/${key.kind}`,
      resumed: (store.post(key)?.attempts ?? 1) > 1,
    };
    sends = poster.messages(key.channelId, options.answer, ledger);
    store.planParts(id, sends.length);
    for (const send of sends) {
      const messageId = await withRetries(send, {
        classify: (error) => poster.classify(error),
        ...(options.retry?.policy === undefined ? {} : { policy: options.retry.policy }),
        ...(options.retry?.sleep === undefined ? {} : { sleep: options.retry.sleep }),
        ...(options.onRetry === undefined ? {} : { onRetry: options.onRetry }),
      });
      store.partPosted(id, messageId);
      messageIds.push(messageId);
    }
  } catch (error) {
    const reason =
      error instanceof RetriesExhaustedError ? error.message : `could not post: ${(error as Error).message}`;
    store.finish(id, 'failed', options.now(), reason);
    return { kind: 'failed', key, reason, partsPosted: messageIds.length };
  }
  store.finish(id, 'posted', options.now());
  return {
    kind: 'posted',
    key,
    messageIds,
    ...(options.lateByMs === undefined ? {} : { lateByMs: options.lateByMs }),
  };
}
