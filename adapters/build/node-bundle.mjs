// The esbuild options every Node bundle of Hallway shares: `npm run build` (dist/) and the bench's cold-start
// program, so that the bench measures the start `npm start` makes.

/**
 * Packages bundled into dist/ rather than loaded from node_modules at start: the core's pure-JavaScript parsers,
 * search and date code, which every start loads. Loaded as packages, their hundreds of small ES modules were each
 * resolved, read and linked on their own: a third of the CPU time of a start from an index snapshot. Everything
 * else stays external: native modules (better-sqlite3), packages that resolve files at run time (pino's
 * transports), and the chat SDKs, loaded only when their adapter starts.
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

/** The options for an ES module bundle run by Node from inside the project (so node_modules is found). */
export function nodeBundleOptions() {
  return {
    bundle: true,
    platform: 'node',
    format: 'esm',
    // The ES module build of a package where it has one: the CommonJS (UMD) builds of some require files by
    // computed names, which a bundle cannot follow.
    mainFields: ['module', 'main'],
    plugins: [inlineChosenPackages],
    logLevel: 'warning',
  };
}
