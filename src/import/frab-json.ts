// Imports a c3voc / frab / pretalx schedule.json into a dataset.
// Lenient on purpose: real congress files do not pass their own schema (null codes, string ids).
import type { Dataset } from '../model/schema.ts';
import { DatasetBuilder, slugify } from './dataset-builder.ts';
import { eventTimes } from './event-times.ts';
import type { ImportOptions } from './import-options.ts';
import { htmlToPlainText } from './plain-text.ts';
import { guessSessionKind } from './session-kind.ts';

type Node = Record<string, unknown>;

function str(value: unknown): string {
  return typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
}

function node(value: unknown): Node {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Node) : {};
}

function nodes(value: unknown): Node[] {
  return Array.isArray(value)
    ? value.filter((item) => item !== null && typeof item === 'object').map(node)
    : [];
}

/** Whether parsed JSON looks like a frab schedule: `{ schedule: { conference: { days: [...] } } }`. */
export function isFrabSchedule(json: unknown): boolean {
  return Array.isArray(node(node(node(json).schedule).conference).days);
}

export function importFrabJson(json: unknown, options: ImportOptions): Dataset {
  const schedule = node(node(json).schedule);
  const conference = node(schedule.conference);
  const title = str(conference.title) || options.label;
  const timeZone = options.timeZone ?? (str(conference.time_zone_name) || 'UTC');
  const prefix = options.idPrefix ?? slugify(str(conference.acronym) || title);
  const site = str(conference.url) || str(schedule.base_url);

  const builder = new DatasetBuilder(prefix, {
    id: `${prefix}-schedule`,
    title: `${title} schedule (${options.label})`,
    kind: 'schedule',
    ...(options.url !== undefined ? { url: options.url } : /^https?:/.test(site) ? { url: site } : {}),
  });

  for (const day of nodes(conference.days)) {
    const dayDate = str(day.date).slice(0, 10);
    for (const [roomName, events] of Object.entries(node(day.rooms))) {
      for (const event of nodes(events)) {
        const eventTitle = str(event.title) || 'Untitled event';
        const subtitle = str(event.subtitle);
        const type = str(event.type);
        const track = str(event.track);
        const url = str(event.url);
        const summary = [str(event.abstract), str(event.description)]
          .map(htmlToPlainText)
          .filter((part, index, parts) => part.length > 0 && parts.indexOf(part) === index)
          .join('\n\n');
        const speakers = nodes(event.persons).flatMap((person) => {
          const name = str(person.public_name) || str(person.name) || str(person.full_public_name);
          return name.length === 0 ? [] : [builder.person(name, { bio: str(person.biography) })];
        });
        builder.session(str(event.guid) || str(event.id) || `${dayDate}-${roomName}-${eventTitle}`, {
          title: subtitle.length > 0 ? `${eventTitle}: ${subtitle}` : eventTitle,
          kind: guessSessionKind(eventTitle, type),
          ...eventTimes(str(event.date), dayDate, str(event.start), str(event.duration), timeZone),
          room: str(event.room) || roomName,
          ...(track.length === 0 ? {} : { track }),
          summary,
          topics: type.length === 0 ? [] : [type],
          speakers,
          organizations: [],
          projects: [],
          ...(/^https?:/.test(url) ? { url } : {}),
        });
      }
    }
  }

  return builder.build({
    id: prefix,
    name: title,
    timeZone,
    ...(str(conference.start).length >= 10 ? { startDate: str(conference.start).slice(0, 10) } : {}),
    ...(str(conference.end).length >= 10 ? { endDate: str(conference.end).slice(0, 10) } : {}),
    ...(/^https?:/.test(site) ? { url: site } : {}),
  });
}
