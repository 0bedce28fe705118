// Reads a conference config file: the list of sources to merge, checked with zod.
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import type { z } from 'zod';
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
  if (!parsed.success) return { ok: false, problems: configProblems(file, parsed.error) };
  const specs = besideFile(file, specsFromConfig(parsed.data));
  return { ok: true, specs, limits: feedLimitsFromConfig(parsed.data) };
}

/** One line per problem in a config file: `file: field.path: what is wrong`. */
export function configProblems(file: string, error: z.ZodError): string[] {
  return error.issues.map((issue) => `${file}: ${issue.path.join('.')}: ${issue.message}`);
}

/** Makes relative paths relative to the config file, so a config can sit beside its data. */
export function besideFile(file: string, specs: readonly SourceSpec[]): SourceSpec[] {
  const base = dirname(file);
  return specs.map((spec) =>
    spec.kind === 'path' && !isAbsolute(spec.path) ? { ...spec, path: resolve(base, spec.path) } : spec,
  );
}
