// The digest's environment, checked with zod: where the state lives (the SQLite file, or DATABASE_URL), when digests go out, which days, how late
// they may catch up, and the channels that get them without a subscription.
import { z } from 'zod';
import { type EnvResult, envProblems } from '../shared/env.ts';
import { envNumber } from '../shared/env-number.ts';
import { type DigestChannelsVariable, digestChannelsVariable, PLATFORMS } from '../shared/platforms.ts';
import { isPostgresUrl } from '../store/database-url.ts';
import type { DigestSchedule } from './digest-scheduler.ts';
import type { DigestDays, DigestTime } from './digest-times.ts';

export interface DigestConfig {
  readonly databasePath: string;
  /** A PostgreSQL URL: replicas share it, and the SQLite file is not used. */
  readonly databaseUrl?: string;
  /** How long a digest claim holds off other replicas without progress. */
  readonly leaseMs: number;
  readonly schedule: DigestSchedule;
}

export const DEFAULT_DATABASE_PATH = './var/hallway.db';

const blankAsUnset = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

const clockTime = z
  .string()
  .trim()
  .regex(/^([01]?\d|2[0-3]):[0-5]\d$/, 'must be a time of day such as 08:00, or "off"');

const channelList = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? '')
      .split(/[\s,]+/)
      .map((id) => id.trim())
      .filter((id) => id.length > 0),
  );
/** HALLWAY_DIGEST_SLACK_CHANNELS and its siblings: one channel list per platform in PLATFORMS. */
const channelVariables = Object.fromEntries(
  PLATFORMS.map((platform) => [digestChannelsVariable(platform), channelList]),
) as Record<DigestChannelsVariable, typeof channelList>;

const DigestEnvSchema = z.object({
  HALLWAY_DB_PATH: z.preprocess(blankAsUnset, z.string().default(DEFAULT_DATABASE_PATH)),
  DATABASE_URL: z.preprocess(
    blankAsUnset,
    z
      .string()
      .trim()
      .refine(
        isPostgresUrl,
        'must be a PostgreSQL URL such as postgres://hallway@db:5432/hallway, or unset for SQLite',
      )
      .optional(),
  ),
  HALLWAY_DIGEST_LEASE_SECONDS: envNumber({
    kind: 'integer',
    message: 'must be a whole number of seconds',
    min: [1, 'must be at least 1'],
    max: [3600, 'must be at most 3600'],
    fallback: 120,
  }),
  HALLWAY_DIGEST_TIME: z.preprocess(blankAsUnset, z.union([z.literal('off'), clockTime]).default('08:00')),
  HALLWAY_DIGEST_EVENING_TIME: z.preprocess(blankAsUnset, clockTime.optional()),
  HALLWAY_DIGEST_DAYS: z.preprocess(
    blankAsUnset,
    z
      .string()
      .trim()
      .regex(
        /^(conference|every|\d{4}-\d{2}-\d{2}(\s*,\s*\d{4}-\d{2}-\d{2})*)$/,
        'must be "conference", "every", or dates such as 2026-03-22,2026-03-23',
      )
      .default('conference'),
  ),
  HALLWAY_DIGEST_CATCH_UP_HOURS: envNumber({
    kind: 'decimal',
    message: 'must be a number of hours',
    min: [0, 'must be 0 (never post late) or more'],
    max: [24, 'must be at most 24'],
    fallback: 4,
  }),
  HALLWAY_DIGEST_TIME_ZONE: z.preprocess(
    blankAsUnset,
    z
      .string()
      .refine((zone) => zone === 'UTC' || Intl.supportedValuesOf('timeZone').includes(zone), {
        message: 'must be an IANA time zone such as Europe/Amsterdam',
      })
      .optional(),
  ),
  ...channelVariables,
});

export function readDigestConfig(env: Readonly<Record<string, string | undefined>>): EnvResult<DigestConfig> {
  const parsed = DigestEnvSchema.safeParse(env);
  if (!parsed.success) return { ok: false, problems: envProblems(parsed.error) };
  const value = parsed.data;
  const times: DigestTime[] = [
    ...(value.HALLWAY_DIGEST_TIME === 'off' ? [] : [timeOf('morning', value.HALLWAY_DIGEST_TIME)]),
    ...(value.HALLWAY_DIGEST_EVENING_TIME === undefined
      ? []
      : [timeOf('evening', value.HALLWAY_DIGEST_EVENING_TIME)]),
  ];
  const days: DigestDays =
    value.HALLWAY_DIGEST_DAYS === 'conference' || value.HALLWAY_DIGEST_DAYS === 'every'
      ? { kind: value.HALLWAY_DIGEST_DAYS }
      : { kind: 'dates', dates: value.HALLWAY_DIGEST_DAYS.split(',').map((date) => date.trim()) };
  return {
    ok: true,
    value: {
      databasePath: value.HALLWAY_DB_PATH,
      ...(value.DATABASE_URL === undefined ? {} : { databaseUrl: value.DATABASE_URL }),
      leaseMs: value.HALLWAY_DIGEST_LEASE_SECONDS * 1000,
      schedule: {
        times,
        days,
        catchUpMs: value.HALLWAY_DIGEST_CATCH_UP_HOURS * 60 * 60 * 1000,
        ...(value.HALLWAY_DIGEST_TIME_ZONE === undefined ? {} : { timeZone: value.HALLWAY_DIGEST_TIME_ZONE }),
        defaultChannels: PLATFORMS.flatMap((platform) =>
          value[digestChannelsVariable(platform)].map((channelId) => ({ platform, channelId })),
        ),
      },
    },
  };
}

function timeOf(kind: DigestTime['kind'], text: string): DigestTime {
  const [hour, minute] = text.split(':').map(Number);
  return { kind, hour: hour ?? 0, minute: minute ?? 0 };
}
