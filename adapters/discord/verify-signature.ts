// Discord's signature on an HTTP interaction: Ed25519 over timestamp + body, checked with node:crypto against the
// application's public key. A request that fails it is not Discord's and gets a 401.
import { createPublicKey, type KeyObject, verify } from 'node:crypto';

/** The DER prefix of an Ed25519 SubjectPublicKeyInfo; the 32-byte raw key Discord shows follows it. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const HEX = /^[0-9a-f]+$/i;

/** The application's public key (64 hex digits, Developer Portal → General Information) as a key object. */
export function discordPublicKey(hex: string): KeyObject {
  if (hex.length !== 64 || !HEX.test(hex)) throw new Error('must be 64 hexadecimal digits');
  return createPublicKey({
    key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(hex, 'hex')]),
    format: 'der',
    type: 'spki',
  });
}

/**
 * True when `signatureHex` (X-Signature-Ed25519) signs `timestamp` (X-Signature-Timestamp) followed by the raw
 * body. Anything malformed (missing headers, odd hex, a wrong length) is false, never an exception.
 */
export function verifyDiscordSignature(
  key: KeyObject,
  signatureHex: string | undefined,
  timestamp: string | undefined,
  body: Buffer,
): boolean {
  if (signatureHex === undefined || timestamp === undefined) return false;
  if (signatureHex.length !== 128 || !HEX.test(signatureHex)) return false;
  try {
    return verify(
      null,
      Buffer.concat([Buffer.from(timestamp, 'utf8'), body]),
      key,
      Buffer.from(signatureHex, 'hex'),
    );
  } catch {
    return false;
  }
}
