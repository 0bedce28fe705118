// Bolt listeners: mention → thread reply, DM → DM reply, /hallway (see command-listener.ts), share button, App Home.
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import type { Answer, Engine } from '../../src/index.ts';
import { type AskIn, askIn } from '../shared/chat-adapter.ts';
import type { ChatServices } from '../shared/chat-services.ts';
import { ConversationMemory } from '../shared/conversation-memory.ts';
import type { Logger } from '../shared/logger.ts';
import { registerAgendaActions, type SlackReply, slackAgendaUser, slackReply } from './agenda-slack.ts';
import type { AnswerPoster } from './answer-poster.ts';
import { registerCommandListener } from './command-listener.ts';
import type { EventDeduper } from './dedupe.ts';
import { conversationKey, installationOf } from './installation-store.ts';
import { HomeOpenedEventSchema, ignoreReason, MentionEventSchema, MessageEventSchema } from './payloads.ts';
import { createRateGate } from './rate-gate.ts';
import { createGuard, createReporter, type Outcome, type Surface } from './request-guard.ts';
import { decodeSlackEntities, questionFromSlackText } from './slack-text.ts';
import {
  apologyMessage,
  helpMessage,
  homeView,
  POST_OPTIONS,
  SHARE_ACTION_ID,
  sharedAnswer,
} from './surfaces.ts';

/** What the listeners use: the engine, the log, the event de-duplicator, and optionally the chat services. */
export interface ListenerDependencies {
  /** The engine for this question (a data refresh may swap it). */
  readonly engine: () => Engine;
  /** With several conferences: answers with the channel's (or the named) conference. */
  readonly ask?: AskIn;
  readonly logger: Logger;
  readonly deduper: EventDeduper;
  /** Posts an answer at most once (marked with its key, reconciled after a lost reply). */
  readonly postAnswer: AnswerPoster;
  /** Rate limits, admins, digest subscriptions and reload; without them, no limits and no admin commands. */
  readonly services?: ChatServices;
  readonly onOutcome?: (outcome: Outcome) => void;
  /** Follow-up context per thread and DM; a fresh in-memory one when not given. */
  readonly conversations?: ConversationMemory;
}

/** The workspace's bot token, with OAuth (one per workspace); the client's own in single-token mode. */
function tokenOf(context: { readonly botToken?: string }): { token?: string } {
  return context.botToken === undefined ? {} : { token: context.botToken };
}

