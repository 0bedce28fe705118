// The start of a Node bundle (dist/main.js runs dist/main.cjs): compiled from V8's code cache when one fits.
//
// Before a line of Hallway runs, V8 parses the whole bundle, and then compiles each function the first time it is
// called: most of a start from an index snapshot went there. V8 can keep what it compiled as a code cache, and
// Node 22 has `module.enableCompileCache()` for it; Node 20, which Hallway supports, only offers it through
// node:vm. So the bundle is CommonJS, and this file compiles it with the cache beside it (`main.cjs.code-cache`).
// V8 checks that a cache fits its version and flags, but of the source only its length: a cache is used only
// when the file also starts with the SHA-256 of the very bundle it was made from (an edit that keeps the length,
// such as a one-character fix, ran the old code). A cache that does not fit is ignored and the bundle compiled
// as usual. Nothing here decides what Hallway does: the bundle runs exactly as it would alone.
//
// The cache is written by a process that started without one, when the bundle says it has done typical work
// (`codeCacheCheckpoint`: the engine ready, the first answer): it then holds the functions compiled so far.
// It is written under a name of its own and renamed into place, and a failure (a read-only image) only costs
// the next start its compile time.
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants, Script } from 'node:vm';

const here = fileURLToPath(import.meta.url);
const bundle = here.replace(/\.m?js$/, '.cjs');
const cacheFile = `${bundle}.code-cache`;

const source = readFileSync(bundle, 'utf8');
const sourceHash = createHash('sha256').update(source).digest();

let cachedData;
try {
  const file = readFileSync(cacheFile);
  if (file.subarray(0, sourceHash.length).equals(sourceHash)) cachedData = file.subarray(sourceHash.length);
} catch {
  // No cache yet: this start compiles the bundle, and writes the cache at the bundle's first checkpoint.
}

// The wrapper Node itself gives a CommonJS file, so the bundle sees the usual require, module and __dirname.
const wrapper = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
const script = new Script(wrapper, {
  filename: bundle,
  cachedData,
  // import() of a computed name (esbuild turns the others into require) resolves as in any module.
  importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
});

const cacheNeeded = cachedData === undefined || script.cachedDataRejected === true;
globalThis[Symbol.for('hallway.codeCacheCheckpoint')] = () => {
  if (!cacheNeeded) return;
  const temporary = `${cacheFile}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, Buffer.concat([sourceHash, script.createCachedData()]));
    renameSync(temporary, cacheFile);
  } catch {
    rmSync(temporary, { force: true });
  }
};

const module = { exports: {}, id: bundle, filename: bundle, loaded: false };
script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dirname(bundle));
