// Bolt listeners: mention → thread reply, DM → DM reply, /hallway → private answer with a share button, App Home.
import type { App, BlockAction, ButtonAction, RespondArguments } from '@slack/bolt';
import type { Answer, Engine } from '../../src/index.ts';
import type { Logger } from '../shared/logger.ts';
import type { EventDeduper } from './dedupe.ts';
import { HomeOpenedEventSchema, ignoreReason, MentionEventSchema, MessageEventSchema } from './payloads.ts';
import { renderAnswer, type SlackMessage } from './render-blocks.ts';
import { decodeSlackEntities, questionFromSlackText } from './slack-text.ts';
import {
  apologyMessage,
  helpMessage,
  homeView,
  privateAnswer,
  SHARE_ACTION_ID,
  SLASH_COMMAND,
  sharedAnswer,
} from './surfaces.ts';

/** Where a request came from. */
export type Surface = 'mention' | 'dm' | 'command' | 'share' | 'home';

/** What became of one request; reported to `onOutcome` (tests wait on it) after the user got their reply. */
export type Outcome =
  | { readonly kind: 'answered'; readonly surface: Surface }
  | { readonly kind: 'ignored'; readonly surface: Surface; readonly reason: string }
  | { readonly kind: 'duplicate'; readonly eventId: string; readonly retryNum?: number }
  | { readonly kind: 'failed'; readonly surface: Surface; readonly error: unknown };

export interface ListenerDependencies {
  /** The engine for this question (a data refresh may swap it). */
  readonly engine: () => Engine;
  readonly logger: Logger;
  readonly deduper: EventDeduper;
  readonly onOutcome?: (outcome: Outcome) => void;
}

/** Message options for every post: no link previews, which would bury the answer. */
const POST_OPTIONS = { unfurl_links: false, unfurl_media: false } as const;