/** Registers the de-duplication middleware and every listener on `app`. */
export function registerListeners(app: App, deps: ListenerDependencies): void {
  const { logger } = deps;
  const report = createReporter(logger, deps.onOutcome);
  const guard = createGuard(logger, report);
  const gate = createRateGate(deps.services, logger, report);

  const ignore = (surface: Surface, reason: string): void => {
    logger.debug({ surface, reason }, 'Slack event ignored');
    report({ kind: 'ignored', surface, reason });
  };

  /** Follow-ups ("when is it?") refer to the previous answer in the same thread or DM. */
  const memory = deps.conversations ?? deps.services?.conversations ?? new ConversationMemory();
  /** The reply to a question: Slack's own help for "help", an agenda request carried out, or the answer. */
  const reply = async (
    question: string,
    channelId: string,
    conversation: string,
    userId: string,
    workspaceId: string | undefined,
  ): Promise<SlackReply> => {
    const answer: Answer = await askIn(
      deps,
      question === '' ? 'help' : question,
      { platform: 'slack', channelId },
      await memory.optionsFor(conversation),
    );
    await memory.remember(conversation, answer);
    if (answer.intent === 'help') return { message: helpMessage(answer), personal: false };
    return slackReply(answer, slackAgendaUser(userId, workspaceId), deps.services);
  };

  // Slack redelivers an event it thinks was not acknowledged (X-Slack-Retry-Num); answer each event_id once.
  app.use(async ({ body, context, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === 'string' && !(await deps.deduper.firstSeen(eventId))) {
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
    const user = mention.user ?? 'unknown';
    // The slow-down goes only to the asker (an ephemeral message in the thread), not to the whole channel.
    const admitted = await gate.admit('mention', { userId: user, channelId: mention.channel }, (message) =>
      client.chat.postEphemeral({ channel: mention.channel, user, thread_ts, ...message }),
    );
    if (!admitted) return;
    await guard(
      'mention',
      { channel: mention.channel, user: mention.user },
      async () => {
        const conversation = conversationKey(context, mention.channel, thread_ts);
        const { message, personal } = await reply(
          questionFromSlackText(mention.text, context.botUserId),
          mention.channel,
          conversation,
          user,
          installationOf(context),
        );
        // An agenda is its owner's alone: in a channel, only they see it.
        if (personal) {
          await client.chat.postEphemeral({
            channel: mention.channel,
            user,
            thread_ts,
            ...message,
            ...tokenOf(context),
          });
          return;
        }
        await deps.postAnswer(
          { channel: mention.channel, thread_ts, ...message, ...POST_OPTIONS, ...tokenOf(context) },
          `answer/${mention.channel}/${mention.ts}`,
        );
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
    const user = message.user ?? 'unknown';
    // A DM is already private: the slow-down is an ordinary reply there.
    const admitted = await gate.admit('dm', { userId: user, channelId: message.channel }, (slowDown) =>
      client.chat.postMessage({ channel: message.channel, ...thread, ...slowDown }),
    );
    if (!admitted) return;
    await guard(
      'dm',
      { channel: message.channel, user: message.user },
      async () => {
        const conversation = conversationKey(context, message.channel, message.thread_ts ?? 'dm');
        const { message: answer } = await reply(
          questionFromSlackText(message.text ?? '', context.botUserId),
          message.channel,
          conversation,
          user,
          installationOf(context),
        );
        await deps.postAnswer(
          { channel: message.channel, ...thread, ...answer, ...POST_OPTIONS, ...tokenOf(context) },
          `answer/${message.channel}/${message.ts}`,
        );
      },
      () => client.chat.postMessage({ channel: message.channel, ...thread, ...apologyMessage() }),
    );
  });

  // The workspace removed Hallway, or revoked its bot token: forget its installation and everything kept for it.
  const forget = async (reason: string, workspaceId: string | undefined) => {
    const installations = deps.services?.installations?.();
    if (workspaceId === undefined || installations === undefined) return;
    const removed = await installations.delete('slack', workspaceId);
    logger.info({ workspace: workspaceId, reason, removed }, 'Slack workspace forgotten');
  };
  app.event('app_uninstalled', async ({ context }) => {
    await forget('app_uninstalled', installationOf(context));
  });
  app.event('tokens_revoked', async ({ event, context }) => {
    // Only the bot's token matters: a user token revoked leaves the bot installed.
    if ((event.tokens.bot ?? []).length === 0) return;
    await forget('tokens_revoked', installationOf(context));
  });

  registerCommandListener(app, {
    engine: deps.engine,
    ...(deps.ask === undefined ? {} : { ask: deps.ask }),
    services: deps.services,
    logger,
    guard,
    gate,
  });
  registerAgendaActions(app, { services: deps.services, guard, logger });

  // Not rate-limited: the button asks again a question that was admitted, and the click removes the button.
  app.action<BlockAction<ButtonAction>>(SHARE_ACTION_ID, async ({ action, ack, body, respond }) => {
    await guard(
      'share',
      { channel: body.channel?.id, user: body.user.id },
      async () => {
        await ack();
        const question = decodeSlackEntities(action.value ?? '');
        const answer = await askIn(deps, question === '' ? 'help' : question, {
          platform: 'slack',
          channelId: body.channel?.id ?? '',
        });
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

  app.event('app_home_opened', async ({ event, client, context }) => {
    const parsed = HomeOpenedEventSchema.safeParse(event);
    if (!parsed.success) return ignore('home', 'malformed app_home_opened event');
    if (parsed.data.tab !== undefined && parsed.data.tab !== 'home') return ignore('home', 'messages tab');
    const { user } = parsed.data;
    await guard('home', { user }, async () => {
      const engine = deps.engine();
      await client.views.publish({
        user_id: user,
        view: homeView(
          engine.catalog.conference,
          engine.ask('help'),
          await deps.services?.agenda?.()?.list(slackAgendaUser(user, installationOf(context))),
        ),
      });
    });
  });

  // Listeners catch their own errors; anything left (a middleware, Bolt itself) is logged, never rethrown.
  app.error(async (error) => {
    logger.error({ err: error }, 'Slack: unhandled error in Bolt');
  });
}
