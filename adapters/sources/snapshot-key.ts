// What an index snapshot is keyed by: the content of every source, how it is read, and the code reading it.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { codeFingerprint } from '../shared/code-fingerprint.ts';

/** One source as it was read: its label, the zone it was read in, and a hash of its content. */
export interface SourceContent {
  readonly label: string;
  readonly timeZone?: string;
  readonly contentHash: string;
}

/** The key a snapshot of the engine over these sources is written under, and looked up by. */
export function snapshotKey(sources: readonly SourceContent[]): string {
  const hash = createHash('sha256').update(codeFingerprint());
  for (const source of sources)
    hash.update(`\0${source.label}\0${source.timeZone ?? ''}\0${source.contentHash}`);
  return hash.digest('hex');
}

/** A hash of a dataset file, or of every file under a dataset folder (names and bytes); undefined if unreadable. */
export function pathContentHash(path: string): string | undefined {
  const hash = createHash('sha256');
  const add = (file: string, name: string): void => {
    if (statSync(file).isDirectory()) {
      for (const entry of readdirSync(file).sort()) add(join(file, entry), `${name}/${entry}`);
      return;
    }
    hash.update(`\0${name}\0`).update(readFileSync(file));
  };
  try {
    add(path, '');
  } catch {
    // A missing or unreadable file: loading it reports the problem; the snapshot just is not used.
    return undefined;
  }
  return hash.digest('hex');
}
