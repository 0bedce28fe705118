// Posts a Slack message at most once. chat.postMessage has no idempotency key, so each post carries its ledger key
// in message metadata, and after an unknown outcome the channel's history is searched for it before any new try.
import type { webApi } from '@slack/bolt';

/** The metadata event type of Hallway's marked posts (Slack: lowercase letters, digits and underscores). */
export const POST_EVENT_TYPE = 'hallway_post';

/** How far back the history search starts before the first try: Slack's clock and ours may disagree a little. */
const LOOK_BACK_MS = 10 * 60 * 1000;
/** Enough for the recent history of the channel since the first try, in one page. */
const HISTORY_PAGE = 200;

export interface PostOnceOptions {
  /** The ledger key, unique per message (such as a digest's channel, day, kind and part). */
  readonly key: string;
  /** Search the history before the first try too: a previous run may have posted it and not lived to say so. */
  readonly checkFirst?: boolean;
  readonly now?: () => number;
}

/** Arguments of chat.postMessage, the channel required; the metadata is Hallway's. */
export type PostArguments = webApi.ChatPostMessageArguments & { readonly channel: string };

/**
 * A function that posts `args` and resolves with the message's ts; call it again to retry. After a try whose
 * outcome is unknown (a network error, a lost reply, a 5xx, a transient Slack error), the next call first looks for
 * the key in the channel's history or the thread (`conversations.history` or `.replies`, with
 * `include_all_metadata`) and returns the ts found
 * there instead of posting. When that lookup fails, it throws: a post of unknown outcome is never resent blindly.
 */
export function postOnce(
  client: webApi.WebClient,
  args: PostArguments,
  options: PostOnceOptions,
): () => Promise<string> {
  const now = options.now ?? Date.now;
  let searchFrom: number | undefined = options.checkFirst === true ? now() - LOOK_BACK_MS : undefined;
  const metadata = { event_type: POST_EVENT_TYPE, event_payload: { key: options.key } };
  const threadTs = (args as { thread_ts?: unknown }).thread_ts;
  const where = {
    channel: args.channel,
    ...(typeof threadTs === 'string' ? { threadTs } : {}),
    // The workspace's token, with OAuth: the history is read with the same token the post uses.
    ...(typeof args.token === 'string' ? { token: args.token } : {}),
  };
  return async () => {
    if (searchFrom !== undefined) {
      const found = await findPosted(client, where, options.key, searchFrom);
      if (found !== undefined) return found;
    }
    const started = now();
    try {
      const result = await client.chat.postMessage({ ...args, metadata } as webApi.ChatPostMessageArguments);
      if (typeof result.ts !== 'string') throw new Error('Slack accepted the post but returned no ts');
      return result.ts;
    } catch (error) {
      if (outcomeUnknown(error)) searchFrom ??= started - LOOK_BACK_MS;
      throw error;
    }
  };
}

/**
 * The ts of the message marked with `key` in `channel` (in the thread `threadTs`, when given: thread replies are
 * in `conversations.replies`, not the channel's history) since `fromMs`, if Slack has it.
 */
async function findPosted(
  client: webApi.WebClient,
  where: { readonly channel: string; readonly threadTs?: string; readonly token?: string },
  key: string,
  fromMs: number,
): Promise<string | undefined> {
  const query = {
    channel: where.channel,
    oldest: (fromMs / 1000).toFixed(6),
    limit: HISTORY_PAGE,
    include_all_metadata: true,
    ...(where.token === undefined ? {} : { token: where.token }),
  };
  const page =
    where.threadTs === undefined
      ? await client.conversations.history(query)
      : await client.conversations.replies({ ...query, ts: where.threadTs });
  const found = page.messages?.find(
    (message) =>
      message.metadata?.event_type === POST_EVENT_TYPE &&
      (message.metadata.event_payload as { key?: unknown } | undefined)?.key === key,
  );
  return found?.ts;
}

/** Slack errors after which Slack may have posted the message all the same. */
const MAYBE_DONE = new Set(['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout']);

/**
 * True when a failed chat.postMessage may still have posted: no reply (network error, timeout, dropped
 * connection), an HTTP 5xx, or one of Slack's transient errors. A 429 or any other refusal posted nothing.
 */
export function outcomeUnknown(error: unknown): boolean {
  const shape = (typeof error === 'object' && error !== null ? error : {}) as {
    code?: unknown;
    statusCode?: unknown;
    data?: { error?: unknown };
    message?: unknown;
  };
  switch (shape.code) {
    case 'slack_webapi_request_error':
      return true;
    case 'slack_webapi_http_error':
      return typeof shape.statusCode === 'number' && shape.statusCode >= 500;
    case 'slack_webapi_platform_error':
      return typeof shape.data?.error === 'string' && MAYBE_DONE.has(shape.data.error);
    default:
      return shape.message === 'Slack accepted the post but returned no ts';
  }
}
