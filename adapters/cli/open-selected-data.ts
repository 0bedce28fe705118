// Opens the data a CLI command was pointed at with --data and --config, reporting problems on stderr.
import { createLogger } from '../shared/logger.ts';
import { openData } from '../shared/open-engine.ts';
import type { LiveData } from '../sources/live-data.ts';
import type { CommandIo } from './command-io.ts';

export interface DataSelection {
  /** Paths or URLs from --data; the embedded default when empty. */
  readonly dataPaths: readonly string[];
  /** A conference config file from --config. */
  readonly config?: string;
}

/** The opened data, or undefined after printing why it could not be opened. */
export async function openSelectedData(
  selection: DataSelection,
  io: CommandIo,
  fixedNow?: number,
): Promise<LiveData | undefined> {
  const opened = await openData({
    entries: selection.dataPaths,
    logger: createLogger({ level: 'warn' }),
    ...(selection.config === undefined ? {} : { configFile: selection.config }),
    ...(fixedNow === undefined ? {} : { fixedNow }),
  });
  if (!opened.ok) {
    io.stderr.write(`The data could not be loaded:\n${opened.problems.map((p) => `  ${p}`).join('\n')}\n`);
    return undefined;
  }
  return opened.live;
}
