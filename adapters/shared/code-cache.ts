// Tells the start (adapters/build/start-from-code-cache.mjs) that the process has done its typical work, so that
// the code cache it writes holds the functions a start needs. Outside that start, this does nothing.

const CHECKPOINT = Symbol.for('hallway.codeCacheCheckpoint');

/** Call once the engine is ready, and again after the first answer; the loader ignores calls it does not need. */
export function codeCacheCheckpoint(): void {
  const checkpoint = (globalThis as Record<symbol, unknown>)[CHECKPOINT];
  if (typeof checkpoint === 'function') checkpoint();
}
