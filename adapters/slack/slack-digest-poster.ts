// Posts the daily digest to Slack channels: split into messages of at most 50 blocks, one chat.postMessage each.
import type { webApi } from '@slack/bolt';
import type { Answer } from '../../src/index.ts';
import type { DigestLedger, DigestPoster } from '../digest/digest-poster.ts';
import { splitAnswer } from '../shared/split-answer.ts';
import { withStarButtons } from './agenda-blocks.ts';
import { classifySlackError } from './classify-error.ts';
import { postOnce } from './post-once.ts';
import { fitsOneMessage, renderAnswer } from './render-blocks.ts';

/** Digest posts carry no link previews: a schedule full of unfurled links would bury it. */
const DIGEST_POST_OPTIONS = { unfurl_links: false, unfurl_media: false } as const;

/**
 * The Slack `DigestPoster`. `client` must not retry by itself (see `NO_RETRY_OPTIONS`): the digest runner
 * retries each message, using `classify`. Each send resolves with the message's `ts`, and is marked with its
 * ledger key so that a retry after a lost reply finds the message instead of posting it twice.
 */
export function createSlackDigestPoster(
  client: webApi.WebClient,
  /** Multi-workspace mode: the bot token of a workspace, from its installation. */
  tokenFor?: (workspaceId: string) => Promise<string | undefined>,
): DigestPoster {
  return {
    platform: 'slack',
    findsEarlierPosts: true,
    messages(channelId: string, answer: Answer, ledger: DigestLedger) {
      const parts = splitAnswer(answer, (part) => fitsOneMessage(part));
      const { workspaceId } = ledger;
      // Looked up once per digest, at the first send, and kept across the runner's retries.
      let token: Promise<string | undefined> | undefined;
      const tokenOnce = () => {
        token ??=
          tokenFor === undefined || workspaceId === undefined
            ? Promise.resolve(undefined)
            : tokenFor(workspaceId);
        return token;
      };
      return parts.map((part, index) => {
        let send: (() => Promise<string>) | undefined;
        return async () => {
          if (send === undefined) {
            const found = await tokenOnce();
            send = postOnce(
              client,
              {
                channel: channelId,
                // A star button under the part's sessions, when the part leaves a block free for it.
                ...withStarButtons(renderAnswer(part), part),
                ...DIGEST_POST_OPTIONS,
                ...(found === undefined ? {} : { token: found }),
              },
              { key: `${ledger.key}#${index + 1}/${parts.length}`, checkFirst: ledger.resumed },
            );
          }
          return send();
        };
      });
    },
    classify: classifySlackError,
  };
}
