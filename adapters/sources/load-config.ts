// Reads a conference config file: the list of sources to merge, checked with zod.
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import {
  ConferenceConfigSchema,
  type FeedLimits,
  feedLimitsFromConfig,
  type SourceSpec,
  specsFromConfig,
} from './source-spec.ts';

export type ConfigResult =
  | { ok: true; specs: SourceSpec[]; limits: FeedLimits }
  | { ok: false; problems: string[] };

/** Paths in the file are relative to the file itself, so a config can sit beside its data. */
export function loadConferenceConfig(file: string): ConfigResult {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return { ok: false, problems: [`${file}: ${(error as Error).message}`] };
  }
  const parsed = ConferenceConfigSchema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => `${file}: ${issue.path.join('.')}: ${issue.message}`),
    };
  }
  const base = dirname(file);
  const specs = specsFromConfig(parsed.data).map((spec) =>
    spec.kind === 'path' && !isAbsolute(spec.path) ? { ...spec, path: resolve(base, spec.path) } : spec,
  );
  return { ok: true, specs, limits: feedLimitsFromConfig(parsed.data) };
}
