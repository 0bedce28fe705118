// Opens the data an entry point was pointed at (a config file, paths and URLs, or the embedded default).
import { LiveData, type OpenResult } from '../sources/live-data.ts';
import { loadConferenceConfig } from '../sources/load-config.ts';
import { type FeedLimits, type SourceSpec, specsFromEntries } from '../sources/source-spec.ts';
import type { Logger } from './logger.ts';
import { DEFAULT_CACHE_DIR, DEFAULT_DATASET } from './paths.ts';

export interface OpenDataOptions {
  /** Dataset paths or http(s) URLs; the embedded default when empty and there is no config file. */
  readonly entries?: readonly string[];
  /** A conference config file listing the sources; it takes the place of `entries`. */
  readonly configFile?: string;
  readonly logger: Logger;
  /** A fixed "now" for the engine (demos, tests); the real clock otherwise. */
  readonly fixedNow?: number;
  readonly cacheDir?: string;
  readonly refreshMinutes?: number;
  readonly timeZone?: string;
}

export async function openData(options: OpenDataOptions): Promise<OpenResult> {
  let specs: SourceSpec[];
  let limits: FeedLimits = {};
  if (options.configFile !== undefined) {
    const config = loadConferenceConfig(options.configFile);
    if (!config.ok) return { ok: false, problems: config.problems };
    specs = config.specs;
    limits = config.limits;
  } else {
    const entries = options.entries ?? [];
    specs = specsFromEntries(entries.length > 0 ? entries : [DEFAULT_DATASET], options.refreshMinutes);
  }
  const fixedNow = options.fixedNow;
  return LiveData.open({
    specs,
    cacheDir: options.cacheDir ?? DEFAULT_CACHE_DIR,
    logger: options.logger,
    now: Date.now,
    ...limits,
    ...(fixedNow === undefined ? {} : { engineClock: () => fixedNow }),
    ...(options.timeZone === undefined ? {} : { timeZone: options.timeZone }),
  });
}
