// The link that adds Hallway to a server, with the scopes and the few permissions it needs.
import { OAuth2Scopes, PermissionFlagsBits, PermissionsBitField } from 'discord.js';

/** View Channels, Send Messages (and in threads), Embed Links, Read Message History (needed to reply to a message). */
export const INVITE_PERMISSIONS = new PermissionsBitField([
  PermissionFlagsBits.ViewChannel,
  PermissionFlagsBits.SendMessages,
  PermissionFlagsBits.SendMessagesInThreads,
  PermissionFlagsBits.EmbedLinks,
  PermissionFlagsBits.ReadMessageHistory,
]).bitfield;

/** `bot` adds the bot user; `applications.commands` lets the server use its slash commands. */
export const INVITE_SCOPES = [OAuth2Scopes.Bot, OAuth2Scopes.ApplicationsCommands] as const;

/** The OAuth2 URL that invites the application with those scopes and permissions. */
export function inviteUrl(applicationId: string): string {
  const query = new URLSearchParams({
    client_id: applicationId,
    scope: INVITE_SCOPES.join(' '),
    permissions: INVITE_PERMISSIONS.toString(),
  });
  return `https://discord.com/oauth2/authorize?${query.toString().replaceAll('+', '%20')}`;
}
