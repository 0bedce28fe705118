// My agenda on Discord: agenda questions answered only to their owner, /agenda, the star / remove / calendar
// buttons (components), the .ics as an attachment, and reminders and change notices sent as DMs.
import { createHash } from 'node:crypto';
import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIButtonComponentWithCustomId,
  type APIEmbed,
  type ButtonInteraction,
  ButtonStyle,
  type Client,
  ComponentType,
  MessageFlags,
} from 'discord.js';
import { type Answer, cutToLength } from '../../src/index.ts';
import type { AgendaMessenger } from '../agenda/agenda-messenger.ts';
import type { AgendaService } from '../agenda/agenda-service.ts';
import type { ChatServices } from '../shared/chat-services.ts';
import type { Logger } from '../shared/logger.ts';
import { type RetryPolicy, withRetries } from '../shared/retry.ts';
import { classifyDiscordError } from './discord-errors.ts';
import { type ReplyFormat, renderReply } from './render-reply.ts';

/** The custom id prefix of the agenda buttons; the session id follows the colon. */
export const AGENDA_BUTTON = 'hallway_agenda';
/** Discord allows 100 characters of custom id and 80 of label; 5 buttons per row. */
const CUSTOM_ID_LENGTH = 100;
const LABEL_LENGTH = 80;
const BUTTONS_SHOWN = 5;

type ButtonKind = 'star' | 'unstar' | 'ics';

/** A reply with its buttons, and whether it must stay private (an agenda is never shown in a channel). */
export interface DiscordReply {
  readonly content?: string;
  readonly embeds: APIEmbed[];
  readonly components: APIActionRowComponent<APIButtonComponent>[];
  readonly personal: boolean;
}

function agendaOf(services: ChatServices | undefined): AgendaService | undefined {
  return services?.agenda?.();
}

function buttonRow(
  buttons: ReadonlyArray<{ kind: ButtonKind; sessionId: string; label: string }>,
): APIActionRowComponent<APIButtonComponent>[] {
  const components = buttons
    .map(
      ({ kind, sessionId, label }): APIButtonComponentWithCustomId => ({
        type: ComponentType.Button,
        style: kind === 'star' ? ButtonStyle.Primary : ButtonStyle.Secondary,
        label: cutToLength(label, LABEL_LENGTH),
        custom_id: `${AGENDA_BUTTON}:${kind}:${sessionId}`,
      }),
    )
    .filter((button) => button.custom_id.length <= CUSTOM_ID_LENGTH)
    .slice(0, BUTTONS_SHOWN);
  return components.length === 0 ? [] : [{ type: ComponentType.ActionRow, components }];
}

function sessionsOf(answer: Answer, limit: number) {
  return answer.results.filter((result) => result.type === 'session').slice(0, limit);
}

/** A star button under each session an answer (or a digest part) shows. */
export function starButtons(answer: Answer) {
  return buttonRow(
    sessionsOf(answer, BUTTONS_SHOWN).map((session) => ({
      kind: 'star' as const,
      sessionId: session.id,
      label: `⭐ Add to my agenda: ${session.title}`,
    })),
  );
}

/** Remove buttons for the sessions of an agenda reply, then the calendar button. */
function agendaButtons(reply: Answer) {
  const sessions = sessionsOf(reply, BUTTONS_SHOWN - 1);
  if (sessions.length === 0) return [];
  const one = sessions.length === 1 && reply.title !== 'My agenda';
  return buttonRow([
    ...sessions.map((session) => ({
      kind: 'unstar' as const,
      sessionId: session.id,
      label: `Remove: ${session.title}`,
    })),
    {
      kind: 'ics',
      sessionId: one ? (sessions[0]?.id ?? '') : '',
      label: one ? '📅 Add to calendar' : '📅 My agenda as .ics',
    },
  ]);
}

