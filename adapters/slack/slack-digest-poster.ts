// Posts the daily digest to Slack channels: split into messages of at most 50 blocks, one chat.postMessage each.
import type { webApi } from '@slack/bolt';
import type { Answer } from '../../src/index.ts';
import type { DigestPoster } from '../digest/digest-poster.ts';
import { splitAnswer } from '../shared/split-answer.ts';
import { classifySlackError } from './classify-error.ts';
import { fitsOneMessage, renderAnswer } from './render-blocks.ts';

/** Digest posts carry no link previews: a schedule full of unfurled links would bury it. */
const DIGEST_POST_OPTIONS = { unfurl_links: false, unfurl_media: false } as const;

/**
 * The Slack `DigestPoster`. `client` must not retry by itself (see `NO_RETRY_OPTIONS`): the digest runner
 * retries each message, using `classify`. Each send resolves with the message's `ts`.
 */
export function createSlackDigestPoster(client: webApi.WebClient): DigestPoster {
  return {
    platform: 'slack',
    messages(channelId: string, answer: Answer) {
      return splitAnswer(answer, (part) => fitsOneMessage(part)).map((part) => {
        const message = renderAnswer(part);
        return async () => {
          const result = await client.chat.postMessage({
            channel: channelId,
            ...message,
            ...DIGEST_POST_OPTIONS,
          });
          // Without a ts Slack may or may not have posted it; failing (not retried) avoids a duplicate.
          if (typeof result.ts !== 'string') throw new Error('Slack accepted the digest but returned no ts');
          return result.ts;
        };
      });
    },
    classify: classifySlackError,
  };
}
