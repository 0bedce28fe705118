// The few fields Hallway reads from Slack events, checked with zod at the edge instead of trusted.
import { z } from 'zod';

/** An @mention in a channel (`app_mention`). */
export const MentionEventSchema = z.object({
  type: z.literal('app_mention'),
  channel: z.string().min(1),
  ts: z.string().min(1),
  text: z.string().default(''),
  user: z.string().optional(),
  thread_ts: z.string().optional(),
  bot_id: z.string().optional(),
});

/** A message event; Hallway answers only plain user messages in its DMs. */
export const MessageEventSchema = z.object({
  type: z.literal('message'),
  channel: z.string().min(1),
  channel_type: z.string().optional(),
  ts: z.string().min(1),
  text: z.string().optional(),
  user: z.string().optional(),
  subtype: z.string().optional(),
  bot_id: z.string().optional(),
  thread_ts: z.string().optional(),
});

/** The user opened Hallway's App Home (`tab` is "home" or "messages"). */
export const HomeOpenedEventSchema = z.object({
  type: z.literal('app_home_opened'),
  user: z.string().min(1),
  tab: z.string().optional(),
});

export type SlackMentionEvent = z.infer<typeof MentionEventSchema>;
export type SlackMessageEvent = z.infer<typeof MessageEventSchema>;

/** Why a message event is not a question for Hallway, or undefined when it is one. */
export function ignoreReason(message: SlackMessageEvent, botUserId: string | undefined): string | undefined {
  if (message.channel_type !== 'im') return 'not a direct message';
  if (message.subtype !== undefined) return `message subtype ${message.subtype}`;
  if (message.bot_id !== undefined) return 'sent by a bot';
  if (message.user === undefined) return 'no sender';
  if (botUserId !== undefined && message.user === botUserId) return 'sent by Hallway itself';
  return undefined;
}
