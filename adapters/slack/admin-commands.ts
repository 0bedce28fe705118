// `/hallway digest here|off|list` and `/hallway reload`: the admin check, the shared commands, a private reply.
import type { webApi } from '@slack/bolt';
import type { BindingCommand } from '../conferences/conference-service.ts';
import type { CommandContext, SubscriptionCommand } from '../digest/digest-subscriptions.ts';
import type { ChatServices } from '../shared/chat-services.ts';
import type { Logger } from '../shared/logger.ts';
import { commandFor, conferenceCommandFor } from './command-text.ts';
import { escapeToFit, swapFormatting } from './escape.ts';
import { SLACK_LIMITS } from './limits.ts';
import { mrkdwn, type SlackMessage } from './render-blocks.ts';
import { isSlackAdmin, SLACK_ADMINS_TEXT } from './slack-admin.ts';
import { simpleMessage } from './surfaces.ts';

/** An admin command from `/hallway`, with who ran it and where. */
export interface AdminRequest {
  readonly command:
    | { readonly kind: 'subscription'; readonly command: SubscriptionCommand }
    | { readonly kind: 'reload' }
    | { readonly kind: 'conference'; readonly command: BindingCommand };
  readonly userId: string;
  readonly channelId: string;
  readonly teamId?: string;
}

/** What running an admin command needs: the shared services (if set up), a Web API client, the log. */
export interface AdminCommandDependencies {
  readonly services: ChatServices | undefined;
  /** For `users.info`, the workspace-admin check. */
  readonly client: webApi.WebClient;
  readonly logger: Logger;
}

/** The reply when this Hallway has no digest (no database): the command is known, just not available. */
export const DIGEST_NOT_SET_UP =
  'The daily digest is not set up on this Hallway, so there is nothing to subscribe to.';
/** The reply when this Hallway serves one conference: there is nothing to choose. */
export const ONE_CONFERENCE =
  'This Hallway serves one conference, so there is nothing to choose; every channel answers about it.';
/** The reply when this Hallway has nothing to reload. */
export const RELOAD_NOT_SET_UP = 'Reloading the data is not set up on this Hallway.';

/** A Slack channel id; anything else is shown as text, never as a link. */
const CHANNEL_ID = /^[CGD][A-Z0-9]{2,}$/;
/** Marks a channel link in a reply until the reply is escaped (a private-use character, never in the wording). */
const MARK = '\u{E000}';
const MARKED_CHANNEL = /\u{E000}([CGD][A-Z0-9]{2,})\u{E000}/gu;

/**
 * Runs the command and returns the private reply. Only changes need an admin: `list` is for everyone and does
 * not call Slack. The shared commands log every use, allowed or refused.
 */
export async function runAdminCommand(
  request: AdminRequest,
  deps: AdminCommandDependencies,
): Promise<SlackMessage> {
  const { services } = deps;
  const { command } = request;
  const needsAdmin = command.kind === 'reload' || command.command !== 'list';
  if (command.kind === 'conference') {
    if (services?.conferences === undefined) return simpleMessage(ONE_CONFERENCE);
    const reply = await services.conferences(command.command, {
      platform: 'slack',
      channelId: request.channelId,
      userId: request.userId,
      isAdmin: needsAdmin && (await isSlackAdmin(deps.client, services.admins, request.userId, deps.logger)),
      admins: SLACK_ADMINS_TEXT,
      mentionChannel,
      commandFor: conferenceCommandFor,
      ...(request.teamId === undefined ? {} : { workspaceId: request.teamId }),
    });
    return subscriptionMessage(reply.text);
  }
  const isAdmin = async (): Promise<boolean> =>
    services !== undefined &&
    needsAdmin &&
    isSlackAdmin(deps.client, services.admins, request.userId, deps.logger);
  if (command.kind === 'reload') {
    if (services?.reload === undefined) return simpleMessage(RELOAD_NOT_SET_UP);
    const reply = await services.reload({
      platform: 'slack',
      userId: request.userId,
      channelId: request.channelId,
      isAdmin: await isAdmin(),
      admins: SLACK_ADMINS_TEXT,
    });
    return simpleMessage(reply.text);
  }
  if (services?.subscriptions === undefined) return simpleMessage(DIGEST_NOT_SET_UP);
  const context: CommandContext = {
    platform: 'slack',
    channelId: request.channelId,
    userId: request.userId,
    isAdmin: await isAdmin(),
    admins: SLACK_ADMINS_TEXT,
    mentionChannel,
    commandFor,
    ...(request.teamId === undefined ? {} : { workspaceId: request.teamId }),
  };
  return subscriptionMessage((await services.subscriptions(command.command, context)).text);
}

/** `<#C0123>` once the reply is rendered; an id that is not a channel id stays inert text. */
function mentionChannel(channelId: string): string {
  return CHANNEL_ID.test(channelId) ? `${MARK}${channelId}${MARK}` : swapFormatting(channelId);
}

/** The reply as mrkdwn: everything escaped, then only the channel links Hallway made turned back into links. */
export function subscriptionMessage(text: string): SlackMessage {
  const linked = (escaped: string) => escaped.replace(MARKED_CHANNEL, '<#$1>');
  return {
    text: linked(escapeToFit(text, SLACK_LIMITS.fallbackText)),
    blocks: [{ type: 'section', text: mrkdwn(linked(escapeToFit(text, SLACK_LIMITS.sectionText))) }],
  };
}
