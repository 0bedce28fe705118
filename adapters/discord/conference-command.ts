// /conference use | list: which conference a channel or the whole server answers about; replies only the asker sees.
import { type ChatInputCommandInteraction, MessageFlags } from 'discord.js';
import type { BindingCommand } from '../conferences/conference-service.ts';
import type { ChatServices } from '../shared/chat-services.ts';
import type { Logger } from '../shared/logger.ts';
import { adminContext } from './admin-commands.ts';
import { CONFERENCE_OPTIONS } from './commands.ts';
import { escapeDiscordText } from './escape-text.ts';

/** The reply when this Hallway serves one conference. */
export const ONE_CONFERENCE =
  'This Hallway serves one conference, so there is nothing to choose; every channel answers about it.';

const PRIVATE = { flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } } as const;

/** How to run the command again, for the replies. */
function commandFor(command: BindingCommand): string {
  return command.kind === 'list'
    ? '/conference list'
    : `/conference use id:${command.conferenceId}${command.scope === 'workspace' ? ' server:True' : ''}`;
}

/** Runs /conference through the shared binding command. Throws on a store failure (the caller apologises). */
export async function answerConferenceCommand(
  interaction: ChatInputCommandInteraction,
  services: ChatServices | undefined,
  log: Logger,
): Promise<void> {
  if (services?.conferences === undefined || !interaction.inGuild()) {
    const text = interaction.inGuild()
      ? ONE_CONFERENCE
      : 'This command works in a server channel, not in DMs.';
    await interaction.reply({ content: text, ...PRIVATE });
    return;
  }
  const subcommand = interaction.options.getSubcommand(false) ?? 'list';
  const id = interaction.options.getString(CONFERENCE_OPTIONS.id)?.trim().toLowerCase() ?? '';
  const command: BindingCommand =
    subcommand === 'use'
      ? {
          kind: 'use',
          conferenceId: id,
          scope: interaction.options.getBoolean(CONFERENCE_OPTIONS.server) === true ? 'workspace' : 'channel',
        }
      : { kind: 'list' };
  const reply = await services.conferences(command, { ...adminContext(interaction, services), commandFor });
  // The ids and names come from the config file, escaped so a name cannot format or ping.
  await interaction.reply({ content: escapeMarkdownKeepingLinks(reply.text), ...PRIVATE });
  log.info({ subcommand, refused: reply.refused }, 'Discord: /conference answered');
}

/** Escapes the reply but keeps the `<#id>` channel links Hallway wrote. */
function escapeMarkdownKeepingLinks(text: string): string {
  return text
    .split(/(<#\d{17,20}>)/)
    .map((part, index) => (index % 2 === 1 ? part : escapeDiscordText(part)))
    .join('');
}