/** The Discord reply to `answer` for `userId`: an agenda request carried out (personal), or the answer with stars. */
export function discordReply(
  answer: Answer,
  userId: string,
  services: ChatServices | undefined,
  format: ReplyFormat,
): DiscordReply | Promise<DiscordReply> {
  const agenda = agendaOf(services);
  if (answer.agenda === undefined)
    return {
      ...renderReply(answer, format),
      components: agenda === undefined ? [] : starButtons(answer),
      personal: false,
    };
  if (agenda === undefined) return { ...renderReply(answer, format), components: [], personal: true };
  // Only an agenda request waits for the store: an ordinary answer is not held back behind it.
  return agenda.reply(answer, { platform: 'discord', userId }).then((reply) => ({
    ...renderReply(reply, format),
    components: reply === answer ? starButtons(answer) : agendaButtons(reply),
    personal: true,
  }));
}

/** /agenda: the user's agenda, only to them. */
export async function agendaCommandReply(
  userId: string,
  services: ChatServices | undefined,
): Promise<DiscordReply> {
  const agenda = agendaOf(services);
  if (agenda === undefined)
    return {
      content: 'Agendas are not available: Hallway has no database here.',
      embeds: [],
      components: [],
      personal: true,
    };
  const reply = await agenda.list({ platform: 'discord', userId });
  return { ...renderReply(reply, 'embeds'), components: agendaButtons(reply), personal: true };
}

/** Whether an interaction is one of the agenda buttons. */
export function isAgendaButton(customId: string): boolean {
  return customId.startsWith(`${AGENDA_BUTTON}:`);
}

/** A click on an agenda button: star, remove, or the calendar file, answered only to the clicker. */
export async function answerAgendaButton(
  interaction: ButtonInteraction,
  services: ChatServices | undefined,
  log: Logger,
): Promise<void> {
  const [, kind, ...rest] = interaction.customId.split(':');
  const sessionId = rest.join(':');
  const agenda = agendaOf(services);
  const flags = MessageFlags.Ephemeral;
  if (agenda === undefined) {
    await interaction.reply({ content: 'Agendas are not available: Hallway has no database here.', flags });
    return;
  }
  const user = { platform: 'discord' as const, userId: interaction.user.id };
  if (kind === 'ics') {
    const exported = await agenda.ics(user, sessionId === '' ? undefined : [sessionId]);
    if (exported.sessions.length === 0) {
      await interaction.reply({
        content: 'Nothing to put in a calendar: no timed session on your agenda.',
        flags,
      });
      return;
    }
    const name = sessionId === '' ? 'my-agenda.ics' : 'session.ics';
    await interaction.reply({
      content: `Your calendar file (${exported.sessions.length} ${exported.sessions.length === 1 ? 'session' : 'sessions'}); importing it again updates the same events.`,
      files: [{ attachment: Buffer.from(exported.ics, 'utf8'), name }],
      flags,
    });
    log.info({ sessions: exported.sessions.length }, 'Discord: agenda .ics sent');
    return;
  }
  const reply = await (kind === 'star' ? agenda.star(user, sessionId) : agenda.unstar(user, sessionId));
  await interaction.reply({ ...renderReply(reply, 'embeds'), components: agendaButtons(reply), flags });
}

/**
 * Sends reminders and change notices as DMs. The nonce is derived from the delivery key and enforced, so a send
 * retried (or resumed after a crash, within Discord's nonce window of a few minutes) returns the first message.
 */
export function createDiscordAgendaMessenger(
  client: Client<true>,
  policy?: RetryPolicy,
  sleep?: (ms: number) => Promise<void>,
): AgendaMessenger {
  return {
    platform: 'discord',
    async send(to, answer, key) {
      const nonce = createHash('sha256').update(key).digest('base64url').slice(0, 25);
      await withRetries(
        async () => {
          await client.users.send(to.userId, {
            ...renderReply(answer, 'embeds'),
            allowedMentions: { parse: [] },
            nonce,
            enforceNonce: true,
          });
        },
        {
          classify: classifyDiscordError,
          ...(policy === undefined ? {} : { policy }),
          ...(sleep === undefined ? {} : { sleep }),
        },
      );
    },
  };
}