/** Registers the de-duplication middleware and every listener on `app`. */
export function registerListeners(app: App, deps: ListenerDependencies): void {
  const { logger } = deps;
  const report = (outcome: Outcome): void => {
    try {
      deps.onOutcome?.(outcome);
    } catch (error) {
      logger.warn({ err: error }, 'Slack outcome hook failed');
    }
  };

  /** Runs one request's work; on any error logs it with context, apologises, and never rethrows. */
  const guard = async (
    surface: Surface,
    where: Readonly<Record<string, string | undefined>>,
    work: () => Promise<void>,
    apologise?: () => Promise<unknown>,
  ): Promise<void> => {
    const started = Date.now();
    try {
      await work();
      logger.info({ surface, ...where, ms: Date.now() - started }, 'Slack request answered');
      report({ kind: 'answered', surface });
    } catch (error) {
      logger.error({ err: error, surface, ...where }, 'Slack request failed; apologising to the user');
      if (apologise !== undefined) {
        try {
          await apologise();
        } catch (apologyError) {
          logger.error({ err: apologyError, surface, ...where }, 'Slack apology could not be sent');
        }
      }
      report({ kind: 'failed', surface, error });
    }
  };

  const ignore = (surface: Surface, reason: string): void => {
    logger.debug({ surface, reason }, 'Slack event ignored');
    report({ kind: 'ignored', surface, reason });
  };

  /** The reply to a question: Slack's own help for "help", the rendered answer otherwise. */
  const reply = (question: string): SlackMessage => {
    const engine = deps.engine();
    const answer: Answer = engine.ask(question === '' ? 'help' : question);
    return answer.intent === 'help' ? helpMessage(answer) : renderAnswer(answer);
  };

  // Slack redelivers an event it thinks was not acknowledged (X-Slack-Retry-Num); answer each event_id once.
  app.use(async ({ body, context, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === 'string' && !deps.deduper.firstSeen(eventId)) {
      const retryNum = context.retryNum;
      logger.info(
        { eventId, retryNum, retryReason: context.retryReason },
        'Slack retry ignored: already handled',
      );
      report({ kind: 'duplicate', eventId, ...(retryNum === undefined ? {} : { retryNum }) });
      return;
    }
    await next();
  });

  app.event('app_mention', async ({ event, context, client }) => {
    const parsed = MentionEventSchema.safeParse(event);
    if (!parsed.success) return ignore('mention', 'malformed app_mention event');
    const mention = parsed.data;
    if (mention.bot_id !== undefined) return ignore('mention', 'sent by a bot');
    const thread_ts = mention.thread_ts ?? mention.ts;
    const where = { channel: mention.channel, user: mention.user };
    await guard(
      'mention',
      where,
      async () => {
        const message = reply(questionFromSlackText(mention.text, context.botUserId));
        await client.chat.postMessage({ channel: mention.channel, thread_ts, ...message, ...POST_OPTIONS });
      },
      () => client.chat.postMessage({ channel: mention.channel, thread_ts, ...apologyMessage() }),
    );
  });

  app.event('message', async ({ event, context, client }) => {
    const parsed = MessageEventSchema.safeParse(event);
    if (!parsed.success) return ignore('dm', 'malformed message event');
    const message = parsed.data;
    const reason = ignoreReason(message, context.botUserId);
    if (reason !== undefined) return ignore('dm', reason);
    const thread = message.thread_ts === undefined ? {} : { thread_ts: message.thread_ts };
    await guard(
      'dm',
      { channel: message.channel, user: message.user },
      async () => {
        const answer = reply(questionFromSlackText(message.text ?? '', context.botUserId));
        await client.chat.postMessage({ channel: message.channel, ...thread, ...answer, ...POST_OPTIONS });
      },
      () => client.chat.postMessage({ channel: message.channel, ...thread, ...apologyMessage() }),
    );
  });

  app.command(SLASH_COMMAND, async ({ command, ack, respond, context }) => {
    const ephemeral = (message: SlackMessage): RespondArguments => ({
      response_type: 'ephemeral',
      ...message,
      ...POST_OPTIONS,
    });
    await guard(
      'command',
      { channel: command.channel_id, user: command.user_id },
      async () => {
        await ack();
        const question = questionFromSlackText(command.text, context.botUserId);
        const engine = deps.engine();
        const answer = engine.ask(question === '' ? 'help' : question);
        const message = answer.intent === 'help' ? helpMessage(answer) : privateAnswer(answer);
        await respond(ephemeral(message));
      },
      () => respond(ephemeral(apologyMessage())),
    );
  });

  app.action<BlockAction<ButtonAction>>(SHARE_ACTION_ID, async ({ action, ack, body, respond }) => {
    await guard(
      'share',
      { channel: body.channel?.id, user: body.user.id },
      async () => {
        await ack();
        const question = decodeSlackEntities(action.value ?? '');
        const answer = deps.engine().ask(question === '' ? 'help' : question);
        const sharedBy = body.user.name ?? body.user.username ?? 'someone';
        // response_url posts in channels Hallway was never invited to, which chat.postMessage cannot.
        await respond({
          response_type: 'in_channel',
          replace_original: false,
          ...sharedAnswer(answer, sharedBy),
          ...POST_OPTIONS,
        });
        // The private copy, with its button, has done its job.
        await respond({ delete_original: true }).catch((error: unknown) =>
          logger.warn({ err: error }, 'Slack: could not remove the private answer after sharing it'),
        );
      },
      () => respond({ response_type: 'ephemeral', replace_original: false, ...apologyMessage() }),
    );
  });

  app.event('app_home_opened', async ({ event, client }) => {
    const parsed = HomeOpenedEventSchema.safeParse(event);
    if (!parsed.success) return ignore('home', 'malformed app_home_opened event');
    if (parsed.data.tab !== undefined && parsed.data.tab !== 'home') return ignore('home', 'messages tab');
    const { user } = parsed.data;
    await guard('home', { user }, async () => {
      const engine = deps.engine();
      await client.views.publish({
        user_id: user,
        view: homeView(engine.catalog.conference, engine.ask('help')),
      });
    });
  });

  // Listeners catch their own errors; anything left (a middleware, Bolt itself) is logged, never rethrown.
  app.error(async (error) => {
    logger.error({ err: error }, 'Slack: unhandled error in Bolt');
  });
}
