// Imports a Pentabarf / frab schedule.xml (as large volunteer-run events and pretalx export it) into a dataset.
import { XMLParser } from 'fast-xml-parser';
import type { Dataset } from '../model/schema.ts';
import { DatasetBuilder, slugify } from './dataset-builder.ts';
import { eventTimes } from './event-times.ts';
import type { ImportOptions } from './import-options.ts';
import { htmlToPlainText } from './plain-text.ts';
import { guessSessionKind } from './session-kind.ts';

type Node = Record<string, unknown>;

const ARRAYS = new Set(['day', 'room', 'event', 'person', 'link', 'track', 'attachment']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => ARRAYS.has(name),
});

/** Text of an element that may carry attributes (`<track slug="x">Name</track>`). */
function value(node: unknown): string {
  if (node === undefined || node === null) return '';
  if (Array.isArray(node)) return value(node[0]);
  if (typeof node === 'string' || typeof node === 'number') return String(node).trim();
  if (typeof node === 'object') return value((node as Node)['#text']);
  return '';
}

function list(node: unknown): Node[] {
  return Array.isArray(node)
    ? (node as Node[])
    : node === undefined || node === null || node === ''
      ? []
      : [node as Node];
}

export function importPentabarfXml(xml: string, options: ImportOptions): Dataset {
  const document = parser.parse(xml) as Node;
  const schedule = document.schedule as Node | undefined;
  if (schedule === undefined) throw new Error('not a Pentabarf schedule: no <schedule> element');
  const conference = (schedule.conference ?? {}) as Node;
  const title = value(conference.title) || options.label;
  const timeZone = options.timeZone ?? (value(conference.time_zone_name) || 'UTC');
  const prefix = options.idPrefix ?? slugify(value(conference.acronym) || title);
  const baseUrl = value(conference.base_url);

  const builder = new DatasetBuilder(prefix, {
    id: `${prefix}-schedule`,
    title: `${title} schedule (${options.label})`,
    kind: 'schedule',
    ...(options.url !== undefined ? { url: options.url } : /^https?:/.test(baseUrl) ? { url: baseUrl } : {}),
  });

  for (const day of list((schedule.day ?? (schedule.days as Node | undefined)?.day) as unknown)) {
    const dayDate = value(day['@date']);
    for (const room of list(day.room)) {
      const roomName = value(room['@name']);
      for (const event of list(room.event)) {
        const eventTitle = value(event.title);
        const subtitle = value(event.subtitle);
        const times = eventTimes(
          value(event.date),
          dayDate,
          value(event.start),
          value(event.duration),
          timeZone,
        );
        const abstract = htmlToPlainText(value(event.abstract));
        const description = htmlToPlainText(value(event.description));
        const track = value(event.track);
        const type = value(event.type);
        const url = value(event.url);
        const persons = list((event.persons as Node | undefined)?.person);
        builder.session(
          value(event['@guid']) || value(event['@id']) || `${dayDate}-${roomName}-${eventTitle}`,
          {
            title: subtitle.length > 0 ? `${eventTitle}: ${subtitle}` : eventTitle || 'Untitled event',
            kind: guessSessionKind(eventTitle, type),
            ...times,
            ...(roomName.length === 0 && value(event.room).length === 0
              ? {}
              : { room: roomName || value(event.room) }),
            ...(track.length === 0 ? {} : { track }),
            summary: [abstract, description].filter((part) => part.length > 0).join('\n\n'),
            topics: type.length === 0 ? [] : [type],
            speakers: persons
              .map((person) => value(person))
              .filter((name) => name.length > 0)
              .map((name) => builder.person(name)),
            organizations: [],
            projects: [],
            ...(/^https?:/.test(url) ? { url } : {}),
          },
        );
      }
    }
  }

  return builder.build({
    id: prefix,
    name: title,
    timeZone,
    ...optional('city', value(conference.city)),
    ...optional('venue', value(conference.venue)),
    ...optional('startDate', value(conference.start).slice(0, 10)),
    ...optional('endDate', value(conference.end).slice(0, 10)),
    ...(/^https?:/.test(baseUrl) ? { url: baseUrl } : {}),
  });
}

function optional<K extends string>(key: K, text: string): { [P in K]?: string } {
  return (text.length === 0 ? {} : { [key]: text }) as { [P in K]?: string };
}
