// Loads a dataset from the text of one file in any supported format, detected from its content.
import { importExhibitorCsv, importExhibitorJson } from '../import/exhibitors.ts';
import { importFrabJson } from '../import/frab-json.ts';
import type { ImportOptions } from '../import/import-options.ts';
import { importPentabarfXml } from '../import/pentabarf-xml.ts';
import { importSchedIcs } from '../import/sched-ics.ts';
import { importSessionizeJson, TimeZoneRequiredError } from '../import/sessionize-json.ts';
import type { Dataset } from '../model/schema.ts';
import { removeInvisibleDeep } from '../text/invisible.ts';
import { type DataFormat, detectJsonFormat, detectTextFormat, isJsonText } from './detect-format.ts';
import { parseJson } from './parse-json.ts';
import { redactUrl } from './redact-url.ts';
import { type LoadResult, validateDataset } from './validate-dataset.ts';

export interface LoadTextOptions extends Omit<ImportOptions, 'label'> {
  /** Skip detection and read the text as this format. */
  readonly format?: DataFormat;
}

/**
 * Parses, imports and validates one file's text. `source` (a path or URL) names the file in every problem; a URL
 * is shown as its host and path only, since a private feed's key would otherwise reach problems and source titles.
 */
export function loadDatasetText(
  text: string,
  source: string,
  options: LoadTextOptions = {},
): LoadResult & { format?: DataFormat } {
  const label = redactUrl(source);
  const importOptions: ImportOptions = { ...options, label: label.split(/[\\/]/).pop() ?? label };
  let json: unknown;
  if (isJsonText(text) && (options.format === undefined || options.format.endsWith('json'))) {
    const parsed = parseJson(text, label);
    if (!parsed.ok) return { ok: false, problems: [parsed.problem] };
    json = parsed.value;
  }
  const format =
    options.format ?? (json === undefined ? detectTextFormat(label, text) : detectJsonFormat(json));
  if (format === undefined) {
    return {
      ok: false,
      problems: [
        {
          file: label,
          path: '',
          message:
            'unknown format: expected a Hallway dataset (JSON), a Sched iCalendar (.ics), a Pentabarf/frab schedule.xml, a frab/c3voc schedule.json, a Sessionize export (JSON), or an exhibitor list (JSON or CSV)',
        },
      ],
    };
  }
  let dataset: unknown;
  try {
    dataset = importAs(format, text, json, importOptions);
  } catch (error) {
    return {
      ok: false,
      format,
      problems: [
        {
          file: label,
          path: '',
          message: `cannot read as ${format}: ${(error as Error).message}`,
          ...(error instanceof TimeZoneRequiredError ? { code: 'time-zone-required' as const } : {}),
        },
      ],
    };
  }
  // Cleaned after decoding, so escapes (\u202e, &#8238;) are caught as well as the raw characters.
  return { ...validateDataset(removeInvisibleDeep(dataset), label), format };
}

function importAs(
  format: DataFormat,
  text: string,
  json: unknown,
  options: ImportOptions,
): Dataset | unknown {
  switch (format) {
    case 'hallway-json':
      return json;
    case 'sched-ics':
      return importSchedIcs(text, options);
    case 'pentabarf-xml':
      return importPentabarfXml(text, options);
    case 'frab-json':
      return importFrabJson(json, options);
    case 'sessionize-json':
      return importSessionizeJson(json, options);
    case 'exhibitors-json':
      return importExhibitorJson(json, options);
    case 'exhibitors-csv':
      return importExhibitorCsv(text, options);
  }
}
