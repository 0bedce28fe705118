// /digest and /reload: in servers, for members with Manage Server or people in HALLWAY_ADMINS; replies only they see.
import { type ChatInputCommandInteraction, MessageFlags, PermissionFlagsBits } from 'discord.js';
import type { CommandContext, SubscriptionCommand } from '../digest/digest-subscriptions.ts';
import type { ChatServices } from '../shared/chat-services.ts';
import type { Logger } from '../shared/logger.ts';
import { missingPermissions, sendPermissions } from './channel-permissions.ts';
import { DIGEST_SUBCOMMANDS } from './commands.ts';
import { escapeDiscordText } from './escape-text.ts';

/** Who may change subscriptions and reload, for the refusals. */
export const DISCORD_ADMINS = 'members with Manage Server (or people in HALLWAY_ADMINS)';

/** Replies when `npm start` did not set the feature up (no database, nothing to reload). */
export const NOT_SET_UP = {
  digest: 'The daily digest is not set up on this Hallway (it needs its database); ask whoever runs Hallway.',
  reload: 'Reloading the data is not set up on this Hallway; ask whoever runs Hallway.',
} as const;

/** For a command used outside a server (a stale registration that still allows DMs). */
const SERVERS_ONLY = 'This command works in a server channel, not in DMs.';

/** Only the person who asked sees these replies, and they ping no one. */
const PRIVATE = { flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } } as const;

/** Manage Server in this channel (Discord computes `memberPermissions`), or listed in HALLWAY_ADMINS. */
export function isDiscordAdmin(
  interaction: ChatInputCommandInteraction,
  services: ChatServices | undefined,
): boolean {
  return (
    interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) === true ||
    services?.admins.includes('discord', interaction.user.id) === true
  );
}

/** `<#id>` for a channel id; anything else (a typo in HALLWAY_DIGEST_DISCORD_CHANNELS) as inert text. */
export function mentionChannel(id: string): string {
  return /^\d{17,20}$/.test(id) ? `<#${id}>` : escapeDiscordText(id);
}

/** Who ran an admin command and where, as the shared commands take it. */
export function adminContext(
  interaction: ChatInputCommandInteraction<'cached' | 'raw'>,
  services: ChatServices,
) {
  return {
    platform: 'discord',
    channelId: interaction.channelId,
    workspaceId: interaction.guildId,
    userId: interaction.user.id,
    isAdmin: isDiscordAdmin(interaction, services),
    admins: DISCORD_ADMINS,
    mentionChannel,
  } as const;
}

/** /digest subscribe | unsubscribe | list, through the shared subscription commands. Throws on a store failure. */
export async function answerDigestCommand(
  interaction: ChatInputCommandInteraction,
  services: ChatServices | undefined,
  log: Logger,
): Promise<void> {
  if (!interaction.inGuild() || services?.subscriptions === undefined) {
    await interaction.reply({
      content: interaction.inGuild() ? NOT_SET_UP.digest : SERVERS_ONLY,
      ...PRIVATE,
    });
    return;
  }
  const subcommand = interaction.options.getSubcommand(false) ?? 'list';
  if (!isDigestSubcommand(subcommand)) {
    await interaction.reply({
      content: 'Try /digest subscribe, /digest unsubscribe or /digest list.',
      ...PRIVATE,
    });
    return;
  }
  const context: CommandContext = {
    ...adminContext(interaction, services),
    commandFor: (command) => `/digest ${command}`,
  };
  // With several conferences the reply may first open the channel's (a feed to fetch): past Discord's 3 seconds.
  const slow = services.conferences !== undefined;
  if (slow) await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const reply = await services.subscriptions(subcommand, context);
  const note = subcommand === 'subscribe' && !reply.refused ? postingNote(interaction) : '';
  const content = `${reply.text}${note}`;
  if (slow) await interaction.editReply({ content, allowedMentions: { parse: [] } });
  else await interaction.reply({ content, ...PRIVATE });
  log.info({ subcommand, refused: reply.refused }, 'Discord: /digest answered');
}

/** /reload: deferred (reading URL sources may take longer than Discord's 3 seconds), then the result. */
export async function answerReloadCommand(
  interaction: ChatInputCommandInteraction,
  services: ChatServices | undefined,
  log: Logger,
): Promise<void> {
  if (!interaction.inGuild() || services?.reload === undefined) {
    await interaction.reply({
      content: interaction.inGuild() ? NOT_SET_UP.reload : SERVERS_ONLY,
      ...PRIVATE,
    });
    return;
  }
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const reply = await services.reload({
    platform: 'discord',
    userId: interaction.user.id,
    channelId: interaction.channelId,
    isAdmin: isDiscordAdmin(interaction, services),
    admins: DISCORD_ADMINS,
  });
  // The text may quote a failing source's error: escaped, so it cannot format or link.
  await interaction.editReply({ content: escapeDiscordText(reply.text), allowedMentions: { parse: [] } });
  log.info({ refused: reply.refused }, 'Discord: /reload answered');
}

/**
 * After a subscription, what Hallway lacks in this channel to post the digest (Discord sends the app's permissions
 * there with each interaction), so the admin hears it now rather than from a failed digest tomorrow.
 */
function postingNote(interaction: ChatInputCommandInteraction): string {
  const have = interaction.appPermissions;
  const missing = missingPermissions(have, sendPermissions(interaction.channel?.isThread() === true));
  if (missing.length > 0)
    return `\nNote: Hallway cannot post here yet. Give its role ${missing.join(' and ')} in this channel, or the digest will fail.`;
  if (!have.has(PermissionFlagsBits.EmbedLinks))
    return '\nNote: without Embed Links here, the digest will be plain text.';
  return '';
}

function isDigestSubcommand(name: string): name is SubscriptionCommand {
  return (DIGEST_SUBCOMMANDS as readonly string[]).includes(name);
}
