// The environment every entry point shares, checked with zod; each chat adapter checks its own variables too.
import { z } from 'zod';
import { envNumber } from './env-number.ts';

/** Where the operations endpoints listen unless HALLWAY_HTTP_HOST says otherwise: every interface (containers). */
export const DEFAULT_HTTP_HOST = '0.0.0.0';

/** Unset, empty and blank all mean "not set". */
const blankAsUnset = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

const CoreEnvSchema = z.object({
  HALLWAY_DATA: z
    .string()
    .optional()
    .transform((value) =>
      (value ?? '')
        .split(',')
        .map((path) => path.trim())
        .filter((path) => path.length > 0),
    ),
  HALLWAY_CONFIG: z.string().optional(),
  HALLWAY_REFRESH_MINUTES: envNumber({
    kind: 'integer',
    message: 'must be a whole number of minutes',
    min: [0, 'must be 0 (never) or more'],
    max: [1440, 'must be at most 1440 (a day)'],
    fallback: 15,
  }),
  HALLWAY_CACHE_DIR: z.string().optional(),
  HALLWAY_TIME_ZONE: z
    .string()
    .optional()
    .refine(
      (zone) =>
        zone === undefined ||
        zone === '' ||
        Intl.supportedValuesOf('timeZone').includes(zone) ||
        zone === 'UTC',
      {
        message: 'must be an IANA time zone such as Europe/Amsterdam',
      },
    ),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HALLWAY_NOW: z
    .string()
    .optional()
    .refine((value) => value === undefined || value === '' || !Number.isNaN(Date.parse(value)), {
      message: 'must be an ISO 8601 time such as 2026-03-26T09:30:00+01:00',
    }),
  HALLWAY_HTTP_PORT: envNumber({
    kind: 'integer',
    message: 'must be a port number such as 8080',
    wholeMessage: 'must be a whole port number such as 8080',
    min: [0, 'must be a port number from 1 to 65535 (or 0 for any free port)'],
    max: [65535, 'must be a port number from 1 to 65535 (or 0 for any free port)'],
  }),
  HALLWAY_HTTP_HOST: z.preprocess(blankAsUnset, z.string().trim().default(DEFAULT_HTTP_HOST)),
});

export interface CoreEnv {
  /** Dataset paths and http(s) URLs; empty means the embedded default. */
  readonly dataPaths: readonly string[];
  /** A conference config file listing the sources, instead of HALLWAY_DATA. */
  readonly configFile?: string;
  readonly refreshMinutes: number;
  readonly cacheDir?: string;
  readonly timeZone?: string;
  /** A fixed "now", for demos and replays; undefined means the real clock. */
  readonly fixedNow?: number;
  readonly logLevel: string;
  /** Where `/healthz` and `/metrics` are served; undefined when HALLWAY_HTTP_PORT is unset. */
  readonly http?: HttpEnv;
}

export interface HttpEnv {
  /** 0 means any free port (the log says which). */
  readonly port: number;
  readonly host: string;
}

export type EnvResult<T> = { ok: true; value: T } | { ok: false; problems: string[] };

/** Reads the variables the core needs. Problems name the variable and what would be right. */
export function readCoreEnv(env: Readonly<Record<string, string | undefined>>): EnvResult<CoreEnv> {
  const parsed = CoreEnvSchema.safeParse(env);
  if (!parsed.success) return { ok: false, problems: envProblems(parsed.error) };
  const {
    HALLWAY_DATA,
    HALLWAY_NOW,
    LOG_LEVEL,
    HALLWAY_CONFIG,
    HALLWAY_REFRESH_MINUTES,
    HALLWAY_CACHE_DIR,
    HALLWAY_TIME_ZONE,
    HALLWAY_HTTP_PORT,
    HALLWAY_HTTP_HOST,
  } = parsed.data;
  const slackPort = env.SLACK_PORT?.trim();
  if (HALLWAY_HTTP_PORT !== undefined && HALLWAY_HTTP_PORT !== 0 && slackPort === String(HALLWAY_HTTP_PORT)) {
    return {
      ok: false,
      problems: [
        `HALLWAY_HTTP_PORT: must differ from SLACK_PORT (both are ${slackPort}); Slack's HTTP mode listens there`,
      ],
    };
  }
  return {
    ok: true,
    value: {
      dataPaths: HALLWAY_DATA,
      refreshMinutes: HALLWAY_REFRESH_MINUTES,
      ...(HALLWAY_CONFIG === undefined || HALLWAY_CONFIG === '' ? {} : { configFile: HALLWAY_CONFIG }),
      ...(HALLWAY_CACHE_DIR === undefined || HALLWAY_CACHE_DIR === '' ? {} : { cacheDir: HALLWAY_CACHE_DIR }),
      ...(HALLWAY_TIME_ZONE === undefined || HALLWAY_TIME_ZONE === '' ? {} : { timeZone: HALLWAY_TIME_ZONE }),
      logLevel: LOG_LEVEL,
      ...(HALLWAY_NOW === undefined || HALLWAY_NOW === '' ? {} : { fixedNow: Date.parse(HALLWAY_NOW) }),
      ...(HALLWAY_HTTP_PORT === undefined
        ? {}
        : { http: { port: HALLWAY_HTTP_PORT, host: HALLWAY_HTTP_HOST } }),
    },
  };
}

/** One line per problem: `NAME: what is wrong`. */
export function envProblems(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join('.') || '(environment)'}: ${issue.message}`);
}
