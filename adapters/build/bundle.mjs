// `npm run build`: bundles `npm start` and the CLI into dist/ with esbuild, written so that a build running beside
// another, or beside a starting bot, never leaves a half-written file for node to load (see writeBuild).
// `npm start` runs dist/main.js, which starts the bot's bundle (dist/main.cjs) from V8's code cache when it can.
import { basename, resolve } from 'node:path';
import { build } from 'esbuild';
import {
  codeCachedBundleOptions,
  codeCacheLoaderFile,
  nodeBundleOptions,
  writeBuild,
} from './node-bundle.mjs';

const BOT_BUNDLE = resolve('dist/main.cjs');

const [bot, cli] = await Promise.all([
  build({
    ...codeCachedBundleOptions(),
    entryPoints: ['adapters/main.ts'],
    outfile: BOT_BUNDLE,
    write: false,
  }),
  // The CLI stays an ES module: it runs one command and exits, and its commands load on demand (splitting).
  build({
    ...nodeBundleOptions(),
    entryPoints: ['adapters/cli/main.ts'],
    splitting: true,
    outbase: 'adapters',
    outdir: 'dist',
    write: false,
  }),
]);
const outputFiles = [...bot.outputFiles, ...cli.outputFiles, await codeCacheLoaderFile(BOT_BUNDLE)];
writeBuild(outputFiles, 'dist', (path) => basename(path) === 'main.js');
