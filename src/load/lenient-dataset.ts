// Salvages what the cross-reference and date checks need from a dataset that fails its schema, so `validate`
// reports schema, reference and date problems in one pass instead of one layer per run.
import { z } from 'zod';
import {
  ConferenceSchema,
  type Dataset,
  IsoInstantSchema,
  isKnownTimeZone,
  RECORD_COLLECTIONS,
  RecordSchemas,
} from '../model/schema.ts';

const Strings = z
  .array(z.unknown())
  .catch([])
  .transform((items) => items.filter((item): item is string => typeof item === 'string'));
const OptionalString = z.string().optional().catch(undefined);
const OptionalInstant = IsoInstantSchema.optional().catch(undefined);

/** The fields the checks read, each kept when it has the right type and dropped otherwise. */
const SalvagedRecord = z.looseObject({
  id: z.string().catch(''),
  speakers: Strings,
  organizations: Strings,
  projects: Strings,
  partners: Strings,
  sources: Strings,
  organization: OptionalString,
  partOf: OptionalString,
  start: OptionalInstant,
  end: OptionalInstant,
});

/**
 * The raw value as a dataset: records that pass their schema as parsed, the others reduced to their usable
 * references and times. With no valid conference block the date checks are skipped (an open-ended window).
 */
export function lenientDataset(raw: unknown): Dataset {
  const root = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const dataset: Record<string, unknown> = { conference: lenientConference(root.conference) };
  for (const collection of RECORD_COLLECTIONS) {
    const items = Array.isArray(root[collection]) ? (root[collection] as unknown[]) : [];
    const schema: z.ZodType<unknown> = RecordSchemas[collection];
    dataset[collection] = items.map((item, index) => {
      const parsed = schema.safeParse(item);
      if (parsed.success) return parsed.data;
      const salvaged = SalvagedRecord.parse(item !== null && typeof item === 'object' ? item : {});
      // A record without a usable id must not look like a duplicate of another one.
      return { ...salvaged, id: salvaged.id.length > 0 ? salvaged.id : `\u0000record-${index}` };
    });
  }
  return dataset as unknown as Dataset;
}

function lenientConference(raw: unknown): Dataset['conference'] {
  const parsed = ConferenceSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const salvaged = SalvagedRecord.parse(raw !== null && typeof raw === 'object' ? raw : {});
  const dates = z
    .object({ timeZone: z.string(), startDate: z.iso.date(), endDate: z.iso.date() })
    .safeParse(raw);
  return {
    id: salvaged.id,
    name: '',
    url: 'https://example.invalid/',
    sources: salvaged.sources,
    ...(dates.success && isKnownTimeZone(dates.data.timeZone)
      ? dates.data
      : { timeZone: 'UTC', startDate: '0001-01-01', endDate: '9999-12-31' }),
  };
}
