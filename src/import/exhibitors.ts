// Imports an exhibitor, sponsor or vendor list (JSON array, JSON object holding one, or CSV) as organisations.
import { parse as parseCsv } from 'csv-parse/sync';
import type { Dataset } from '../model/schema.ts';
import { DatasetBuilder, slugify } from './dataset-builder.ts';
import type { ImportOptions } from './import-options.ts';
import { cleanText } from './plain-text.ts';

type Row = Record<string, unknown>;

/** Column names people use for each field, compared without case, spaces, dashes or underscores. */
const SYNONYMS = {
  name: [
    'name',
    'company',
    'companyname',
    'exhibitor',
    'exhibitorname',
    'organization',
    'organisation',
    'org',
    'sponsor',
    'sponsorname',
    'vendor',
    'vendorname',
    'displayname',
    'title',
  ],
  description: [
    'description',
    'about',
    'summary',
    'blurb',
    'bio',
    'profile',
    'details',
    'desc',
    'companydescription',
    'overview',
  ],
  booths: [
    'booths',
    'booth',
    'boothnumber',
    'boothnumbers',
    'stand',
    'stands',
    'standnumber',
    'location',
    'locations',
    'table',
  ],
  tier: [
    'tier',
    'level',
    'sponsorship',
    'sponsorlevel',
    'sponsorshiplevel',
    'recognitionlevel',
    'sponsortier',
    'package',
  ],
  categories: ['categories', 'category', 'type', 'types', 'expotype', 'tags', 'segment'],
  url: ['url', 'website', 'web', 'homepage', 'link', 'site', 'www', 'websiteurl'],
  id: ['id', 'exhibitorid', 'recordid', 'uuid', 'guid'],
} as const;

type Field = keyof typeof SYNONYMS;

function squash(key: string): string {
  return key.toLowerCase().replace(/[\s_\-.]+/g, '');
}

/** All values of a row (and of objects nested one level down) under any synonym of `field`. */
function valuesOf(row: Row, field: Field): string[] {
  const wanted = new Set<string>(SYNONYMS[field]);
  const found: string[] = [];
  const visit = (object: Row, depth: number): void => {
    for (const [key, value] of Object.entries(object)) {
      if (wanted.has(squash(key))) found.push(...flatten(value));
      else if (depth === 0 && value !== null && typeof value === 'object' && !Array.isArray(value))
        visit(value as Row, 1);
    }
  };
  visit(row, 0);
  return found.map((value) => value.trim()).filter((value) => value.length > 0);
}

function flatten(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'number') return [String(value)];
  if (Array.isArray(value)) return value.flatMap(flatten);
  return [];
}

/** The array of records in a JSON exhibitor list: the value itself, or the largest array of objects inside it. */
export function exhibitorRows(json: unknown): Row[] | undefined {
  const isRows = (value: unknown): value is Row[] =>
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((item) => item !== null && typeof item === 'object');
  if (isRows(json)) return json;
  if (json === null || typeof json !== 'object') return undefined;
  const candidates = Object.values(json as Row).filter(isRows);
  candidates.sort((a, b) => b.length - a.length);
  const rows = candidates[0];
  return rows?.some((row) => valuesOf(row, 'name').length > 0) ? rows : undefined;
}

export function importExhibitorJson(json: unknown, options: ImportOptions): Dataset {
  const rows = exhibitorRows(json);
  if (rows === undefined)
    throw new Error('no list of exhibitors found: expected an array of objects with a name');
  const meta = json !== null && typeof json === 'object' && !Array.isArray(json) ? (json as Row) : {};
  return buildExhibitors(rows, options, snapshotDate(meta));
}

export function importExhibitorCsv(csv: string, options: ImportOptions): Dataset {
  const rows = parseCsv(csv, {
    columns: true,
    skip_empty_lines: true,
    trim: true,
    bom: true,
    relax_column_count: true,
  }) as Row[];
  return buildExhibitors(rows, options, undefined);
}

function buildExhibitors(rows: readonly Row[], options: ImportOptions, date: string | undefined): Dataset {
  const prefix = options.idPrefix ?? slugify(options.label.replace(/\.[a-z]+$/i, ''));
  const builder = new DatasetBuilder(prefix, {
    id: `${prefix}-exhibitors`,
    title: `Exhibitor and sponsor list (${options.label})`,
    kind: 'vendor',
    ...(options.url === undefined ? {} : { url: options.url }),
  });
  for (const row of rows) {
    const name = valuesOf(row, 'name')[0];
    if (name === undefined) continue;
    const categories = valuesOf(row, 'categories');
    const tier = valuesOf(row, 'tier')[0] ?? categories.find((category) => /sponsor/i.test(category));
    const url = valuesOf(row, 'url').find((value) => /^https?:\/\//.test(value));
    const booths = valuesOf(row, 'booths')
      .flatMap((value) => value.split(/\s*[;,|/]\s*/))
      .filter((b) => b.length > 0);
    const sponsor = [tier ?? '', ...categories].some((label) => /sponsor/i.test(label));
    const key = valuesOf(row, 'id')[0] ?? name;
    builder.addOrganization(key, name, {
      kind: sponsor ? 'sponsor' : 'exhibitor',
      description: cleanText(valuesOf(row, 'description')[0] ?? ''),
      booths: [...new Set(booths)],
      ...(tier === undefined ? {} : { tier }),
      ...(url === undefined ? {} : { url }),
    });
  }
  return builder.build({
    id: prefix,
    name: options.label,
    timeZone: options.timeZone ?? 'UTC',
    ...(date === undefined ? {} : { startDate: date, endDate: date }),
  });
}

/** A date the file states about itself (`snapshot_taken_at`, `updated`, …), as `YYYY-MM-DD`. */
function snapshotDate(meta: Row): string | undefined {
  const text = JSON.stringify(meta).slice(0, 2000);
  return text.match(
    /"(?:snapshot_taken_at|taken_at|updated|generated|date)"\s*:\s*"(\d{4}-\d{2}-\d{2})/,
  )?.[1];
}
