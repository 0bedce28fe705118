// Where data comes from: local paths, and http(s) URLs refreshed on an interval.
import { z } from 'zod';
import { isKnownTimeZone, redactUrl } from '../../src/index.ts';

export type SourceSpec =
  | { readonly kind: 'path'; readonly path: string; readonly timeZone?: string }
  | {
      readonly kind: 'url';
      readonly url: string;
      /** How often to fetch it again; 0 never. */
      readonly refreshMs: number;
      readonly timeZone?: string;
    };

/** Default refresh for URL sources: often enough to catch a room change before people walk to it. */
export const DEFAULT_REFRESH_MINUTES = 15;

/** Turns `--data`/HALLWAY_DATA entries into specs: anything starting with http(s):// is a URL. */
export function specsFromEntries(
  entries: readonly string[],
  refreshMinutes = DEFAULT_REFRESH_MINUTES,
): SourceSpec[] {
  return entries.map((entry) =>
    /^https?:\/\//i.test(entry)
      ? { kind: 'url', url: entry, refreshMs: Math.round(refreshMinutes * 60_000) }
      : { kind: 'path', path: entry },
  );
}

/** An IANA zone the runtime knows; a typo would otherwise shift every time it reads. */
const ZoneSchema = z
  .string()
  .refine(isKnownTimeZone, 'must be an IANA time zone such as Europe/London')
  .optional();

const SourceEntrySchema = z.union([
  z.strictObject({ path: z.string().min(1), timeZone: ZoneSchema }),
  z.strictObject({
    url: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }),
    refreshMinutes: z
      .number()
      .min(0)
      .max(24 * 60)
      .optional(),
    timeZone: ZoneSchema,
  }),
]);

/** A conference config file: the sources to merge, in precedence order (curated data first). */
export const ConferenceConfigSchema = z.strictObject({
  sources: z.array(SourceEntrySchema).min(1, 'list at least one source'),
  /** The IANA zone for sources that do not state one (Sched exports are in UTC; Sessionize needs it). */
  timeZone: ZoneSchema,
  /** The largest body a URL source may send, in bytes; a larger download is abandoned. */
  maxFeedBytes: z
    .number()
    .int('must be a whole number of bytes')
    .min(1024, 'must be at least 1024 bytes')
    .max(1024 * 1024 * 1024, 'must be at most 1073741824 bytes (1 GiB)')
    .optional(),
  /** Refreshes in a row that must show a source that lost most of its programme before it is taken. */
  confirmShrinkAfter: z
    .number()
    .int('must be a whole number of refreshes')
    .min(1, 'must be 1 (take at once) or more')
    .max(100, 'must be at most 100')
    .optional(),
});

/** How URL sources are guarded, from the config file; LiveData's defaults where it says nothing. */
export interface FeedLimits {
  readonly maxFeedBytes?: number;
  readonly confirmShrinkAfter?: number;
}

export function feedLimitsFromConfig(config: ConferenceConfig): FeedLimits {
  return {
    ...(config.maxFeedBytes === undefined ? {} : { maxFeedBytes: config.maxFeedBytes }),
    ...(config.confirmShrinkAfter === undefined ? {} : { confirmShrinkAfter: config.confirmShrinkAfter }),
  };
}

export type ConferenceConfig = z.infer<typeof ConferenceConfigSchema>;

export function specsFromConfig(config: ConferenceConfig): SourceSpec[] {
  return config.sources.map((entry) => {
    const timeZone = entry.timeZone ?? config.timeZone;
    const zone = timeZone === undefined ? {} : { timeZone };
    if ('url' in entry) {
      const minutes = entry.refreshMinutes ?? DEFAULT_REFRESH_MINUTES;
      return { kind: 'url', url: entry.url, refreshMs: Math.round(minutes * 60_000), ...zone };
    }
    return { kind: 'path', path: entry.path, ...zone };
  });
}

/** A short name for logs and stats: a URL without its credentials or query (a private feed's key). */
export function specLabel(spec: SourceSpec): string {
  return spec.kind === 'path' ? spec.path : redactUrl(spec.url);
}
