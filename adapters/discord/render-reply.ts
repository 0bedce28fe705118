// Chooses how an answer goes out on Discord: embeds where they are shown, markdown content where they are not.
import { type APIEmbed, type ClientUser, type GuildTextBasedChannel, PermissionFlagsBits } from 'discord.js';
import { type Answer, assertNever } from '../../src/index.ts';
import { renderContent } from './render-content.ts';
import { renderEmbeds } from './render-embeds.ts';

/** Embeds need the Embed Links permission in guild channels; without it Discord silently hides them. */
export type ReplyFormat = 'embeds' | 'content';

/** The answer in the chosen format. */
export function renderReply(answer: Answer, format: ReplyFormat): { content?: string; embeds: APIEmbed[] } {
  switch (format) {
    case 'embeds':
      return { embeds: renderEmbeds(answer) };
    case 'content':
      return { content: renderContent(answer), embeds: [] };
    default:
      return assertNever(format);
  }
}

/** Embeds unless the bot lacks Embed Links in this server channel (DMs always show them). */
export function channelFormat(channel: GuildTextBasedChannel, me: ClientUser): ReplyFormat {
  const permissions = channel.permissionsFor(me);
  return permissions === null || permissions.has(PermissionFlagsBits.EmbedLinks) ? 'embeds' : 'content';
}
