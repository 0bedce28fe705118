// Messages: answer an @mention of the bot in a server channel (as a reply to it) and every DM; ignore bots.
import type { Message } from 'discord.js';
import type { Engine } from '../../src/index.ts';
import { type AskIn, askInConversation } from '../shared/chat-adapter.ts';
import type { ChatServices } from '../shared/chat-services.ts';
import type { ConversationMemory } from '../shared/conversation-memory.ts';
import { firstToClaim } from '../shared/first-to-claim.ts';
import type { Logger } from '../shared/logger.ts';
import { discordReply } from './agenda-discord.ts';
import { APOLOGY, conversationKey } from './interactions.ts';
import { gateQuestion } from './rate-gate.ts';
import { channelFormat, type ReplyFormat, renderReply } from './render-reply.ts';

/** What the message handler needs. */
export interface MessageContext {
  readonly engine: () => Engine;
  /** With several conferences: answers with the channel's (or the named) conference. */
  readonly ask?: AskIn;
  readonly logger: Logger;
  /** DISCORD_MENTIONS: whether mentions in server channels are answered. DMs always are. */
  readonly mentions: boolean;
  /** Rate limits; absent, every question is answered. */
  readonly services?: ChatServices;
  /** Follow-up context per channel or DM; none kept when absent. */
  readonly conversations?: ConversationMemory;
}

/** Why a message is answered, or not. */
export type MessageVerdict =
  | { readonly kind: 'answer'; readonly where: 'dm' | 'mention'; readonly question: string }
  | { readonly kind: 'ignore'; readonly reason: 'bot' | 'system' | 'mentions-off' | 'not-mentioned' };

/**
 * Decides whether to answer a message, and what the question is. A mention of the bot is a direct user mention, a
 * mention of the bot's own managed role, or a reply to the bot that keeps the ping; `@everyone` and `@here` are not
 * (discord.js `ignoreEveryone`), nor are other roles the bot happens to have.
 */
export function judgeMessage(message: Message, mentions: boolean): MessageVerdict {
  if (message.author.bot || message.webhookId !== null) return { kind: 'ignore', reason: 'bot' };
  if (message.system) return { kind: 'ignore', reason: 'system' };
  const me = message.client.user;
  if (message.guildId === null) return { kind: 'answer', where: 'dm', question: questionIn(message) };
  if (!mentions) return { kind: 'ignore', reason: 'mentions-off' };
  const mentioned =
    message.mentions.has(me, { ignoreEveryone: true, ignoreRoles: true }) ||
    message.mentions.roles.some((role) => role.tags?.botId === me.id);
  if (!mentioned) return { kind: 'ignore', reason: 'not-mentioned' };
  return { kind: 'answer', where: 'mention', question: questionIn(message) };
}

/** The message text without the mentions of the bot (user or managed role); "help" when nothing is left. */
function questionIn(message: Message): string {
  const me = message.client.user;
  const botRoles = message.mentions.roles.filter((role) => role.tags?.botId === me.id).map((role) => role.id);
  const question = message.content
    .replace(new RegExp(`<@!?${me.id}>`, 'g'), ' ')
    .replace(/<@&(\d+)>/g, (token, id: string) => (botRoles.includes(id) ? ' ' : token))
    .trim();
  return question === '' ? 'help' : question;
}

/** Embeds unless this is a server channel where the bot lacks Embed Links (Discord would hide them silently). */
function replyFormat(message: Message): ReplyFormat {
  return message.inGuild() ? channelFormat(message.channel, message.client.user) : 'embeds';
}

/**
 * Answers one message if it is for Hallway, within the rate limits (only questions to Hallway count; the first
 * refusal of a streak gets the slow-down text as a reply, the rest none). Never throws: failures are logged and,
 * where possible, apologised for.
 */
export async function handleMessage(message: Message, context: MessageContext): Promise<void> {
  const verdict = judgeMessage(message, context.mentions);
  if (verdict.kind === 'ignore') return;
  const log = context.logger.child({
    message: message.id,
    channel: message.channelId,
    guild: message.guildId ?? 'dm',
    user: message.author.id,
    via: verdict.where,
  });
  const started = Date.now();
  try {
    // Every gateway session of the bot gets the message; with replicas, one answers.
    if (!(await firstToClaim(context.services, `discord:message:${message.id}`, log))) return;
    const gate = await gateQuestion(
      context.services,
      { userId: message.author.id, channelId: message.channelId },
      log,
    );
    if (gate.kind === 'drop') return;
    if (gate.kind === 'slow-down') {
      await message.reply({ content: gate.text });
      return;
    }
    const conversation = conversationKey(message.guildId, message.channelId, message.author.id);
    const asked = askInConversation(context, context.conversations, conversation, verdict.question, {
      platform: 'discord',
      channelId: message.channelId,
      ...(message.guildId === null ? {} : { workspaceId: message.guildId }),
    });
    // Awaited only when a store or another conference is involved: a reply is not held back behind a later one.
    const answer = asked instanceof Promise ? await asked : asked;
    const replied = discordReply(answer, message.author.id, context.services, replyFormat(message));
    const { personal, ...reply } = replied instanceof Promise ? await replied : replied;
    if (personal && message.inGuild()) {
      // An agenda is its owner's alone: in a server channel it goes to their DMs, and the channel hears only that.
      await message.author.send({
        ...renderReply(answer, 'embeds'),
        ...reply,
        allowedMentions: { parse: [] },
      });
      await message.reply({ content: 'I sent you the answer in a DM: your agenda is yours alone.' });
    } else await message.reply(reply);
    // Kept after the reply, so that the answer goes out first.
    await context.conversations?.remember(conversation, answer);
    log.info(
      { ms: Date.now() - started, intent: answer.intent, answered: answer.answered },
      'Discord: answered',
    );
  } catch (error) {
    log.error({ err: error, ms: Date.now() - started }, 'Discord: could not answer a message');
    try {
      await message.reply({ content: APOLOGY });
    } catch (apologyError) {
      log.warn({ err: apologyError }, 'Discord: could not send the apology either');
    }
  }
}
