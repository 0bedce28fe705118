// The dataset's shape: zod schemas for every record type, with the TypeScript types inferred from them.
import { z } from 'zod';

/** Record ids: lower-case slugs, so they read well in data files and URLs. */
export const IdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._:-]*$/, 'must be a lower-case slug such as "jorge-castro" (a-z, 0-9, . _ : -)');

const NonEmpty = z.string().trim().min(1, 'must not be empty');

/** A calendar date, `YYYY-MM-DD`. */
export const IsoDateSchema = z.iso.date({ message: 'must be a date such as 2026-03-26' });

/** An instant with an explicit offset, so it never depends on the reader's zone. */
export const IsoInstantSchema = z.iso.datetime({
  offset: true,
  local: false,
  message: 'must be an ISO 8601 time with an offset, such as 2026-03-26T09:00:00+01:00',
});

const TimeZoneSchema = z
  .string()
  .refine(isKnownTimeZone, 'must be an IANA time zone such as Europe/Amsterdam');

/** Whether the runtime knows the IANA zone name. */
export function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const SourceIdsSchema = z.array(IdSchema).min(1, 'every record names at least one source');

export const SOURCE_KINDS = ['article', 'schedule', 'vendor', 'import', 'curated'] as const;

/** Where facts come from: an article, an official schedule, a vendor's page, an imported file. */
export const SourceSchema = z.strictObject({
  id: IdSchema,
  title: NonEmpty,
  kind: z.enum(SOURCE_KINDS),
  url: z.url().optional(),
  publisher: NonEmpty.optional(),
  retrieved: IsoDateSchema.optional(),
  note: NonEmpty.optional(),
});

export const ConferenceSchema = z.strictObject({
  id: IdSchema,
  name: NonEmpty,
  shortName: NonEmpty.optional(),
  /** Optional because some exports (frab JSON, a bare exhibitor list) do not say. */
  city: NonEmpty.optional(),
  country: NonEmpty.optional(),
  venue: NonEmpty.optional(),
  timeZone: TimeZoneSchema,
  startDate: IsoDateSchema,
  endDate: IsoDateSchema,
  url: z.url(),
  description: NonEmpty.optional(),
  sources: SourceIdsSchema,
});

export const SESSION_KINDS = [
  'keynote',
  'sponsored-keynote',
  'talk',
  'panel',
  'demo',
  'lightning-talk',
  'workshop',
  'tutorial',
  'booth-conversation',
  'meetup',
  'break',
  'other',
] as const;

export const SessionSchema = z.strictObject({
  id: IdSchema,
  title: NonEmpty,
  kind: z.enum(SESSION_KINDS),
  start: IsoInstantSchema.optional(),
  end: IsoInstantSchema.optional(),
  room: NonEmpty.optional(),
  track: NonEmpty.optional(),
  summary: z.string().default(''),
  topics: z.array(NonEmpty).default([]),
  speakers: z.array(IdSchema).default([]),
  organizations: z.array(IdSchema).default([]),
  projects: z.array(IdSchema).default([]),
  /** A session held inside another, such as one demo in a demo showcase. */
  partOf: IdSchema.optional(),
  url: z.url().optional(),
  sources: SourceIdsSchema,
});

export const PersonSchema = z.strictObject({
  id: IdSchema,
  name: NonEmpty,
  aliases: z.array(NonEmpty).default([]),
  role: NonEmpty.optional(),
  organization: IdSchema.optional(),
  bio: z.string().default(''),
  sources: SourceIdsSchema,
});

export const ORGANIZATION_KINDS = [
  'vendor',
  'sponsor',
  'exhibitor',
  'end-user',
  'foundation',
  'community',
  'academic',
  'government',
  'fictional',
  'other',
] as const;

export const OrganizationSchema = z.strictObject({
  id: IdSchema,
  name: NonEmpty,
  aliases: z.array(NonEmpty).default([]),
  kind: z.enum(ORGANIZATION_KINDS),
  description: z.string().default(''),
  url: z.url().optional(),
  booths: z.array(NonEmpty).default([]),
  tier: NonEmpty.optional(),
  sources: SourceIdsSchema,
});

export const AnnouncementSchema = z.strictObject({
  id: IdSchema,
  organization: IdSchema,
  title: NonEmpty,
  summary: z.string().default(''),
  partners: z.array(IdSchema).default([]),
  products: z.array(NonEmpty).default([]),
  /** Omitted when the source does not say which day it was made. */
  date: IsoDateSchema.optional(),
  sources: SourceIdsSchema,
});

export const PROJECT_KINDS = ['cncf', 'open-source', 'product', 'fictional'] as const;
export const PROJECT_MATURITIES = ['sandbox', 'incubating', 'graduated', 'archived'] as const;

/** A CNCF or other open-source project, or a vendor's product. */
export const ProjectSchema = z.strictObject({
  id: IdSchema,
  name: NonEmpty,
  aliases: z.array(NonEmpty).default([]),
  kind: z.enum(PROJECT_KINDS),
  maturity: z.enum(PROJECT_MATURITIES).optional(),
  organization: IdSchema.optional(),
  description: NonEmpty,
  url: z.url().optional(),
  sources: SourceIdsSchema,
});

/** A glossary entry for jargon that is neither a project nor an organisation ("narrow waist", "DPU"). */
export const TermSchema = z.strictObject({
  id: IdSchema,
  term: NonEmpty,
  aliases: z.array(NonEmpty).default([]),
  definition: NonEmpty,
  sources: SourceIdsSchema,
});

/** A whole dataset, as one object (the directory layout holds the same keys, one file each). */
export const DatasetSchema = z.strictObject({
  conference: ConferenceSchema,
  sources: z.array(SourceSchema).default([]),
  sessions: z.array(SessionSchema).default([]),
  people: z.array(PersonSchema).default([]),
  organizations: z.array(OrganizationSchema).default([]),
  announcements: z.array(AnnouncementSchema).default([]),
  projects: z.array(ProjectSchema).default([]),
  terms: z.array(TermSchema).default([]),
});

export type Source = z.infer<typeof SourceSchema>;
export type Conference = z.infer<typeof ConferenceSchema>;
export type SessionKind = (typeof SESSION_KINDS)[number];
export type Session = z.infer<typeof SessionSchema>;
export type Person = z.infer<typeof PersonSchema>;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];
export type Organization = z.infer<typeof OrganizationSchema>;
export type Announcement = z.infer<typeof AnnouncementSchema>;
export type ProjectKind = (typeof PROJECT_KINDS)[number];
export type Project = z.infer<typeof ProjectSchema>;
export type Term = z.infer<typeof TermSchema>;
export type Dataset = z.infer<typeof DatasetSchema>;

/** The keys of a dataset that hold arrays of records, one file each in the directory layout. */
export const RECORD_COLLECTIONS = [
  'sources',
  'sessions',
  'people',
  'organizations',
  'announcements',
  'projects',
  'terms',
] as const;
export type RecordCollection = (typeof RECORD_COLLECTIONS)[number];

/** The schema of one record in each collection. */
export const RecordSchemas = {
  sources: SourceSchema,
  sessions: SessionSchema,
  people: PersonSchema,
  organizations: OrganizationSchema,
  announcements: AnnouncementSchema,
  projects: ProjectSchema,
  terms: TermSchema,
} as const;
