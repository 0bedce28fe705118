// A fingerprint of the running code, so that an index snapshot written by other code is never read back.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CODE_FINGERPRINT_FILE } from '../build/code-fingerprint-file.mjs';
import { PROJECT_ROOT } from './paths.ts';

/** The packages whose code decides an index's terms: another version may stem or split words differently. */
const INDEX_PACKAGES = ['minisearch', 'stemmer', 'stopword'];
const CODE_FILE = /\.(?:[cm]?js|ts|json)$/;

let fingerprint: string | undefined;

/**
 * A hash of the code's files: the one the build wrote beside the bundle when running from dist/ (`npm start`),
 * else of the bundle's own folder, or of src/ and the question tables (tsx, vitest), plus the versions of the
 * indexing packages. Computed once per process.
 */
export function codeFingerprint(): string {
  fingerprint ??= computeFingerprint();
  return fingerprint;
}

function computeFingerprint(): string {
  const here = fileURLToPath(import.meta.url);
  // A bundle's build wrote its fingerprint beside it: reading that saves hashing megabytes of code at each start.
  if (!here.endsWith('.ts')) {
    const kept = keptFingerprint(dirname(here));
    if (kept !== undefined) return kept;
  }
  const roots = here.endsWith('.ts')
    ? [join(PROJECT_ROOT, 'src'), join(PROJECT_ROOT, 'data', 'understanding')]
    : [dirname(here)];
  const files = [
    ...roots.flatMap(codeFilesUnder),
    ...INDEX_PACKAGES.map((name) => join(PROJECT_ROOT, 'node_modules', name, 'package.json')).filter(
      existsSync,
    ),
  ];
  const hash = createHash('sha256');
  for (const file of files) hash.update(`${file}\0`).update(readFileSync(file));
  return hash.digest('hex');
}

function codeFilesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return codeFilesUnder(path);
      return CODE_FILE.test(entry.name) ? [path] : [];
    });
}

function keptFingerprint(dir: string): string | undefined {
  try {
    const kept = readFileSync(join(dir, CODE_FINGERPRINT_FILE), 'utf8').trim();
    return /^[0-9a-f]{64}$/.test(kept) ? `build:${kept}` : undefined;
  } catch {
    return undefined;
  }
}
