// ChatServices as `npm start` builds them, over real parts: token buckets on an injected clock, HALLWAY_ADMINS,
// the shared subscription commands over a DigestStore, and the shared reload command over a scripted reload.
import type { DigestSchedule } from '../../adapters/digest/digest-scheduler.ts';
import type { DigestStore } from '../../adapters/digest/digest-store.ts';
import { runSubscriptionCommand } from '../../adapters/digest/digest-subscriptions.ts';
import { parseAdminList } from '../../adapters/shared/admins.ts';
import type { ChatServices } from '../../adapters/shared/chat-services.ts';
import type { Logger } from '../../adapters/shared/logger.ts';
import {
  DEFAULT_RATE_LIMITS,
  type RateLimitConfig,
  RateLimiter,
} from '../../adapters/shared/rate-limiter.ts';
import { runReloadCommand } from '../../adapters/shared/reload-command.ts';
import { MORNING, THURSDAY_8AM } from './digest-setup.ts';

export interface ServicesOptions {
  readonly logger: Logger;
  readonly store?: DigestStore;
  readonly schedule?: DigestSchedule;
  /** HALLWAY_ADMINS. */
  readonly admins?: string;
  readonly limits?: RateLimitConfig;
  /** Problems the scripted reload reports (sources that kept their last good copy). */
  readonly reloadProblems?: readonly string[];
  readonly withReload?: boolean;
}

/** The services, and what they recorded: rate-limited requests and reloads run. */
export function testServices(options: ServicesOptions) {
  const rateLimited: Array<[string, string]> = [];
  const reloads: number[] = [];
  const clock = () => THURSDAY_8AM - 60 * 60 * 1000;
  const { store, logger } = options;
  const services: ChatServices = {
    // The clock stands still: buckets never refill during a test.
    rateLimiter: new RateLimiter(options.limits ?? DEFAULT_RATE_LIMITS, clock),
    admins: parseAdminList(options.admins),
    onRateLimited: (platform, scope) => rateLimited.push([platform, scope]),
    ...(store === undefined
      ? {}
      : {
          subscriptions: (command, context) =>
            runSubscriptionCommand(
              {
                store,
                schedule: options.schedule ?? MORNING,
                nextPost: () => 'Thu 26 Mar, 08:00 CET',
                clock,
                logger,
              },
              command,
              context,
            ),
        }),
    ...(options.withReload === false
      ? {}
      : {
          reload: (context) =>
            runReloadCommand(
              {
                reload: async () => {
                  reloads.push(clock());
                  return {
                    report: {
                      at: clock(),
                      added: [{ id: 'x', title: 'A late addition' }],
                      cancelled: [],
                      moved: [],
                    },
                    problems: options.reloadProblems ?? [],
                  };
                },
                sessionCount: () => 42,
                logger,
              },
              context,
            ),
        }),
  };
  return { services, rateLimited, reloads };
}
