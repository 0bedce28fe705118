// `npm start` with a conferences file: the registry over every conference, the default one opened at start
// (a start that cannot read it is refused, as with one conference), the others on first use.
import { join } from 'node:path';
import type { Logger } from '../shared/logger.ts';
import { LiveData } from '../sources/live-data.ts';
import { ConferenceLoadError, ConferenceRegistry } from './conference-registry.ts';
import type { ConferencesConfig } from './conferences-config.ts';

export interface OpenConferencesOptions {
  readonly config: ConferencesConfig;
  readonly logger: Logger;
  /** Each conference keeps its fetched copies and change reports in a folder of its own under this one. */
  readonly cacheDir: string;
  readonly fixedNow?: number;
  readonly timeZone?: string;
  /** Told of each conference once opened; its refresh timers are started after this. */
  readonly onLoad?: (id: string, live: LiveData) => void;
}

export type OpenConferencesResult =
  | { ok: true; registry: ConferenceRegistry; defaultLive: LiveData }
  | { ok: false; problems: string[] };

export async function openConferences(options: OpenConferencesOptions): Promise<OpenConferencesResult> {
  const { fixedNow, timeZone } = options;
  const registry = new ConferenceRegistry({
    config: options.config,
    logger: options.logger,
    open: (entry) =>
      LiveData.open({
        specs: entry.specs,
        cacheDir: join(options.cacheDir, entry.id),
        logger: options.logger.child({ conference: entry.id }),
        now: Date.now,
        ...entry.limits,
        ...(fixedNow === undefined ? {} : { engineClock: () => fixedNow }),
        ...(timeZone === undefined ? {} : { timeZone }),
      }),
    onLoad: (id, live) => {
      options.onLoad?.(id, live);
      live.start();
    },
  });
  try {
    const defaultLive = await registry.live(registry.defaultId);
    return { ok: true, registry, defaultLive };
  } catch (error) {
    if (error instanceof ConferenceLoadError) {
      return { ok: false, problems: [`${error.conferenceId} (the default conference):`, ...error.problems] };
    }
    throw error;
  }
}
