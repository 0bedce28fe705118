// Types for code-fingerprint-file.mjs, which the bot (TypeScript) imports.
export declare const CODE_FINGERPRINT_FILE: string;
