// Slash commands and autocomplete: acknowledge in time (defer when an answer may be slow), answer, apologise on error.
import {
  type ChatInputCommandInteraction,
  type Interaction,
  type InteractionReplyOptions,
  MessageFlags,
} from 'discord.js';
import type { Engine } from '../../src/index.ts';
import type { ChannelPlace } from '../conferences/binding-store.ts';
import { type AskIn, askInConversation } from '../shared/chat-adapter.ts';
import type { ChatServices } from '../shared/chat-services.ts';
import type { ConversationMemory } from '../shared/conversation-memory.ts';
import { firstToClaim } from '../shared/first-to-claim.ts';
import type { Logger } from '../shared/logger.ts';
import { answerDigestCommand, answerReloadCommand } from './admin-commands.ts';
import {
  agendaCommandReply,
  answerAgendaButton,
  type DiscordReply,
  discordReply,
  isAgendaButton,
} from './agenda-discord.ts';
import { answerAutocomplete } from './autocomplete.ts';
import { COMMAND_OPTIONS, commandQuestion, isQuestionCommand, type QuestionCommandName } from './commands.ts';
import { answerConferenceCommand } from './conference-command.ts';
import { escapeDiscordText } from './escape-text.ts';
import { gateQuestion } from './rate-gate.ts';

/**
 * One person's conversation in one channel (or their DMs): their follow-up ("when is it?") refers to their last
 * answer there, by slash command or mention alike, whichever replica takes it. The server comes first, as a Slack
 * key's workspace does, so that a server removing the bot forgets its conversations with the rest of its data.
 */
export function conversationKey(guildId: string | null, channelId: string | null, userId: string): string {
  return `discord:${guildId ?? 'dm'}:${channelId ?? 'dm'}:${userId}`;
}

/** What the interaction handlers need. */
export interface InteractionContext {
  /** The engine for this question (a data refresh may swap it). */
  readonly engine: () => Engine;
  /** With several conferences: answers with the channel's (or the named) conference. */
  readonly ask?: AskIn;
  /** With several conferences: the channel's conference's engine, for /vendor's suggestions. */
  readonly engineIn?: (place: ChannelPlace) => Promise<Engine>;
  readonly logger: Logger;
  /** Rate limits, admins, subscriptions and reload; absent, questions are not limited and admin commands say so. */
  readonly services?: ChatServices;
  /** Follow-up context per channel or DM, shared with mentions; none kept when absent. */
  readonly conversations?: ConversationMemory;
}

/** Shown, only to the person who asked, when answering failed. */
export const APOLOGY = 'Sorry, something went wrong while answering that. Please try again in a moment.';

/**
 * Commands whose answer may take more than 2 seconds: they run a search whose cost grows with the dataset
 * (`HALLWAY_DATA` may point at a large programme), and the engine is synchronous, so nothing can acknowledge the
 * interaction while it runs. These are deferred first ("Hallway is thinking…"), then the reply is edited in; Discord
 * allows 3 seconds for the first response and 15 minutes for the edit. /help is static, so it is answered at once.
 */
export const DEFERRED_COMMANDS: ReadonlySet<QuestionCommandName> = new Set([
  'ask',
  'who',
  'vendor',
  'session',
]);

/** Routes one interaction. Never throws: every failure is logged, and the user gets an apology where possible. */
export async function handleInteraction(
  interaction: Interaction,
  context: InteractionContext,
): Promise<void> {
  if (interaction.isAutocomplete()) {
    const { engineIn } = context;
    const place: ChannelPlace = {
      platform: 'discord',
      channelId: interaction.channelId,
      ...(interaction.guildId === null ? {} : { workspaceId: interaction.guildId }),
    };
    await answerAutocomplete(
      interaction,
      engineIn === undefined ? context.engine : () => engineIn(place),
      context.logger,
    );
    return;
  }
  if (interaction.isButton() && isAgendaButton(interaction.customId)) {
    const log = context.logger.child({
      interaction: interaction.id,
      button: 'agenda',
      user: interaction.user.id,
    });
    try {
      // A click reaches every replica on the shard, like a command: only the first claim answers it.
      if (!(await firstToClaim(context.services, `discord:interaction:${interaction.id}`, log))) return;
      await answerAgendaButton(interaction, context.services, log);
    } catch (error) {
      log.error({ err: error }, 'Discord: could not answer an agenda button');
    }
    return;
  }
  if (!interaction.isChatInputCommand()) return;
  // With replicas on one shard, each session may see the interaction; only the first claim answers it.
  if (!(await firstToClaim(context.services, `discord:interaction:${interaction.id}`, context.logger)))
    return;
  await answerCommand(interaction, context);
}

