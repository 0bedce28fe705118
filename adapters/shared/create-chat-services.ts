// Builds the services every chat platform shares under `npm start`: rate limits and follow-up context (in the
// store), admins, the digest's subscription commands (once its database is open) and the admin reload.
import type { AgendaService } from '../agenda/agenda-service.ts';
import type { ConferenceService } from '../conferences/conference-service.ts';
import type { DigestRuntime } from '../digest/digest-runtime.ts';
import { recordRateLimited } from '../ops/metrics-sink.ts';
import type { LiveData } from '../sources/live-data.ts';
import type { AdminList } from './admins.ts';
import type { ChatServices } from './chat-services.ts';
import { ConversationMemory } from './conversation-memory.ts';
import type { Logger } from './logger.ts';
import type { Platform } from './platforms.ts';
import type { RateLimitConfig } from './rate-limiter.ts';
import { runReloadCommand } from './reload-command.ts';
import { createSharedRateLimiter } from './shared-rate-limiter.ts';

export interface ChatServicesOptions {
  readonly live: LiveData;
  readonly rateLimits: RateLimitConfig;
  readonly admins: AdminList;
  /** The digest, once its database is open; commands arrive only after the platforms start, by which time it is. */
  readonly digest: () => DigestRuntime | undefined;
  /** The agenda, once its database is open. */
  readonly agenda?: () => AgendaService | undefined;
  readonly logger: Logger;
  /** With several conferences: the binding commands, and a reload reads the asking channel's conference. */
  readonly conferences?: ConferenceService;
}

export function createChatServices(options: ChatServicesOptions): ChatServices {
  const { live, logger, conferences } = options;
  /** The data a reload reads again: the asking channel's conference, else the one dataset. */
  const target = async (channelId: string | undefined, platform: Platform): Promise<LiveData> =>
    conferences === undefined || channelId === undefined
      ? live
      : conferences.registry.live(await conferences.conferenceOf({ platform, channelId }));
  return {
    rateLimiter: createSharedRateLimiter({
      config: options.rateLimits,
      rates: () => options.digest()?.store.rates,
      clock: Date.now,
      logger,
    }),
    admins: options.admins,
    eventClaims: () => options.digest()?.store.events,
    installations: () => options.digest()?.store.installations,
    conversations: new ConversationMemory({ store: () => options.digest()?.store.context, logger }),
    subscriptions: async (command, context) => {
      const digest = options.digest();
      if (digest === undefined) throw new Error('the digest database is not open');
      return digest.subscriptions(command, context);
    },
    reload: async (context) => {
      const data = context.isAdmin ? await target(context.channelId, context.platform) : live;
      return runReloadCommand(
        { reload: () => data.reload(), sessionCount: () => data.current().catalog.sessions.size, logger },
        context,
      );
    },
    ...(conferences === undefined
      ? {}
      : { conferences: (command, context) => conferences.command(command, context) }),
    ...(options.agenda === undefined ? {} : { agenda: options.agenda }),
    onRateLimited: (platform) => recordRateLimited(platform),
  };
}
