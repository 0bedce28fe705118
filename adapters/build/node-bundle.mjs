// The esbuild options every Node bundle of Hallway shares: `npm run build` (dist/) and the bench's cold-start
// program, so that the bench measures the start `npm start` makes.
import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { CODE_FINGERPRINT_FILE } from './code-fingerprint-file.mjs';

/**
 * Packages bundled into dist/ rather than loaded from node_modules at start: the core's pure-JavaScript parsers,
 * search and date code, and the logger, which every start loads. Loaded as packages, their hundreds of small
 * modules were each resolved, read and linked on their own: a third of the CPU time of a start from an index
 * snapshot, and pino's alone 33 ms of a FOSDEM start (15 alternating runs). pino's transports, which load files
 * by name at run time, are not used: Hallway logs to a file descriptor. Everything else stays external: native
 * modules (better-sqlite3) and the chat SDKs, loaded only when their adapter starts.
 */
export const INLINED_PACKAGES = [
  'chrono-node',
  'csv-parse',
  'entities',
  'fast-xml-parser',
  'htmlparser2',
  'ical.js',
  'jsonc-parser',
  'luxon',
  'minisearch',
  'pino',
  'stemmer',
  'stopword',
  'zod',
];

/** `lodash/fp` → `lodash`, `@scope/name/x` → `@scope/name`. */
function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** Our own imports of the inlined packages are bundled, and so is whatever those import; the rest is external. */
const inlineChosenPackages = {
  name: 'inline-chosen-packages',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:')) return { external: true };
      if (args.importer.includes('/node_modules/')) return undefined;
      return INLINED_PACKAGES.includes(packageName(args.path)) ? undefined : { external: true };
    });
  },
};

/**
 * Our JSON data (the understanding table and its kept model, hundreds of kilobytes) as one string given to
 * JSON.parse. esbuild's own JSON loader writes an object literal, which V8 parses as code at a start: several
 * times slower than JSON.parse over the same text.
 */
const jsonAsParsedString = {
  name: 'json-as-parsed-string',
  setup(build) {
    build.onLoad({ filter: /\.json$/ }, async (args) => {
      if (args.path.includes('/node_modules/')) return undefined;
      const text = await readFile(args.path, 'utf8');
      // Parsed once here, so that a broken file fails the build rather than the start.
      return {
        contents: `export default JSON.parse(${JSON.stringify(JSON.stringify(JSON.parse(text)))});`,
        loader: 'js',
      };
    });
  },
};

/**
 * zod's messages in English only. zod re-exports every language it ships (a third of its size) from its main
 * module, so a bundle carries them all, and a start parses them; Hallway never switches zod's language.
 */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(build) {
    build.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, (args) => ({
      contents: "export { default as en } from './en.js';",
      loader: 'js',
      resolveDir: dirname(args.path),
    }));
  },
};

/** The options for an ES module bundle run by Node from inside the project (so node_modules is found). */
export function nodeBundleOptions() {
  return {
    bundle: true,
    platform: 'node',
    format: 'esm',
    // The ES module build of a package where it has one: the CommonJS (UMD) builds of some require files by
    // computed names, which a bundle cannot follow.
    mainFields: ['module', 'main'],
    plugins: [jsonAsParsedString, zodEnglishOnly, inlineChosenPackages],
    // A start parses the whole bundle before running a line of it: without comments and blanks it is 30% smaller
    // and a FOSDEM start from a snapshot about 50 ms shorter. Names are kept, so logged stack traces still read.
    minifyWhitespace: true,
    minifySyntax: true,
    // CommonJS packages bundled into an ES module (pino) still call require() for Node's own modules.
    banner: {
      js: "import { createRequire as __hallwayCreateRequire } from 'node:module'; const require = __hallwayCreateRequire(import.meta.url);",
    },
    logLevel: 'warning',
  };
}

/** The start of a CommonJS bundle from V8's code cache (see the file): written beside the bundle, as its entry. */
const CODE_CACHE_LOADER = new URL('./start-from-code-cache.mjs', import.meta.url);

/**
 * Options for a bundle started by that loader: CommonJS, since node:vm caches the code of scripts and not of
 * modules, with `import.meta.url` and `import.meta.resolve` meaning what they mean in an ES module. Top-level
 * await is not available in it.
 */
export function codeCachedBundleOptions() {
  return {
    ...nodeBundleOptions(),
    format: 'cjs',
    define: { 'import.meta.url': '__hallwayModuleUrl', 'import.meta.resolve': '__hallwayResolve' },
    banner: {
      js: "var __hallwayModuleUrl = require('node:url').pathToFileURL(__filename).href; var __hallwayResolve = (specifier) => require('node:url').pathToFileURL(require.resolve(specifier)).href;",
    },
  };
}

/** The loader as one more output file: `x.cjs` is started by `x.js` (or `x.mjs`) beside it. */
export async function codeCacheLoaderFile(bundlePath, extension = '.js') {
  return { path: bundlePath.replace(/\.cjs$/, extension), contents: await readFile(CODE_CACHE_LOADER) };
}

/**
 * Writes a build's files (built with `write: false`), then the fingerprint of them all into `dir`: index snapshots
 * are keyed by it, and a start reads its 64 characters instead of hashing megabytes of code. Each file is
 * written under a temporary name and renamed into place, entry points last, so that a build running beside
 * another, or beside a starting bot, never leaves a half-written file for node to load.
 */
export function writeBuild(outputFiles, dir, isEntry = () => false) {
  const files = [...outputFiles].sort((a, b) => Number(isEntry(a.path)) - Number(isEntry(b.path)));
  const fingerprint = createHash('sha256');
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : 1)))
    fingerprint.update(`${relative(dir, file.path)}\0`).update(file.contents);
  const write = (path, contents) => {
    mkdirSync(dirname(path), { recursive: true });
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, contents);
    renameSync(temporary, path);
  };
  for (const file of files) write(file.path, file.contents);
  write(join(dir, CODE_FINGERPRINT_FILE), `${fingerprint.digest('hex')}\n`);
}
