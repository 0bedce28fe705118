// The name of the file, beside a bundle, that names its code: the build writes it (node-bundle.mjs) and a start
// reads it (adapters/shared/code-fingerprint.ts), so that the bot's bundle need not carry the build's code.
export const CODE_FINGERPRINT_FILE = 'code-fingerprint';
