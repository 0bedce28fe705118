// The index snapshot in the source cache, or prebuilt beside the data: a start over unchanged files reads it instead
// of rebuilding, a change to the data or a damaged file is noticed in one log line and rebuilt, and replicas
// writing at once leave a whole file.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../adapters/cli/main.ts';
import { LiveData } from '../../adapters/sources/live-data.ts';
import { SNAPSHOT_FILE } from '../../adapters/sources/snapshot-file.ts';
import { restoreEngine } from '../../src/index.ts';
import { captureLogger } from '../helpers/capture-logger.ts';
import { AFTER_KUBECON, MINI_CONF } from '../helpers/engines.ts';
import { runProcess } from '../helpers/run-process.ts';
import { captureIo } from '../helpers/streams.ts';
import { snapshotLines } from './snapshot-lines.ts';

const QUESTIONS = ['who spoke about load balancing?', 'where is the tiles talk?', 'what is on saturday?'];
const dirs: string[] = [];

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

/** A copy of the mini conference, so that a test can change it, and an empty cache folder. */
function setUp(): { data: string; cache: string; snapshot: string } {
  const data = join(tempDir('hallway-snapshot-data-'), 'mini-conf');
  cpSync(MINI_CONF, data, { recursive: true });
  const cache = tempDir('hallway-snapshot-cache-');
  return { data, cache, snapshot: join(cache, SNAPSHOT_FILE) };
}

async function open(data: string, cache: string, snapshot = true) {
  const captured = captureLogger();
  const opened = await LiveData.open({
    specs: [{ kind: 'path', path: data }],
    cacheDir: cache,
    logger: captured.logger,
    now: () => AFTER_KUBECON,
    snapshot,
  });
  if (!opened.ok) throw new Error(opened.problems.join('; '));
  return { live: opened.live, snapshotLines: snapshotLines(captured) };
}

const answers = (live: LiveData) => QUESTIONS.map((question) => live.current().ask(question));
/** A rename puts a new file in place: the same inode means nobody wrote it since. */
const inode = (path: string) => statSync(path).ino;

describe('the index snapshot', () => {
  it('is written by the first start and read by the next, which answers the same', async () => {
    const { data, cache, snapshot } = setUp();
    const first = await open(data, cache);
    const written = inode(snapshot);
    const second = await open(data, cache);
    expect(inode(snapshot)).toBe(written);
    expect(second.snapshotLines).toEqual([]);
    expect(answers(second.live)).toEqual(answers(first.live));
    expect(second.live.dataset()).toEqual(first.live.dataset());
    expect(second.live.merged()).toEqual(first.live.merged());
  });

  it('is not used, nor written, when turned off', async () => {
    const { data, cache } = setUp();
    await open(data, cache, false);
    expect(readdirSync(cache)).toEqual([]);
  });

  it('is rebuilt when the data changed, and the new data is answered', async () => {
    const { data, cache, snapshot } = setUp();
    await open(data, cache);
    const written = inode(snapshot);
    const sessions = join(data, 'sessions.json');
    writeFileSync(
      sessions,
      readFileSync(sessions, 'utf8').replace(
        'Lighthouses and load balancers',
        'Lighthouses and ferry timetables',
      ),
    );
    const changed = await open(data, cache);
    expect(changed.snapshotLines).toEqual([
      'index snapshot ignored, it was built from other data or code; rebuilding the index',
    ]);
    expect(changed.live.current().ask('who spoke about ferry timetables?').text).toContain(
      'ferry timetables',
    );
    expect(inode(snapshot)).not.toBe(written);
    // The rebuilt snapshot is the changed data's: the next start reads it.
    const next = await open(data, cache);
    expect(next.snapshotLines).toEqual([]);
    expect(next.live.current().ask('who spoke about ferry timetables?').text).toContain('ferry timetables');
  });

  it('never stands in for a file that is missing: the start reports it as without a snapshot', async () => {
    const { data, cache } = setUp();
    await open(data, cache);
    const missing = join(data, '..', 'no-such-dataset');
    const opened = await LiveData.open({
      specs: [
        { kind: 'path', path: data },
        { kind: 'path', path: missing },
      ],
      cacheDir: cache,
      logger: captureLogger().logger,
      now: () => AFTER_KUBECON,
    });
    expect(opened.ok).toBe(false);
  });

  it.each([
    ['truncated', (bytes: Buffer) => bytes.subarray(0, bytes.length - 10)],
    ['garbage', () => Buffer.from('not a snapshot\n\u0000\u0001')],
    ['empty', () => Buffer.alloc(0)],
  ])('is ignored in one line when %s, and the engine still answers', async (_what, damage) => {
    const { data, cache, snapshot } = setUp();
    const first = await open(data, cache);
    writeFileSync(snapshot, damage(readFileSync(snapshot)));
    const damaged = await open(data, cache);
    expect(damaged.snapshotLines).toHaveLength(1);
    expect(damaged.snapshotLines[0]).toMatch(/^index snapshot ignored, .+; rebuilding the index$/);
    expect(answers(damaged.live)).toEqual(answers(first.live));
    // Replaced by a good one.
    expect((await open(data, cache)).snapshotLines).toEqual([]);
  });

  it('is prebuilt beside the data by `hallway snapshot`, and read from there by a start with an empty cache', async () => {
    const { data, cache } = setUp();
    const io = captureIo();
    expect(await runCli(['snapshot', data], io)).toBe(0);
    expect(io.out()).toBe(
      `Wrote ${data}.snapshot (${Math.round(statSync(`${data}.snapshot`).size / 1024)} KiB)\n`,
    );
    const again = captureIo();
    expect(await runCli(['snapshot', data], again)).toBe(0);
    expect(again.out()).toBe(`${data}.snapshot is up to date\n`);
    const fresh = await open(data, cache);
    expect(fresh.snapshotLines).toEqual([]);
    // Read, not rebuilt: a rebuild would have saved its snapshot in the cache.
    expect(readdirSync(cache)).toEqual([]);
    expect(answers(fresh.live)).toEqual(
      answers((await open(data, tempDir('hallway-snapshot-off-'), false)).live),
    );
  });

  it('is refused for URL sources by `hallway snapshot`', async () => {
    const io = captureIo();
    expect(await runCli(['snapshot', 'https://example.com/all.ics'], io)).toBe(2);
    expect(io.err()).toContain('every source must be a file or folder');
  });

  it('is whole after replicas write it at the same moment', async () => {
    const cache = tempDir('hallway-snapshot-race-');
    const path = join(cache, SNAPSHOT_FILE);
    const sources = ['replica-a', 'replica-b', 'replica-c'];
    const writers = sources.map((source) =>
      runProcess('node', ['--import', 'tsx', 'test/sources/snapshot-writer-child.ts', path, source, '30']),
    );
    for (const result of await Promise.all(writers)) expect(result.stderr).toBe('');
    const bytes = readFileSync(path);
    const readable = sources.filter((source) => restoreEngine(bytes, source).ok);
    expect(readable).toHaveLength(1);
    // No temporary file left behind.
    expect(readdirSync(cache)).toEqual([SNAPSHOT_FILE]);
  });
});
