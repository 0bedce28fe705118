// `npm run build`: bundles `npm start` and the CLI into dist/ with esbuild. Each file is written under a temporary
// name and renamed into place (entry points last), so a build running beside another, or beside a starting bot,
// never leaves a half-written file for node to load.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { build } from 'esbuild';
import { nodeBundleOptions } from './node-bundle.mjs';

const ENTRY_POINTS = ['adapters/main.ts', 'adapters/cli/main.ts'];

const result = await build({
  ...nodeBundleOptions(),
  entryPoints: ENTRY_POINTS,
  splitting: true,
  outbase: 'adapters',
  outdir: 'dist',
  write: false,
});
const isEntry = (path) => basename(path) === 'main.js';
const files = [...result.outputFiles].sort((a, b) => Number(isEntry(a.path)) - Number(isEntry(b.path)));
for (const file of files) {
  mkdirSync(dirname(file.path), { recursive: true });
  const temporary = `${file.path}.${process.pid}.tmp`;
  writeFileSync(temporary, file.contents);
  renameSync(temporary, file.path);
}
