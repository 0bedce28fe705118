// Creates a folder and its missing parents without Node's `recursive: true`, which can spin forever (see below).
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Creates `folder` and its missing parents, one level at a time. Node's `mkdirSync(path, { recursive: true })`
 * loops forever at full CPU where `mkdir` says ENOENT under a parent that exists (as everywhere under /proc):
 * this throws that error instead, for the caller to word ("set HALLWAY_DB_PATH to a writable place").
 */
export function makeFolders(folder: string): void {
  const missing: string[] = [];
  let current = folder;
  for (; !existsSync(current) && dirname(current) !== current; current = dirname(current)) {
    missing.unshift(current);
  }
  // A file where a folder should be: let mkdir name the problem (EEXIST, ENOTDIR).
  if (!statSync(current).isDirectory()) mkdirSync(folder);
  for (const path of missing) mkdirSync(path);
}
