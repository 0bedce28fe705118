// `npm start` compiles the bot from V8's code cache when one fits: the first start writes it, later starts read it,
// and a cache that does not fit (damaged, another Node, another bundle) is compiled around and replaced.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, runProcess } from '../helpers/run-process.ts';

// A copy of the built bot inside the project (so that it finds node_modules), all its own: other tests start
// dist/ at the same time, and this one writes and damages the cache beside the bundle.
mkdirSync(join(PROJECT_ROOT, 'var'), { recursive: true });
const dir = mkdtempSync(join(PROJECT_ROOT, 'var', 'code-cache-test-'));
for (const file of ['main.js', 'main.cjs', 'code-fingerprint'])
  copyFileSync(join(PROJECT_ROOT, 'dist', file), join(dir, file));
const cacheFile = join(dir, 'main.cjs.code-cache');

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function ask(question: string): Promise<string> {
  const result = await runProcess('node', [join(dir, 'main.js')], {
    input: `${question}\n`,
    // childEnv drops every chat token and .env: the console answers.
    env: { HALLWAY_CACHE_DIR: join(dir, 'cache') },
  });
  expect(result.code, result.stderr).toBe(0);
  return result.stdout;
}

describe.sequential('the bot started from its code cache', () => {
  it('writes the cache at its first start, and answers', async () => {
    expect(await ask('who spoke about platform engineering?')).toContain('Abby Bangser (Syntasso)');
    expect(statSync(cacheFile).size).toBeGreaterThan(100_000);
  });

  it('reads it at the next start, answering the same, and leaves it as it was (V8 accepted it)', async () => {
    const before = statSync(cacheFile, { bigint: true });
    expect(await ask('who spoke about platform engineering?')).toContain('Abby Bangser (Syntasso)');
    // A start whose cache V8 rejected would have written a new one.
    expect(statSync(cacheFile, { bigint: true }).mtimeNs).toBe(before.mtimeNs);
  });

  it('is not used for an edited bundle of the same length (V8 checks only the length), and is replaced', async () => {
    const question = 'who spoke about platform engineering?';
    expect(await ask(question)).toContain(', best first:');
    const bundle = join(dir, 'main.cjs');
    const original = readFileSync(bundle, 'utf8');
    const before = statSync(cacheFile, { bigint: true });
    try {
      // A one-character fix: the old cache would run the old code and still say "first".
      writeFileSync(bundle, original.replace(', best first:', ', best FIRST:'));
      expect(await ask(question)).toContain(', best FIRST:');
      expect(statSync(cacheFile, { bigint: true }).mtimeNs).not.toBe(before.mtimeNs);
    } finally {
      writeFileSync(bundle, original);
    }
  });

  it('compiles around a damaged cache, answers, and replaces it with one that fits', async () => {
    writeFileSync(cacheFile, Buffer.alloc(200_000, 7));
    expect(await ask('what is HAMi?')).toContain('HAMi');
    const replaced = statSync(cacheFile, { bigint: true });
    expect(readFileSync(cacheFile).equals(Buffer.alloc(200_000, 7))).toBe(false);
    expect(await ask('what is HAMi?')).toContain('HAMi');
    expect(statSync(cacheFile, { bigint: true }).mtimeNs).toBe(replaced.mtimeNs);
  });
});
