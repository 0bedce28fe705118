// A scheduler on a real SQLite file in a temp folder, with a clock the test moves and a recording poster.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DigestPoster } from '../../adapters/digest/digest-poster.ts';
import { type DigestSchedule, DigestScheduler } from '../../adapters/digest/digest-scheduler.ts';
import { DigestStore } from '../../adapters/digest/digest-store.ts';
import type { PostOutcome } from '../../adapters/digest/post-digest.ts';
import type { Platform } from '../../adapters/shared/platforms.ts';
import { openDatabase, type SqliteDatabase } from '../../adapters/store/open-database.ts';
import type { Answer, Engine } from '../../src/index.ts';
import { captureLogger } from '../helpers/capture-logger.ts';

/** One message the poster sent. */
export interface SentMessage {
  readonly channelId: string;
  readonly title: string;
  readonly text: string;
}

/** A poster that records what it sends; `failures` scripts errors per channel, consumed one per send. */
export class RecordingPoster implements DigestPoster {
  readonly sent: SentMessage[] = [];
  readonly failures = new Map<string, Array<{ retry: boolean; afterMs?: number; reason: string }>>();
  /** Parts per digest: the answer is sent as this many messages. */
  parts = 1;
  private nextId = 1;

  constructor(readonly platform: Platform = 'slack') {}

  messages(channelId: string, answer: Answer): ReadonlyArray<() => Promise<string>> {
    return Array.from({ length: this.parts }, (_, index) => async () => {
      const failure = this.failures.get(channelId)?.shift();
      if (failure !== undefined) throw Object.assign(new Error(failure.reason), { scripted: failure });
      this.sent.push({ channelId, title: `${answer.title} [${index + 1}/${this.parts}]`, text: answer.text });
      return `m${this.nextId++}`;
    });
  }

  classify(error: unknown) {
    const scripted = (error as { scripted?: { retry: boolean; afterMs?: number; reason: string } }).scripted;
    if (scripted === undefined) return { retry: false as const, reason: String(error) };
    return scripted.retry
      ? {
          retry: true as const,
          reason: scripted.reason,
          ...(scripted.afterMs === undefined ? {} : { afterMs: scripted.afterMs }),
        }
      : { retry: false as const, reason: scripted.reason };
  }

  to(channelId: string): SentMessage[] {
    return this.sent.filter((message) => message.channelId === channelId);
  }
}

export const MORNING_ONLY: DigestSchedule = {
  times: [{ kind: 'morning', hour: 8, minute: 0 }],
  days: { kind: 'conference' },
  catchUpMs: 4 * 60 * 60 * 1000,
  defaultChannels: [],
};

export interface Harness {
  readonly path: string;
  readonly db: SqliteDatabase;
  readonly store: DigestStore;
  readonly scheduler: DigestScheduler;
  readonly poster: RecordingPoster;
  readonly logs: ReturnType<typeof captureLogger>;
  readonly sleeps: number[];
  readonly outcomes: PostOutcome[];
  /** Moves the injected clock. */
  setNow(iso: string): void;
}

export interface HarnessOptions {
  readonly engine: Engine;
  readonly schedule?: DigestSchedule;
  /** Reuse a database file (a restart). */
  readonly path?: string;
  readonly now: string;
  readonly poster?: RecordingPoster;
}

export function digestHarness(options: HarnessOptions): Harness {
  const path = options.path ?? join(mkdtempSync(join(tmpdir(), 'hallway-digest-')), 'hallway.db');
  const db = openDatabase(path);
  const store = new DigestStore(db);
  const poster = options.poster ?? new RecordingPoster();
  const logs = captureLogger();
  const sleeps: number[] = [];
  const outcomes: PostOutcome[] = [];
  let now = Date.parse(options.now);
  const scheduler = new DigestScheduler({
    store,
    engine: () => options.engine,
    posters: () => [poster],
    schedule: options.schedule ?? MORNING_ONLY,
    clock: () => now,
    logger: logs.logger,
    retry: {
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    },
    onOutcome: (outcome) => outcomes.push(outcome),
  });
  return {
    path,
    db,
    store,
    scheduler,
    poster,
    logs,
    sleeps,
    outcomes,
    setNow: (iso) => {
      now = Date.parse(iso);
    },
  };
}
