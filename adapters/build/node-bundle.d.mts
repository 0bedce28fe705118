// Types for node-bundle.mjs, which the bench (TypeScript) imports.
import type { BuildOptions, OutputFile } from 'esbuild';

export declare const INLINED_PACKAGES: readonly string[];
export declare function nodeBundleOptions(): BuildOptions;
export declare function writeBuild(
  outputFiles: readonly Pick<OutputFile, 'path' | 'contents'>[],
  dir: string,
  isEntry?: (path: string) => boolean,
): void;
export declare function codeCachedBundleOptions(): BuildOptions;
export declare function codeCacheLoaderFile(
  bundlePath: string,
  extension?: string,
): Promise<{ path: string; contents: Uint8Array }>;
