// The digest's real parts for Discord tests: a SQLite file in a temp folder, its store, and a scheduler whose
// clock and sleep are injected, posting through a connected adapter's poster.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DigestPoster } from '../../adapters/digest/digest-poster.ts';
import { type DigestSchedule, DigestScheduler } from '../../adapters/digest/digest-scheduler.ts';
import { DigestStore } from '../../adapters/digest/digest-store.ts';
import type { ChatAdapter } from '../../adapters/shared/chat-adapter.ts';
import type { Logger } from '../../adapters/shared/logger.ts';
import type { RetryPolicy } from '../../adapters/shared/retry.ts';
import { openDatabase } from '../../adapters/store/open-database.ts';
import type { Engine } from '../../src/index.ts';
import { kubeconEngine } from './harness.ts';

/** 08:00 in Amsterdam (CET) on Thursday 26 March 2026, the conference's last day. */
export const THURSDAY_8AM = Date.parse('2026-03-26T07:00:00Z');
export const THURSDAY = '2026-03-26';

/** The morning digest at 08:00 on conference days, caught up within 4 hours. */
export const MORNING: DigestSchedule = {
  times: [{ kind: 'morning', hour: 8, minute: 0 }],
  days: { kind: 'conference' },
  catchUpMs: 4 * 60 * 60 * 1000,
  defaultChannels: [],
};

/** A fresh database file in a temp folder, and its store. */
export function tempStore(): { store: DigestStore; path: string } {
  const path = join(mkdtempSync(join(tmpdir(), 'hallway-discord-')), 'hallway.db');
  return { store: new DigestStore(openDatabase(path)), path };
}

/** Subscribes Discord channels the day before, as an admin would have with /digest subscribe. */
export function subscribe(store: DigestStore, ...channelIds: string[]): void {
  for (const channelId of channelIds)
    store.subscribe({
      platform: 'discord',
      channelId,
      createdBy: 'admin',
      createdAt: THURSDAY_8AM - 86_400_000,
    });
}

export interface SchedulerSetup {
  readonly store: DigestStore;
  readonly adapter: ChatAdapter;
  readonly logger: Logger;
  readonly engine?: () => Engine;
  readonly now?: number;
  readonly schedule?: DigestSchedule;
  /** Every wait the retry logic asked for, in ms; none is waited for real. */
  readonly sleeps?: number[];
  readonly policy?: RetryPolicy;
}

/** A scheduler posting through the adapter's poster, at `now` (08:00 Thursday by default). */
export function digestScheduler(setup: SchedulerSetup): DigestScheduler {
  const now = setup.now ?? THURSDAY_8AM;
  return new DigestScheduler({
    store: setup.store,
    engine: setup.engine ?? kubeconEngine,
    posters: () => [setup.adapter.digestPoster?.()].filter((p): p is DigestPoster => p !== undefined),
    schedule: setup.schedule ?? MORNING,
    clock: () => now,
    logger: setup.logger,
    retry: {
      sleep: async (ms) => {
        setup.sleeps?.push(ms);
      },
      ...(setup.policy === undefined ? {} : { policy: setup.policy }),
    },
  });
}

/** Starts a scheduler (posting what is due at its clock), stops its timers, and returns the outcomes. */
export async function runOnce(setup: SchedulerSetup) {
  const scheduler = digestScheduler(setup);
  try {
    return await scheduler.start();
  } finally {
    await scheduler.stop();
  }
}
