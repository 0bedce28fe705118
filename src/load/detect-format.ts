// Recognises which schedule or vendor format a file is in, from its name and its first bytes.

import { exhibitorRows } from '../import/exhibitors.ts';
import { isFrabSchedule } from '../import/frab-json.ts';
import { sessionizeView } from '../import/sessionize-views.ts';

export const DATA_FORMATS = [
  'hallway-json',
  'sched-ics',
  'pentabarf-xml',
  'frab-json',
  'sessionize-json',
  'exhibitors-json',
  'exhibitors-csv',
] as const;
export type DataFormat = (typeof DATA_FORMATS)[number];

/** Formats that are JSON, so syntax errors can be located before the format is known. */
export function isJsonText(text: string): boolean {
  return /^\s*[[{]/.test(text.replace(/^\uFEFF/, ''));
}

/** The format of a text file, judged by content first and name second; undefined when unknown. */
export function detectTextFormat(label: string, text: string): DataFormat | undefined {
  const head = text
    .replace(/^\uFEFF/, '')
    .trimStart()
    .slice(0, 512);
  if (/^BEGIN:VCALENDAR/i.test(head)) return 'sched-ics';
  if (head.startsWith('<') && /<schedule[\s>]/.test(text.slice(0, 4096))) return 'pentabarf-xml';
  if (/\.csv$/i.test(label) || (!isJsonText(text) && /^[^\n]*,[^\n]*\n/.test(head))) return 'exhibitors-csv';
  return undefined;
}

/** The format of parsed JSON: our own dataset, a frab schedule, a Sessionize export, or an exhibitor list. */
export function detectJsonFormat(json: unknown): DataFormat | undefined {
  if (isFrabSchedule(json)) return 'frab-json';
  if (sessionizeView(json) !== undefined) return 'sessionize-json';
  if (json !== null && typeof json === 'object' && !Array.isArray(json) && 'conference' in json)
    return 'hallway-json';
  if (exhibitorRows(json) !== undefined) return 'exhibitors-json';
  return undefined;
}
