// Types for node-bundle.mjs, which the bench (TypeScript) imports.
import type { BuildOptions } from 'esbuild';

export declare const INLINED_PACKAGES: readonly string[];
export declare function nodeBundleOptions(): BuildOptions;
