// My agenda on Slack: agenda questions answered privately, the star / remove / calendar buttons, the .ics uploaded
// to the user's DM (files.getUploadURLExternal and files.completeUploadExternal), and reminders sent as DMs.
import type { App, BlockAction, ButtonAction, webApi } from '@slack/bolt';
import type { Answer } from '../../src/index.ts';
import type { AgendaMessenger } from '../agenda/agenda-messenger.ts';
import type { AgendaService } from '../agenda/agenda-service.ts';
import type { ChatServices } from '../shared/chat-services.ts';
import type { Logger } from '../shared/logger.ts';
import { type RetryPolicy, withRetries } from '../shared/retry.ts';
import {
  AGENDA_ICS_ACTION,
  AGENDA_STAR_ACTION,
  AGENDA_UNSTAR_ACTION,
  agendaMessage,
  withStarButtons,
} from './agenda-blocks.ts';
import { classifySlackError } from './classify-error.ts';
import { postOnce } from './post-once.ts';
import { renderAnswer, type SlackMessage } from './render-blocks.ts';
import type { Guard } from './request-guard.ts';
import { apologyMessage, POST_OPTIONS, simpleMessage } from './surfaces.ts';

/** A reply, and whether it must stay private (an agenda is never shown in a channel). */
export interface SlackReply {
  readonly message: SlackMessage;
  readonly personal: boolean;
}

/** The agenda service, when the database is open. */
function agendaOf(services: ChatServices | undefined): AgendaService | undefined {
  return services?.agenda?.();
}

/**
 * The Slack reply to `answer` for `userId`: an agenda request carried out (personal), or the answer with a star
 * button under each session.
 */
export function slackReply(answer: Answer, userId: string, services: ChatServices | undefined): SlackReply {
  const agenda = agendaOf(services);
  if (answer.agenda === undefined) {
    // Room for the star buttons and, on /hallway, the share button.
    const message = renderAnswer(answer, { reserveBlocks: 2 });
    return { message: agenda === undefined ? message : withStarButtons(message, answer), personal: false };
  }
  if (agenda === undefined) return { message: renderAnswer(answer), personal: true };
  const reply = agenda.reply(answer, { platform: 'slack', userId });
  const choosing = reply === answer;
  return { message: agendaMessage(reply, choosing), personal: true };
}

/** Registers the agenda buttons: star, remove, and the calendar file. */
export function registerAgendaActions(
  app: App,
  deps: { readonly services: ChatServices | undefined; readonly guard: Guard; readonly logger: Logger },
): void {
  const buttons: Array<[RegExp, 'star' | 'unstar' | 'ics']> = [
    [new RegExp(`^${AGENDA_STAR_ACTION}:`), 'star'],
    [new RegExp(`^${AGENDA_UNSTAR_ACTION}:`), 'unstar'],
    [new RegExp(`^${AGENDA_ICS_ACTION}:`), 'ics'],
  ];
  for (const [actionId, kind] of buttons) {
    app.action<BlockAction<ButtonAction>>(actionId, async ({ action, ack, body, respond, client }) => {
      await ack();
      const ephemeral = (message: SlackMessage) =>
        respond({ response_type: 'ephemeral', replace_original: false, ...message, ...POST_OPTIONS });
      await deps.guard(
        'agenda',
        { channel: body.channel?.id, user: body.user.id },
        async () => {
          const agenda = agendaOf(deps.services);
          if (agenda === undefined) {
            await ephemeral(simpleMessage('Agendas are not available: Hallway has no database here.'));
            return;
          }
          const user = { platform: 'slack' as const, userId: body.user.id };
          const sessionId = action.value ?? '';
          switch (kind) {
            case 'star':
              await ephemeral(agendaMessage(agenda.star(user, sessionId), false));
              return;
            case 'unstar':
              await ephemeral(agendaMessage(agenda.unstar(user, sessionId), false));
              return;
            case 'ics': {
              const exported = agenda.ics(user, sessionId === '' ? undefined : [sessionId]);
              if (exported.sessions.length === 0) {
                await ephemeral(
                  simpleMessage('Nothing to put in a calendar: no timed session on your agenda.'),
                );
                return;
              }
              await uploadIcs(client, body.user.id, exported.ics, {
                whole: sessionId === '',
                count: exported.sessions.length,
              });
              await ephemeral(simpleMessage('I sent you the calendar file in a direct message.'));
              return;
            }
          }
        },
        () => ephemeral(apologyMessage()),
      );
    });
  }
}

/** Uploads an .ics to the user's DM with Hallway: the upload URL, the bytes, then the completion. */
export async function uploadIcs(
  client: webApi.WebClient,
  userId: string,
  ics: string,
  what: { readonly whole: boolean; readonly count: number },
): Promise<void> {
  const channel = await dmChannel(client, userId);
  await client.files.uploadV2({
    channel_id: channel,
    content: ics,
    filename: what.whole ? 'my-agenda.ics' : 'session.ics',
    title: what.whole ? 'My agenda' : 'Session calendar file',
    initial_comment: `Your calendar file (${what.count} ${what.count === 1 ? 'session' : 'sessions'}); importing it again updates the same events.`,
  });
}

/** The DM channel between Hallway and `userId`. */
async function dmChannel(client: webApi.WebClient, userId: string): Promise<string> {
  const opened = await client.conversations.open({ users: userId });
  const id = opened.channel?.id;
  if (typeof id !== 'string') throw new Error('Slack opened no DM channel');
  return id;
}

/** Sends reminders and change notices as DMs, each marked with its key and never posted twice. */
export function createSlackAgendaMessenger(
  client: webApi.WebClient,
  policy: RetryPolicy,
  sleep?: (ms: number) => Promise<void>,
): AgendaMessenger {
  return {
    platform: 'slack',
    async send(userId, answer, key, resumedFrom) {
      const retry = { policy, classify: classifySlackError, ...(sleep === undefined ? {} : { sleep }) };
      const channel = await withRetries(() => dmChannel(client, userId), retry);
      const message = renderAnswer(answer);
      // A resumed DM looks in the channel's history for its key first: sent before a crash means not sent again.
      await withRetries(
        postOnce(
          client,
          { channel, ...message, ...POST_OPTIONS },
          // The history is searched from (a little before) the crashed run's claim, however long ago that was
          // (never from later than now: Slack's timestamps are its own clock's).
          resumedFrom === undefined
            ? { key }
            : { key, checkFirst: true, now: () => Math.min(resumedFrom, Date.now()) },
        ),
        retry,
      );
    },
  };
}
