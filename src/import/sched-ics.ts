// Imports a Sched iCalendar export (an event's all.ics feed) into a dataset.
import ICAL from 'ical.js';
import type { Dataset } from '../model/schema.ts';
import { DatasetBuilder, slugify, zonedIso } from './dataset-builder.ts';
import type { ImportOptions } from './import-options.ts';
import { cleanText } from './plain-text.ts';
import { collectSpeakerHints, parseSchedSummary } from './sched-speakers.ts';
import { guessSessionKind, prettyLabel } from './session-kind.ts';
import { timeZoneOfCity } from './time-zone-of-city.ts';

type Event = InstanceType<typeof ICAL.Component>;

function text(event: Event, property: string): string {
  const value = event.getFirstPropertyValue(property);
  return value === null || value === undefined ? '' : String(value).trim();
}

function epochMs(event: Event, property: string): number | undefined {
  const value = event.getFirstPropertyValue(property) as { toJSDate?: () => Date } | null;
  const date = value?.toJSDate?.();
  return date === undefined || Number.isNaN(date.getTime()) ? undefined : date.getTime();
}

/** Parses the calendar; throws a readable error when the text is not iCalendar at all. */
export function importSchedIcs(calendarText: string, options: ImportOptions): Dataset {
  const calendar = new ICAL.Component(ICAL.parse(calendarText));
  const events = calendar.getAllSubcomponents('vevent');
  const locations = events.map((event) => text(event, 'location'));
  const suffix = commonLocationSuffix(locations);
  const [city, country] = suffix;
  const name = calendarName(calendar, options.label);
  const timeZone =
    options.timeZone ?? timeZoneOfCity(city) ?? (text(calendar, 'x-wr-timezone') || undefined) ?? 'UTC';
  const firstUrl = events.map((event) => text(event, 'url')).find((url) => url.length > 0);
  const siteUrl = firstUrl === undefined ? undefined : new URL(firstUrl).origin.replace(/^http:/, 'https:');
  const prefix = options.idPrefix ?? slugify(text(calendar, 'x-wr-calname') || name);

  const builder = new DatasetBuilder(prefix, {
    id: `${prefix}-schedule`,
    title: `${name} schedule (${options.label})`,
    kind: 'schedule',
    ...(options.url !== undefined ? { url: options.url } : siteUrl === undefined ? {} : { url: siteUrl }),
  });
  const hints = collectSpeakerHints(events.map((event) => text(event, 'summary')));

  events.forEach((event, index) => {
    const summary = text(event, 'summary');
    const { title, speakers } = parseSchedSummary(summary, hints);
    const start = epochMs(event, 'dtstart');
    const end = epochMs(event, 'dtend');
    const category = text(event, 'categories');
    const room = stripSuffix(locations[index] ?? '', suffix);
    const url = text(event, 'url');
    builder.session(text(event, 'uid') || `event-${index + 1}`, {
      title: title.length > 0 ? title : summary || `Untitled event ${index + 1}`,
      kind: guessSessionKind(title, category),
      ...(start === undefined ? {} : { start: zonedIso(start, timeZone) }),
      ...(start === undefined || end === undefined || end < start ? {} : { end: zonedIso(end, timeZone) }),
      ...(room.length === 0 ? {} : { room }),
      ...(category.length === 0 ? {} : { track: prettyLabel(category) }),
      summary: cleanText(text(event, 'description')),
      topics: [],
      speakers: speakers.map((speaker) =>
        builder.person(speaker.name, {
          ...(speaker.role === undefined ? {} : { role: speaker.role }),
          ...(speaker.company === undefined ? {} : { organization: builder.organization(speaker.company) }),
        }),
      ),
      organizations: [],
      projects: [],
      ...(isUrl(url) ? { url } : {}),
    });
  });

  return builder.build({
    id: prefix,
    name,
    timeZone,
    ...(city === undefined ? {} : { city }),
    ...(country === undefined ? {} : { country }),
    ...(siteUrl === undefined ? {} : { url: siteUrl }),
  });
}

/** "-//Sched.com <Event name>//EN" → "<Event name>". */
function calendarName(calendar: Event, fallback: string): string {
  const product = text(calendar, 'prodid')
    .split('//')[1]
    ?.replace(/^Sched\.com\s+/i, '')
    .trim();
  return product || text(calendar, 'x-wr-calname') || fallback;
}

/** The ", City, Country" tail that nearly every LOCATION shares, as parts: ["Amsterdam", "Netherlands"]. */
function commonLocationSuffix(locations: readonly string[]): string[] {
  const split = locations
    .filter((location) => location.length > 0)
    .map((location) => location.split(/\s*,\s*/));
  const counts = new Map<string, number>();
  for (const parts of split) {
    for (let length = 1; length < parts.length; length++) {
      const key = parts.slice(-length).join(',');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  // The longest tail shared by at least 80% of locations; the odd off-site address does not break it.
  let best: string[] = [];
  for (const [key, count] of counts) {
    const parts = key.split(',');
    if (count >= split.length * 0.8 && parts.length > best.length) best = parts;
  }
  return best;
}

function stripSuffix(location: string, suffix: readonly string[]): string {
  const parts = location.split(/\s*,\s*/);
  const ends =
    suffix.length > 0 &&
    parts.length > suffix.length &&
    parts.slice(-suffix.length).join(',') === suffix.join(',');
  return (ends ? parts.slice(0, -suffix.length) : parts).join(', ').trim();
}

function isUrl(value: string): boolean {
  return /^https?:\/\//.test(value);
}
