// Reads a conferences file: several conferences, each with an id, a name and its sources, served by one Hallway.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { besideFile, configProblems } from '../sources/load-config.ts';
import {
  ConferenceConfigSchema,
  type FeedLimits,
  feedLimitsFromConfig,
  type SourceSpec,
  specsFromConfig,
} from '../sources/source-spec.ts';

/** How an admin names a conference in `/hallway use ID`: lower-case letters, digits and dashes. */
export const CONFERENCE_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** Conferences held in memory at once unless the file says otherwise: the default and two more. */
export const DEFAULT_MAX_LOADED = 3;

/** One conference: the sources format of a single-conference config file, with an id and a name. */
const ConferenceEntrySchema = ConferenceConfigSchema.extend({
  id: z.string().regex(CONFERENCE_ID, 'must be lower-case letters, digits and dashes, such as fosdem-2026'),
  name: z.string().trim().min(1, 'must name the conference'),
});

/** The whole file: the conferences, which one unbound channels use, and how many stay in memory. */
export const ConferencesFileSchema = z
  .strictObject({
    conferences: z.array(ConferenceEntrySchema).min(1, 'list at least one conference'),
    /** The id unbound channels use; the first conference when absent. */
    default: z.string().optional(),
    /** The most conferences held in memory at once (least recently used leave first); at least 2. */
    maxLoaded: z
      .number()
      .int('must be a whole number of conferences')
      .min(2, 'must be at least 2 (the default conference and one more)')
      .max(100, 'must be at most 100')
      .optional(),
  })
  .superRefine((file, context) => {
    const seen = new Set<string>();
    file.conferences.forEach((conference, index) => {
      if (seen.has(conference.id))
        context.addIssue({
          code: 'custom',
          path: ['conferences', index, 'id'],
          message: `${conference.id} is listed twice`,
        });
      seen.add(conference.id);
    });
    if (file.default !== undefined && !seen.has(file.default))
      context.addIssue({
        code: 'custom',
        path: ['default'],
        message: `${file.default} is not one of the conferences (${[...seen].join(', ')})`,
      });
  });

/** One conference as the registry opens it. */
export interface ConferenceEntry {
  readonly id: string;
  readonly name: string;
  readonly specs: readonly SourceSpec[];
  readonly limits: FeedLimits;
  /** The zone the file gives, so digests can be timed without loading the data. */
  readonly timeZone?: string;
}

export interface ConferencesConfig {
  readonly conferences: readonly ConferenceEntry[];
  readonly defaultId: string;
  readonly maxLoaded: number;
}

export type ConferencesConfigResult =
  | { ok: true; config: ConferencesConfig }
  | { ok: false; problems: string[] };

/** Whether a parsed config file lists conferences (this format) rather than one conference's sources. */
export function isConferencesFile(json: unknown): boolean {
  return typeof json === 'object' && json !== null && 'conferences' in json;
}

/**
 * The conferences file at `file`, checked; undefined when the file is a single conference's sources config (or
 * cannot be read as JSON: the single-conference loader then reports it as before).
 */
export function readConferencesFile(file: string): ConferencesConfigResult | undefined {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
  return isConferencesFile(json) ? parseConferencesConfig(json, file) : undefined;
}

/** Checks an already parsed file; `file` names it in problems and anchors relative paths. */
export function parseConferencesConfig(json: unknown, file: string): ConferencesConfigResult {
  const parsed = ConferencesFileSchema.safeParse(json);
  if (!parsed.success) return { ok: false, problems: configProblems(file, parsed.error) };
  const conferences = parsed.data.conferences.map(
    (entry): ConferenceEntry => ({
      id: entry.id,
      name: entry.name,
      specs: besideFile(file, specsFromConfig(entry)),
      limits: feedLimitsFromConfig(entry),
      ...(entry.timeZone === undefined ? {} : { timeZone: entry.timeZone }),
    }),
  );
  const first = conferences[0]?.id ?? '';
  return {
    ok: true,
    config: {
      conferences,
      defaultId: parsed.data.default ?? first,
      maxLoaded: parsed.data.maxLoaded ?? DEFAULT_MAX_LOADED,
    },
  };
}
