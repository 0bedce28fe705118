// Cold start, measured in a fresh process: from process start to the first answer. Dataset paths are opened the
// way `npm start` opens them (LiveData: load, merge, index), with their index snapshot in `--cache DIR` unless
// `--no-snapshot`; `synthetic:N` is a seeded synthetic corpus generated in the process instead (no snapshot).
import { parseArgs } from 'node:util';
import { createEngine, type Engine } from '../../src/index.ts';
import { codeCacheCheckpoint } from '../shared/code-cache.ts';
import { createLogger } from '../shared/logger.ts';
import { LiveData } from '../sources/live-data.ts';
import { specsFromEntries } from '../sources/source-spec.ts';
import { syntheticConference } from './synthetic-corpus.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { cache: { type: 'string' }, 'no-snapshot': { type: 'boolean' } },
});

async function open(): Promise<Engine> {
  const synthetic = positionals[0]?.match(/^synthetic:(\d+)$/);
  if (synthetic != null) return createEngine(syntheticConference({ sessions: Number(synthetic[1]) }));
  if (values.cache === undefined) throw new Error('cold-start: --cache DIR is needed with dataset paths');
  const opened = await LiveData.open({
    specs: specsFromEntries(positionals),
    cacheDir: values.cache,
    // A warning (a damaged snapshot) reaches the bench's standard error; the routine lines would only be noise.
    logger: createLogger({ level: 'warn' }),
    now: Date.now,
    snapshot: values['no-snapshot'] !== true,
  });
  if (!opened.ok) throw new Error(`cold-start: ${opened.problems.join('; ')}`);
  return opened.live.current();
}

// A promise, not top-level await: the program is built like `npm start`'s bundle, CommonJS started from V8's
// code cache (adapters/build/start-from-code-cache.mjs).
void open().then((engine) => {
  engine.ask('who spoke about platform engineering?');
  // uptime() counts from the moment the process started, module loading included. The CPU time beside it is what
  // the start cost this process: a shared machine's load stretches the wall clock much more than it.
  const { user, system } = process.cpuUsage();
  const coldStartMs = Math.round(process.uptime() * 1000);
  process.stdout.write(`${JSON.stringify({ coldStartMs, cpuMs: Math.round((user + system) / 1000) })}\n`);
  // Measured first: a start without a code cache writes it now, as `npm start` does after its first answer.
  codeCacheCheckpoint();
});
