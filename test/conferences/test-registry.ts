// A conference registry over a conferences file given as JSON, each conference read from its paths by LiveData.
import { join } from 'node:path';
import { ConferenceRegistry } from '../../adapters/conferences/conference-registry.ts';
import { parseConferencesConfig } from '../../adapters/conferences/conferences-config.ts';
import type { Logger } from '../../adapters/shared/logger.ts';
import { LiveData } from '../../adapters/sources/live-data.ts';

/** The registry `npm start` would build from `json` in `folder`; `opened` lists each conference as it is read. */
export function testRegistry(
  json: unknown,
  folder: string,
  logger: Logger,
): { registry: ConferenceRegistry; opened: string[] } {
  const parsed = parseConferencesConfig(json, join(folder, 'conferences.json'));
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  const opened: string[] = [];
  const registry = new ConferenceRegistry({
    config: parsed.config,
    logger,
    open: (entry) => {
      opened.push(entry.id);
      return LiveData.open({ specs: entry.specs, cacheDir: join(folder, entry.id), logger, now: Date.now });
    },
  });
  return { registry, opened };
}
