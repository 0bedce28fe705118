// Posts answers into Slack channels and DMs at most once, retrying failures the way the answer policy says.
import type { webApi } from '@slack/bolt';
import { type RetryPolicy, withRetries } from '../shared/retry.ts';
import { classifySlackError } from './classify-error.ts';
import { type PostArguments, postOnce } from './post-once.ts';

/** Posts `args`, marked with `key` (unique per answer, such as the question's channel and ts); resolves with its ts. */
export type AnswerPoster = (args: PostArguments, key: string) => Promise<string>;

/**
 * An `AnswerPoster` over `client`, which must not retry by itself (`NO_RETRY_OPTIONS`): a 5xx, a network error
 * or a 429 is retried here, after its Retry-After, and a post whose reply was lost is found, not posted twice.
 */
export function createAnswerPoster(
  client: webApi.WebClient,
  policy: RetryPolicy,
  sleep?: (ms: number) => Promise<void>,
): AnswerPoster {
  return (args, key) =>
    withRetries(postOnce(client, args, { key }), {
      policy,
      classify: classifySlackError,
      ...(sleep === undefined ? {} : { sleep }),
    });
}
