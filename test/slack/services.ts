// The chat services `npm start` gives the Slack adapter, built from the real shared pieces over a temp SQLite file.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DigestSchedule } from '../../adapters/digest/digest-scheduler.ts';
import type { DigestStore } from '../../adapters/digest/digest-store.ts';
import { runSubscriptionCommand } from '../../adapters/digest/digest-subscriptions.ts';
import { parseAdminList } from '../../adapters/shared/admins.ts';
import type { ChatServices } from '../../adapters/shared/chat-services.ts';
import type { Logger } from '../../adapters/shared/logger.ts';
import { type RateLimitConfig, RateLimiter } from '../../adapters/shared/rate-limiter.ts';
import type { AdminContext } from '../../adapters/shared/reload-command.ts';
import { runReloadCommand } from '../../adapters/shared/reload-command.ts';
import { openDatabase, type SqliteDatabase } from '../../adapters/store/open-database.ts';

/** A fresh database file in its own temp folder. */
export function tempDatabase(): { readonly path: string; readonly db: SqliteDatabase } {
  const path = join(mkdtempSync(join(tmpdir(), 'hallway-slack-')), 'hallway.db');
  return { path, db: openDatabase(path) };
}

/** The morning digest at 08:00 on conference days, no evening recap, no channels from the environment. */
export const MORNING_ONLY: DigestSchedule = {
  times: [{ kind: 'morning', hour: 8, minute: 0 }],
  days: { kind: 'conference' },
  catchUpMs: 4 * 60 * 60 * 1000,
  defaultChannels: [],
};

/** Limits so generous that no test trips them by accident. */
export const NO_PRESSURE: RateLimitConfig = {
  user: { burst: 1000, perMinute: 1000 },
  channel: { burst: 1000, perMinute: 1000 },
};

export interface TestServicesOptions {
  readonly store: DigestStore;
  readonly logger: Logger;
  readonly clock?: () => number;
  readonly schedule?: DigestSchedule;
  /** `HALLWAY_ADMINS`. */
  readonly admins?: string;
  readonly limits?: RateLimitConfig;
  /** Leave out the digest commands or the reload, as a Hallway without them would. */
  readonly without?: ReadonlyArray<'subscriptions' | 'reload'>;
}

export interface TestServices {
  readonly services: ChatServices;
  /** Every `onRateLimited` call, in order. */
  readonly limited: Array<{ platform: string; scope: string }>;
  /** Every admin context the reload was run with. */
  readonly reloads: AdminContext[];
}

export function testServices(options: TestServicesOptions): TestServices {
  const clock = options.clock ?? Date.now;
  const limited: TestServices['limited'] = [];
  const reloads: AdminContext[] = [];
  const without = new Set(options.without ?? []);
  const subscriptions: ChatServices['subscriptions'] = (command, context) =>
    runSubscriptionCommand(
      {
        store: options.store,
        schedule: options.schedule ?? MORNING_ONLY,
        nextPost: () => 'Sat 27 Mar, 08:00 WET',
        clock,
        logger: options.logger,
      },
      command,
      context,
    );
  const reload: ChatServices['reload'] = (context) => {
    reloads.push(context);
    return runReloadCommand(
      {
        reload: async () => ({
          report: { at: clock(), added: [], cancelled: [], moved: [] },
          problems: ['https://example.org/feed.ics: HTTP 500 <!channel>'],
        }),
        sessionCount: () => 42,
        logger: options.logger,
      },
      context,
    );
  };
  return {
    limited,
    reloads,
    services: {
      rateLimiter: new RateLimiter(options.limits ?? NO_PRESSURE, clock),
      admins: parseAdminList(options.admins),
      ...(without.has('subscriptions') ? {} : { subscriptions }),
      ...(without.has('reload') ? {} : { reload }),
      onRateLimited: (platform, scope) => limited.push({ platform, scope }),
    },
  };
}
