// Writes one engine's snapshot over the same file many times, as a replica would at each rebuild. Run in several
// processes at once by test/sources/index-snapshot.test.ts: ARGS cache file, source key, times.
import { SnapshotFile } from '../../adapters/sources/snapshot-file.ts';
import { buildSnapshotEngine } from '../../src/index.ts';
import { captureLogger } from '../helpers/capture-logger.ts';
import { engineFor, MINI_CONF } from '../helpers/engines.ts';

const [path, source, times] = process.argv.slice(2);
if (path === undefined || source === undefined)
  throw new Error('snapshot-writer-child: path and source needed');
const { dataset } = engineFor(MINI_CONF).catalog;
const bytes = buildSnapshotEngine(dataset, { sessions: 0, people: 0, organizations: 0 }).snapshot(source);
const file = new SnapshotFile(path, captureLogger().logger);
for (let i = 0; i < Number(times ?? 20); i++) file.write(bytes);
