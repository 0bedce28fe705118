// Hallway replicas for the hosted tests: `node dist/main.js` processes in Slack HTTP mode behind the loopback Slack
// fake, sharing one PostgreSQL database, answering from a small conference that takes place today.
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type RunningProcess, startProcess } from '../helpers/running-process.ts';
import { slackHttpEnv } from '../helpers/slack-http-env.ts';

const MINI_CONF = fileURLToPath(new URL('../fixtures/mini-conf', import.meta.url));
/** The signing secret `slackHttpEnv` gives the replicas. */
export const REPLICA_SIGNING_SECRET = '0123456789abcdef0123456789abcdef';

const utcDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** A copy of the mini conference moved to today and tomorrow (UTC), so that today's digest has sessions. */
export function conferenceToday(now = Date.now()): string {
  const dir = mkdtempSync(join(tmpdir(), 'hallway-today-'));
  cpSync(MINI_CONF, dir, { recursive: true });
  for (const file of readdirSync(dir)) {
    const path = join(dir, file);
    const text = readFileSync(path, 'utf8')
      .replaceAll('2027-03-27', utcDate(now))
      .replaceAll('2027-03-28', utcDate(now + 24 * 60 * 60 * 1000));
    writeFileSync(path, text);
  }
  return dir;
}

/** "HH:MM" (UTC) a minute ago: a digest time every replica starting now has just passed, within its catch-up. */
export function aMinuteAgo(now = Date.now()): string {
  return new Date(now - 60_000).toISOString().slice(11, 16);
}

export interface ReplicaOptions {
  readonly databaseUrl: string;
  readonly slackApiUrl: string;
  readonly data: string;
  /** The channel that gets the digest, at `digestTime` ("HH:MM" UTC); no digest without them. */
  readonly digestChannel?: string;
  readonly digestTime?: string;
  readonly leaseSeconds?: number;
  /** More variables, such as rate limits. */
  readonly env?: Record<string, string>;
}

export interface Replica {
  readonly process: RunningProcess;
  /** The Events API URL of this replica. */
  readonly eventsUrl: string;
}

/** Starts one replica and resolves once Slack is listening and the digest has started. */
export async function startReplica(options: ReplicaOptions): Promise<Replica> {
  const env = await slackHttpEnv({
    DATABASE_URL: options.databaseUrl,
    SLACK_API_URL: options.slackApiUrl,
    HALLWAY_DATA: options.data,
    HALLWAY_DIGEST_TIME: options.digestTime ?? 'off',
    HALLWAY_DIGEST_TIME_ZONE: 'UTC',
    HALLWAY_DIGEST_DAYS: 'every',
    HALLWAY_DIGEST_CATCH_UP_HOURS: '1',
    HALLWAY_DIGEST_SLACK_CHANNELS: options.digestChannel ?? '',
    HALLWAY_DIGEST_LEASE_SECONDS: String(options.leaseSeconds ?? 120),
    ...options.env,
  });
  const process = startProcess('node', ['dist/main.js'], { env });
  await process.waitFor('stderr', /Slack: started/, 30_000);
  return { process, eventsUrl: `http://127.0.0.1:${env.SLACK_PORT}/slack/events` };
}

/** Waits until `check` gives a value, polling; rejects naming `what` after `timeoutMs`. */
export async function eventually<T>(
  check: () => T | undefined | false | Promise<T | undefined | false>,
  what: string,
  timeoutMs = 15_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
