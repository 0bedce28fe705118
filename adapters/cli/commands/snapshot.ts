// `hallway snapshot [PATH]… [--time-zone ZONE]`: prebuilds the index snapshot of dataset files beside the first one,
// so that it ships with the data (in an image, on a read-only volume) and a replica with an empty cache starts from it.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '../../shared/logger.ts';
import { DEFAULT_DATASET } from '../../shared/paths.ts';
import { LiveData } from '../../sources/live-data.ts';
import { besideDataPath, SNAPSHOT_FILE, SnapshotFile } from '../../sources/snapshot-file.ts';
import { specsFromEntries } from '../../sources/source-spec.ts';
import type { CommandIo } from '../command-io.ts';
import { EXIT_INVALID_DATA, EXIT_USAGE } from '../open-selected-data.ts';

export async function snapshotCommand(
  options: { readonly paths: readonly string[]; readonly timeZone?: string },
  io: CommandIo,
): Promise<number> {
  const specs = specsFromEntries(options.paths.length > 0 ? options.paths : [DEFAULT_DATASET]);
  const target = besideDataPath(specs);
  if (target === undefined) {
    io.stderr.write(
      'hallway snapshot: every source must be a file or folder; a URL feed is indexed as it comes\n',
    );
    return EXIT_USAGE;
  }
  const logger = createLogger({ level: 'warn' });
  // An empty cache of its own: the engine is built (and its snapshot written there) unless the one beside the
  // data already fits.
  const cacheDir = mkdtempSync(join(tmpdir(), 'hallway-snapshot-'));
  try {
    const opened = await LiveData.open({
      specs,
      cacheDir,
      logger,
      now: Date.now,
      ...(options.timeZone === undefined ? {} : { timeZone: options.timeZone }),
    });
    if (!opened.ok) {
      io.stderr.write(`The data could not be loaded:\n${opened.problems.map((p) => `  ${p}`).join('\n')}\n`);
      return opened.needsTimeZone === true ? EXIT_USAGE : EXIT_INVALID_DATA;
    }
    const built = join(cacheDir, SNAPSHOT_FILE);
    if (!existsSync(built)) {
      io.stdout.write(`${target} is up to date\n`);
      return 0;
    }
    const bytes = readFileSync(built);
    if (!new SnapshotFile(target, logger).write(bytes)) return EXIT_INVALID_DATA;
    io.stdout.write(`Wrote ${target} (${Math.round(bytes.length / 1024)} KiB)\n`);
    return 0;
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}
