// Opens the data a CLI command was pointed at with --data, --config and --time-zone, reporting problems on stderr.
import { createLogger } from '../shared/logger.ts';
import { openData } from '../shared/open-engine.ts';
import type { LiveData } from '../sources/live-data.ts';
import type { CommandIo } from './command-io.ts';

export interface DataSelection {
  /** Paths or URLs from --data; the embedded default when empty. */
  readonly dataPaths: readonly string[];
  /** A conference config file from --config. */
  readonly config?: string;
  /** --conference: which conference of a conferences file given with --config. */
  readonly conference?: string;
  /** --time-zone: the zone of sources whose times carry no offset (Sessionize). */
  readonly timeZone?: string;
}

/** Exit code for data that cannot be used. */
export const EXIT_INVALID_DATA = 1;
/** Exit code for a wrong command line, such as a Sessionize source without --time-zone. */
export const EXIT_USAGE = 2;

/** The opened data, or the exit code after printing why it could not be opened. */
export async function openSelectedData(
  selection: DataSelection,
  io: CommandIo,
  fixedNow?: number,
): Promise<LiveData | number> {
  const opened = await openData({
    entries: selection.dataPaths,
    logger: createLogger({ level: 'warn' }),
    ...(selection.config === undefined ? {} : { configFile: selection.config }),
    ...(selection.conference === undefined ? {} : { conference: selection.conference }),
    ...(selection.timeZone === undefined ? {} : { timeZone: selection.timeZone }),
    ...(fixedNow === undefined ? {} : { fixedNow }),
  });
  if (!opened.ok) {
    io.stderr.write(`The data could not be loaded:\n${opened.problems.map((p) => `  ${p}`).join('\n')}\n`);
    return opened.needsTimeZone === true ? EXIT_USAGE : EXIT_INVALID_DATA;
  }
  return opened.live;
}
