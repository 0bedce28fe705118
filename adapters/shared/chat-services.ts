// What `npm start` gives every chat platform beside the engine: rate limits, the admin list, the digest
// subscription commands and the admin reload. Built once in `adapters/main.ts`; each platform only decides who
// is an admin on it and how to show the replies.
import type { AgendaService } from '../agenda/agenda-service.ts';
import type { BindingCommand, BindingContext, BindingReply } from '../conferences/conference-service.ts';
import type { CommandContext, CommandReply, SubscriptionCommand } from '../digest/digest-subscriptions.ts';
import type { EventClaims, Installations } from '../store/store.ts';
import type { AdminList } from './admins.ts';
import type { ConversationMemory } from './conversation-memory.ts';
import type { Platform } from './platforms.ts';
import type { QuestionLimiter, RateDecision } from './rate-limiter.ts';
import type { AdminContext, ReloadReply } from './reload-command.ts';

export interface ChatServices {
  readonly rateLimiter: QuestionLimiter;
  /** `HALLWAY_ADMINS`, beside each platform's own admins. */
  readonly admins: AdminList;
  /** Digest subscription commands; undefined when the digest is not set up (no database). */
  readonly subscriptions?: (
    command: SubscriptionCommand,
    context: CommandContext,
  ) => CommandReply | Promise<CommandReply>;
  /** `/hallway use` and `/conference`: which conference a channel answers about; undefined with one conference. */
  readonly conferences?: (command: BindingCommand, context: BindingContext) => Promise<BindingReply>;
  /** Reloads the data now; undefined when there is nothing to reload. */
  readonly reload?: (context: AdminContext) => Promise<ReloadReply>;
  /** Personal agendas; undefined until their database is open (or without one). */
  readonly agenda?: () => AgendaService | undefined;
  /** The store's event claims (once it is open), so that replicas answer each platform event once. */
  readonly eventClaims?: () => EventClaims | undefined;
  /** The store's installations (once it is open): one bot token per Slack workspace in multi-workspace mode. */
  readonly installations?: () => Installations | undefined;
  /** Follow-up context per conversation, in the store once it is open; without it every question stands alone. */
  readonly conversations?: ConversationMemory;
  /** Told of every refused request, for the metrics. */
  readonly onRateLimited?: (platform: Platform, scope: 'user' | 'channel') => void;
}

/**
 * Takes a question from the asker's and the channel's buckets; a refusal is reported for the metrics. Without
 * services (tests, or a Hallway that sets no limits) every question is allowed. Each platform says "slow down" its way.
 */
export async function checkQuestionRate(
  services: ChatServices | undefined,
  platform: Platform,
  who: { readonly userId: string; readonly channelId?: string },
): Promise<RateDecision> {
  if (services === undefined) return { kind: 'allow' };
  const decision = await services.rateLimiter.check(who);
  if (decision.kind === 'limit') services.onRateLimited?.(platform, decision.scope);
  return decision;
}
