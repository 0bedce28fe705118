// Builds the services every chat platform shares under `npm start`: rate limits (in the store), admins, the digest's subscription
// commands (once its database is open) and the admin reload.
import type { DigestRuntime } from '../digest/digest-runtime.ts';
import { recordRateLimited } from '../ops/metrics-sink.ts';
import type { LiveData } from '../sources/live-data.ts';
import type { AdminList } from './admins.ts';
import type { ChatServices } from './chat-services.ts';
import { createConversationMemory } from './conversation-memory.ts';
import type { Logger } from './logger.ts';
import type { RateLimitConfig } from './rate-limiter.ts';
import { runReloadCommand } from './reload-command.ts';
import { createSharedRateLimiter } from './shared-rate-limiter.ts';

export interface ChatServicesOptions {
  readonly live: LiveData;
  readonly rateLimits: RateLimitConfig;
  readonly admins: AdminList;
  /** The digest, once its database is open; commands arrive only after the platforms start, by which time it is. */
  readonly digest: () => DigestRuntime | undefined;
  readonly logger: Logger;
}

export function createChatServices(options: ChatServicesOptions): ChatServices {
  const { live, logger } = options;
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
    conversations: createConversationMemory({
      entries: () => options.digest()?.store.context,
      clock: Date.now,
      logger,
    }),
    subscriptions: async (command, context) => {
      const digest = options.digest();
      if (digest === undefined) throw new Error('the digest database is not open');
      return digest.subscriptions(command, context);
    },
    reload: (context) =>
      runReloadCommand(
        { reload: () => live.reload(), sessionCount: () => live.current().catalog.sessions.size, logger },
        context,
      ),
    onRateLimited: (platform) => recordRateLimited(platform),
  };
}
