// The core stays platform-free: nothing under src/ may reach a chat SDK, dotenv, readline, adapters or the environment.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../src', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

const FORBIDDEN: ReadonlyArray<readonly [string, RegExp]> = [
  ['a Slack SDK', /from\s+['"]@slack\//],
  ['discord.js', /from\s+['"]discord\.js['"]/],
  ['dotenv', /from\s+['"]dotenv/],
  ['readline', /from\s+['"](?:node:)?readline/],
  ['an adapter', /from\s+['"][./]*adapters\//],
  ['process.env', /process\.env/],
];

const files = sourceFiles(SRC);

describe('src/ knows no platform', () => {
  it('has files to check', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(FORBIDDEN)('no file uses %s', (_what, pattern) => {
    const offenders = files
      .filter((file) => pattern.test(readFileSync(file, 'utf8')))
      .map((file) => relative(SRC, file));
    expect(offenders).toEqual([]);
  });
});

/** Names of the conferences whose data the tests use: the core must work for any event, so it names none. */
const CONFERENCE_NAMES = [
  'kubecon',
  'cloudnativecon',
  'fosdem',
  '39c3',
  'chaos communication',
  'esri',
  'scottish summit',
];

describe('src/ names no conference', () => {
  it.each(CONFERENCE_NAMES)('no file mentions %s', (name) => {
    const offenders = files
      .filter((file) => readFileSync(file, 'utf8').toLowerCase().includes(name))
      .map((file) => relative(SRC, file));
    expect(offenders).toEqual([]);
  });
});
