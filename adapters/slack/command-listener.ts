// `/hallway …`: acknowledged at once, rate-limited, then a digest command, a reload, or a private answer.
import type { App, RespondArguments } from '@slack/bolt';
import type { Engine } from '../../src/index.ts';
import { type AskIn, askIn } from '../shared/chat-adapter.ts';
import type { ChatServices } from '../shared/chat-services.ts';
import type { Logger } from '../shared/logger.ts';
import { runAdminCommand } from './admin-commands.ts';
import { slackAgendaUser, slackReply } from './agenda-slack.ts';
import { parseHallwayCommand } from './command-text.ts';
import { installationOf } from './installation-store.ts';
import type { RateGate } from './rate-gate.ts';
import type { SlackMessage } from './render-blocks.ts';
import type { Guard, Surface } from './request-guard.ts';
import { questionFromSlackText } from './slack-text.ts';
import { apologyMessage, helpMessage, POST_OPTIONS, privateAnswer, SLASH_COMMAND } from './surfaces.ts';

/** What the `/hallway` listener uses; the guard and the rate gate are shared with the other listeners. */
export interface CommandListenerDependencies {
  readonly engine: () => Engine;
  readonly ask?: AskIn;
  readonly services: ChatServices | undefined;
  readonly logger: Logger;
  readonly guard: Guard;
  readonly gate: RateGate;
}

/**
 * Every `/hallway` costs one token of the asker's and the channel's rate limit, commands included: a refused
 * command is not checked against Slack (`users.info`), so a flood of them cannot spend Hallway's API budget.
 */
export function registerCommandListener(app: App, deps: CommandListenerDependencies): void {
  app.command(SLASH_COMMAND, async ({ command, ack, respond, context, client }) => {
    const ephemeral = (message: SlackMessage): RespondArguments => ({
      response_type: 'ephemeral',
      ...message,
      ...POST_OPTIONS,
    });
    // Slack wants the acknowledgement within 3 seconds, whatever follows.
    await ack();
    const parsed = parseHallwayCommand(questionFromSlackText(command.text, context.botUserId));
    const surface: Surface =
      parsed.kind === 'question' ? 'command' : parsed.kind === 'reload' ? 'reload' : 'subscription';
    const where = { channel: command.channel_id, user: command.user_id };
    const admitted = await deps.gate.admit(
      surface,
      { userId: command.user_id, channelId: command.channel_id },
      (message) => respond(ephemeral(message)),
    );
    if (!admitted) return;
    await deps.guard(
      surface,
      where,
      async () => {
        if (parsed.kind !== 'question') {
          const reply = await runAdminCommand(
            {
              command: parsed,
              userId: command.user_id,
              channelId: command.channel_id,
              ...(command.team_id === undefined ? {} : { teamId: command.team_id }),
            },
            { services: deps.services, client, logger: deps.logger },
          );
          await respond(ephemeral(reply));
          return;
        }
        const answer = await askIn(deps, parsed.question === '' ? 'help' : parsed.question, {
          platform: 'slack',
          channelId: command.channel_id,
          ...(command.team_id === undefined ? {} : { workspaceId: command.team_id }),
        });
        if (answer.intent === 'help') {
          await respond(ephemeral(helpMessage(answer)));
          return;
        }
        const reply = await slackReply(
          answer,
          slackAgendaUser(command.user_id, installationOf(context)),
          deps.services,
        );
        // An agenda reply gets no share button: it is its owner's alone.
        await respond(ephemeral(reply.personal ? reply.message : privateAnswer(answer, reply.message)));
      },
      () => respond(ephemeral(apologyMessage())),
    );
  });
}
