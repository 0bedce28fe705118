// `npm run build`: bundles `npm start` and the CLI into dist/ with esbuild, written so that a build running beside
// another, or beside a starting bot, never leaves a half-written file for node to load (see writeBuild).
import { basename } from 'node:path';
import { build } from 'esbuild';
import { nodeBundleOptions, writeBuild } from './node-bundle.mjs';

const ENTRY_POINTS = ['adapters/main.ts', 'adapters/cli/main.ts'];

const result = await build({
  ...nodeBundleOptions(),
  entryPoints: ENTRY_POINTS,
  splitting: true,
  outbase: 'adapters',
  outdir: 'dist',
  write: false,
});
writeBuild(result.outputFiles, 'dist', (path) => basename(path) === 'main.js');
