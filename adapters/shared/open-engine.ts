// Opens the data an entry point was pointed at (a config file, paths and URLs, or the embedded default).
import { join } from 'node:path';
import { readConferencesFile } from '../conferences/conferences-config.ts';
import { LiveData, type OpenResult } from '../sources/live-data.ts';
import { loadConferenceConfig } from '../sources/load-config.ts';
import { type FeedLimits, type SourceSpec, specsFromEntries } from '../sources/source-spec.ts';
import type { Logger } from './logger.ts';
import { DEFAULT_CACHE_DIR, DEFAULT_DATASET } from './paths.ts';

export interface OpenDataOptions {
  /** Dataset paths or http(s) URLs; the embedded default when empty and there is no config file. */
  readonly entries?: readonly string[];
  /** A conference config file listing the sources (or a conferences file); it takes the place of `entries`. */
  readonly configFile?: string;
  /** Which conference of a conferences file; its default when absent. */
  readonly conference?: string;
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
  let cacheDir = options.cacheDir ?? DEFAULT_CACHE_DIR;
  const many = options.configFile === undefined ? undefined : readConferencesFile(options.configFile);
  if (options.conference !== undefined && many === undefined) {
    return { ok: false, problems: ['--conference needs --config with a file that lists conferences'] };
  }
  if (many !== undefined) {
    if (!many.ok) return { ok: false, problems: many.problems };
    const id = options.conference ?? many.config.defaultId;
    const entry = many.config.conferences.find((conference) => conference.id === id);
    if (entry === undefined) {
      const ids = many.config.conferences.map((conference) => conference.id).join(', ');
      return { ok: false, problems: [`${options.configFile}: no conference "${id}" (it lists ${ids})`] };
    }
    specs = [...entry.specs];
    limits = entry.limits;
    // The same folder `npm start` keeps this conference's fetched copies in.
    cacheDir = join(cacheDir, entry.id);
  } else if (options.configFile !== undefined) {
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
    cacheDir,
    logger: options.logger,
    now: Date.now,
    ...limits,
    ...(fixedNow === undefined ? {} : { engineClock: () => fixedNow }),
    ...(options.timeZone === undefined ? {} : { timeZone: options.timeZone }),
  });
}
