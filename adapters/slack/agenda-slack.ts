// My agenda on Slack: agenda questions answered privately, the star / remove / calendar buttons, the .ics uploaded
// to the user's DM (files.getUploadURLExternal and files.completeUploadExternal), and reminders sent as DMs.
import type { App, BlockAction, ButtonAction, webApi } from '@slack/bolt';
import type { Answer } from '../../src/index.ts';
import type { AgendaMessenger } from '../agenda/agenda-messenger.ts';
import type { AgendaService } from '../agenda/agenda-service.ts';
import type { AgendaUser } from '../agenda/agenda-store.ts';
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
import { installationOf } from './installation-store.ts';
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

/** A Slack user, and the workspace (installation) they asked from: its token sends their reminders. */
export function slackAgendaUser(userId: string, workspaceId: string | undefined): AgendaUser {
  return { platform: 'slack', userId, ...(workspaceId === undefined ? {} : { workspaceId }) };
}

/**
 * The Slack reply to `answer` for `user`: an agenda request carried out (personal), or the answer with a star
 * button under each session.
 */
export async function slackReply(
  answer: Answer,
  user: AgendaUser,
  services: ChatServices | undefined,
): Promise<SlackReply> {
  const agenda = agendaOf(services);
  if (answer.agenda === undefined) {
    // Room for the star buttons and, on /hallway, the share button.
    const message = renderAnswer(answer, { reserveBlocks: 2 });
    return { message: agenda === undefined ? message : withStarButtons(message, answer), personal: false };
  }
  if (agenda === undefined) return { message: renderAnswer(answer), personal: true };
  const reply = await agenda.reply(answer, user);
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
    app.action<BlockAction<ButtonAction>>(
      actionId,
      async ({ action, ack, body, respond, client, context }) => {
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
            const user = slackAgendaUser(body.user.id, installationOf(context));
            const sessionId = action.value ?? '';
            switch (kind) {
              case 'star':
                await ephemeral(agendaMessage(await agenda.star(user, sessionId), false));
                return;
              case 'unstar':
                await ephemeral(agendaMessage(await agenda.unstar(user, sessionId), false));
                return;
              case 'ics': {
                const exported = await agenda.ics(user, sessionId === '' ? undefined : [sessionId]);
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
      },
    );
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

/** The DM channel between Hallway and `userId` (through the workspace's `token`, in multi-workspace mode). */
async function dmChannel(client: webApi.WebClient, userId: string, token?: string): Promise<string> {
  const opened = await client.conversations.open({
    users: userId,
    ...(token === undefined ? {} : { token }),
  });
  const id = opened.channel?.id;
  if (typeof id !== 'string') throw new Error('Slack opened no DM channel');
  return id;
}

export interface SlackAgendaMessengerOptions {
  /** Multi-workspace mode: the bot token of a workspace, from its installation. */
  readonly tokenFor?: (workspaceId: string) => Promise<string | undefined>;
  readonly sleep?: (ms: number) => Promise<void>;
}

/**
 * Sends reminders and change notices as DMs, each marked with its key and never posted twice. In multi-workspace
 * mode each goes out with the token of the user's own workspace; one whose workspace is unknown or no longer has
 * Hallway installed is refused (and recorded as failed).
 */
export function createSlackAgendaMessenger(
  client: webApi.WebClient,
  policy: RetryPolicy,
  options: SlackAgendaMessengerOptions = {},
): AgendaMessenger {
  const { tokenFor, sleep } = options;
  const tokenOf = async (to: AgendaUser): Promise<string | undefined> => {
    if (tokenFor === undefined) return undefined;
    if (to.workspaceId === undefined)
      throw new Error(`the workspace of Slack user ${to.userId} is not known; their next star records it`);
    const token = await tokenFor(to.workspaceId);
    if (token === undefined)
      throw new Error(`Hallway is not installed in the Slack workspace ${to.workspaceId}`);
    return token;
  };
  return {
    platform: 'slack',
    async send(to, answer, key, resumedFrom) {
      const retry = { policy, classify: classifySlackError, ...(sleep === undefined ? {} : { sleep }) };
      const token = await tokenOf(to);
      const channel = await withRetries(() => dmChannel(client, to.userId, token), retry);
      const message = renderAnswer(answer);
      // A resumed DM looks in the channel's history for its key first: sent before a crash means not sent again.
      await withRetries(
        postOnce(
          client,
          { channel, ...message, ...POST_OPTIONS, ...(token === undefined ? {} : { token }) },
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