async function answerCommand(
  interaction: ChatInputCommandInteraction,
  context: InteractionContext,
): Promise<void> {
  const name = interaction.commandName;
  const log = context.logger.child({
    interaction: interaction.id,
    command: name,
    guild: interaction.guildId ?? 'dm',
    user: interaction.user.id,
  });
  const started = Date.now();
  try {
    if (name === 'digest') await answerDigestCommand(interaction, context.services, log);
    else if (name === 'reload') await answerReloadCommand(interaction, context.services, log);
    else if (name === 'conference') await answerConferenceCommand(interaction, context.services, log);
    else if (name === 'agenda') {
      const { personal: _personal, ...reply } = await agendaCommandReply(
        interaction.user.id,
        context.services,
      );
      await interaction.reply({ ...reply, flags: MessageFlags.Ephemeral });
    } else if (isQuestionCommand(name)) await answerQuestion(interaction, name, context, log);
    else {
      await interaction.reply({
        content: `I do not know /${escapeDiscordText(name)}; try /help.`,
        flags: MessageFlags.Ephemeral,
      });
      log.warn('Discord: unknown command (registered commands are out of date? run discord:deploy-commands)');
    }
  } catch (error) {
    log.error({ err: error, ms: Date.now() - started }, 'Discord: could not answer a command');
    await apologize(interaction, log);
  }
}

/** A question command: rate-limited, deferred when the search may be slow, answered as embeds. */
async function answerQuestion(
  interaction: ChatInputCommandInteraction,
  name: QuestionCommandName,
  context: InteractionContext,
  log: Logger,
): Promise<void> {
  const started = Date.now();
  const gate = await gateQuestion(
    context.services,
    { userId: interaction.user.id, channelId: interaction.channelId },
    log,
  );
  if (gate.kind === 'drop') return;
  if (gate.kind === 'slow-down') {
    await interaction.reply({ content: gate.text, flags: MessageFlags.Ephemeral });
    return;
  }
  const option = COMMAND_OPTIONS[name];
  const value = option === undefined ? null : interaction.options.getString(option);
  const question = commandQuestion(name, value);
  if (question.kind === 'unknown') return;
  const deferred = DEFERRED_COMMANDS.has(name);
  if (deferred) await interaction.deferReply();
  const conversation = conversationKey(interaction.guildId, interaction.channelId, interaction.user.id);
  const asked = askInConversation(context, context.conversations, conversation, question.text, {
    platform: 'discord',
    channelId: interaction.channelId,
    ...(interaction.guildId === null ? {} : { workspaceId: interaction.guildId }),
  });
  const answer = asked instanceof Promise ? await asked : asked;
  const { personal, ...reply } = await discordReply(answer, interaction.user.id, context.services, 'embeds');
  if (personal) await replyPrivately(interaction, reply, deferred);
  else if (deferred) await interaction.editReply(reply);
  else await interaction.reply(reply satisfies InteractionReplyOptions);
  // Kept after the reply: Discord gives an interaction 3 seconds, which a store round trip should not spend.
  await context.conversations?.remember(conversation, answer);
  log.info(
    { ms: Date.now() - started, intent: answer.intent, answered: answer.answered },
    'Discord: answered',
  );
}

/**
 * An agenda reply, which only its owner may see: after a public defer, the "thinking…" message says so and the
 * reply follows as an ephemeral follow-up.
 */
async function replyPrivately(
  interaction: ChatInputCommandInteraction,
  reply: Omit<DiscordReply, 'personal'>,
  deferred: boolean,
): Promise<void> {
  if (!deferred) {
    await interaction.reply({ ...reply, flags: MessageFlags.Ephemeral });
    return;
  }
  await interaction.editReply({
    content: 'Your agenda is yours alone: only you can see the reply.',
    embeds: [],
  });
  await interaction.followUp({ ...reply, flags: MessageFlags.Ephemeral });
}

/**
 * An ephemeral apology: a reply when nothing was sent yet, a follow-up when the answer already went out. After a
 * public defer Discord makes the first follow-up replace the "thinking…" message with the defer's visibility, so
 * the deferred message itself is edited into the apology instead.
 */
async function apologize(interaction: ChatInputCommandInteraction, log: Logger): Promise<void> {
  try {
    if (interaction.replied) await interaction.followUp({ content: APOLOGY, flags: MessageFlags.Ephemeral });
    else if (interaction.deferred) await interaction.editReply({ content: APOLOGY, embeds: [] });
    else await interaction.reply({ content: APOLOGY, flags: MessageFlags.Ephemeral });
  } catch (error) {
    log.warn({ err: error }, 'Discord: could not send the apology either');
  }
}
