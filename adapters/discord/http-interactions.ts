// Discord interactions over HTTP, the stateless alternative to the gateway: each signed request gets its answer in
// the HTTP response (a PONG, or the question command's answer as embeds). No connection, no token needed.
import { z } from 'zod';
import type { Engine } from '../../src/index.ts';
import { type AskIn, askIn } from '../shared/chat-adapter.ts';
import type { ChatServices } from '../shared/chat-services.ts';
import type { Logger } from '../shared/logger.ts';
import { discordReply } from './agenda-discord.ts';
import { COMMAND_OPTIONS, commandQuestion, isQuestionCommand } from './commands.ts';
import { conversationKey } from './interactions.ts';
import { gateQuestion } from './rate-gate.ts';

/** Discord's interaction and response types used here. */
const PING = 1;
const APPLICATION_COMMAND = 2;
const PONG = 1;
const CHANNEL_MESSAGE_WITH_SOURCE = 4;
/** Only the asker sees the message. */
const EPHEMERAL = 64;

const InteractionSchema = z.object({
  type: z.number().int(),
  channel_id: z.string().optional(),
  guild_id: z.string().optional(),
  member: z.object({ user: z.object({ id: z.string() }) }).optional(),
  user: z.object({ id: z.string() }).optional(),
  data: z
    .object({
      name: z.string(),
      options: z.array(z.object({ name: z.string(), value: z.unknown() })).optional(),
    })
    .optional(),
});

export interface HttpInteractionDependencies {
  readonly engine: () => Engine;
  /** With several conferences: answers with the channel's (or the named) conference. */
  readonly ask?: AskIn;
  readonly services?: ChatServices;
  readonly logger: Logger;
}

/** What to send back: a status and, for a 200, Discord's interaction response. */
export interface HttpInteractionResponse {
  readonly status: number;
  readonly body?: Record<string, unknown>;
}

const privately = (content: string) => ({
  type: CHANNEL_MESSAGE_WITH_SOURCE,
  data: { content, flags: EPHEMERAL, allowed_mentions: { parse: [] } },
});

/** Answers one verified interaction body. Never throws: bad JSON is a 400, anything unsupported says so. */
export async function answerHttpInteraction(
  deps: HttpInteractionDependencies,
  body: Buffer,
): Promise<HttpInteractionResponse> {
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    return { status: 400 };
  }
  const parsed = InteractionSchema.safeParse(json);
  if (!parsed.success) return { status: 400 };
  const interaction = parsed.data;
  if (interaction.type === PING) return { status: 200, body: { type: PONG } };
  const name = interaction.data?.name;
  if (interaction.type !== APPLICATION_COMMAND || name === undefined) {
    return {
      status: 200,
      body: privately('Hallway answers slash commands here; buttons need the gateway connection.'),
    };
  }
  if (!isQuestionCommand(name)) {
    return {
      status: 200,
      body: privately(
        `/${name} needs Hallway's gateway connection (DISCORD_TOKEN); ask whoever runs Hallway.`,
      ),
    };
  }
  const userId = interaction.member?.user.id ?? interaction.user?.id ?? 'unknown';
  const gate = await gateQuestion(
    deps.services,
    { userId, channelId: interaction.channel_id ?? null },
    deps.logger,
  );
  if (gate.kind === 'drop')
    return { status: 200, body: privately('Still catching up; ask again in a moment.') };
  if (gate.kind === 'slow-down') return { status: 200, body: privately(gate.text) };
  const option = COMMAND_OPTIONS[name];
  const value = interaction.data?.options?.find((entry) => entry.name === option)?.value;
  const question = commandQuestion(name, typeof value === 'string' ? value : null);
  if (question.kind === 'unknown')
    return { status: 200, body: privately('Sorry, I do not know that command.') };
  // The same conference routing and follow-up context as the gateway's commands, so either path may answer.
  const channelId = interaction.channel_id ?? null;
  const memory = deps.services?.conversations;
  const conversation = conversationKey(interaction.guild_id ?? null, channelId, userId);
  const answer = await askIn(
    deps,
    question.text,
    {
      platform: 'discord',
      channelId: channelId ?? '',
      ...(interaction.guild_id === undefined ? {} : { workspaceId: interaction.guild_id }),
    },
    (await memory?.optionsFor(conversation)) ?? {},
  );
  await memory?.remember(conversation, answer);
  deps.logger.info(
    { command: name, intent: answer.intent, answered: answer.answered },
    'Discord (HTTP): answered',
  );
  // Buttons would come back here, where only the gateway can act on them: none are offered. An agenda stays private.
  const {
    personal,
    components: _buttons,
    ...reply
  } = await discordReply(answer, userId, deps.services, 'embeds');
  return {
    status: 200,
    body: {
      type: CHANNEL_MESSAGE_WITH_SOURCE,
      data: { ...reply, ...(personal ? { flags: EPHEMERAL } : {}), allowed_mentions: { parse: [] } },
    },
  };
}
