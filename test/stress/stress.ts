// `npm run test:stress`: runs the timing-sensitive test files 5 times while busy loops keep every core busy, as
// on a laptop during a video call; lists each failure and exits 1 on any. Options: --runs N, --files a,b.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The files that wait on timers, sockets or child processes: the ones a busy machine could make flaky. */
export const TIMING_SENSITIVE = [
  'test/discord/gateway.test.ts',
  'test/discord/interactions.test.ts',
  'test/discord/retries.test.ts',
  'test/ops/fuzz.test.ts',
  'test/ops/http-server.test.ts',
  'test/ops/shutdown.test.ts',
  'test/ops/start.test.ts',
  'test/slack/answer-retries.test.ts',
  'test/slack/connection-log.test.ts',
  'test/slack/socket-mode.test.ts',
  'test/isolation/dotenv.test.ts',
];

/** The busy loops stop on their own after this long, even if this script is killed before it can stop them. */
const BUSY_LIMIT_MS = 15 * 60_000;

const { values } = parseArgs({ options: { runs: { type: 'string' }, files: { type: 'string' } } });
const runs = Number(values.runs ?? 5);
const files = values.files?.split(',') ?? TIMING_SENSITIVE;

/** One busy loop per core, each a separate process bounded in time. */
function startBusyLoops(): ChildProcess[] {
  const loop = `const end = Date.now() + ${BUSY_LIMIT_MS}; while (Date.now() < end) {}`;
  return Array.from({ length: availableParallelism() }, () =>
    spawn(process.execPath, ['-e', loop], { stdio: 'ignore' }),
  );
}

interface JsonReport {
  testResults: Array<{
    name: string;
    message?: string;
    assertionResults: Array<{ fullName: string; status: string; failureMessages: string[] }>;
  }>;
}

/** Runs vitest once over `files`; resolves with one line per failed test (or failed file). */
function runOnce(run: number, outputDir: string): Promise<string[]> {
  const outputFile = join(outputDir, `run-${run}.json`);
  const vitest = join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');
  const args = [
    vitest,
    'run',
    '--reporter=dot',
    '--reporter=json',
    `--outputFile.json=${outputFile}`,
    ...files,
  ];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('close', (code) => {
      let report: JsonReport;
      try {
        report = JSON.parse(readFileSync(outputFile, 'utf8')) as JsonReport;
      } catch {
        resolve([`run ${run}: vitest exited ${code} without a report`]);
        return;
      }
      const failures = report.testResults.flatMap((file) => {
        const tests = file.assertionResults
          .filter((test) => test.status === 'failed')
          .map((test) => `run ${run}: ${file.name.replace(ROOT, '')} › ${test.fullName}`);
        return tests.length === 0 && file.message ? [`run ${run}: ${file.name}: ${file.message}`] : tests;
      });
      resolve(failures.length === 0 && code !== 0 ? [`run ${run}: vitest exited ${code}`] : failures);
    });
  });
}

const busy = startBusyLoops();
const stopBusy = () => {
  for (const child of busy) child.kill('SIGKILL');
};
process.on('exit', stopBusy);
const outputDir = mkdtempSync(join(tmpdir(), 'hallway-stress-'));
const failures: string[] = [];
try {
  process.stderr.write(
    `${files.length} files, ${runs} runs, ${busy.length} busy loops (load ${loadavg()[0]?.toFixed(2)})\n`,
  );
  for (let run = 1; run <= runs; run++) {
    const started = Date.now();
    const found = await runOnce(run, outputDir);
    failures.push(...found);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    process.stderr.write(
      `run ${run}/${runs}: ${found.length === 0 ? 'passed' : `${found.length} failed`} in ${seconds} s ` +
        `(load ${loadavg()[0]?.toFixed(2)})\n`,
    );
  }
} finally {
  stopBusy();
  rmSync(outputDir, { recursive: true, force: true });
}
process.stdout.write(
  failures.length === 0
    ? `all ${runs} runs passed under load\n`
    : `${failures.length} failures under load:\n  ${failures.join('\n  ')}\n`,
);
process.exitCode = failures.length === 0 ? 0 : 1;
