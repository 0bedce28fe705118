// The key of a change notice: what the session became, not when a replica noticed it. Replicas sharing a database
// each see the same change at their own refresh; keyed by the change, they claim one notice between them.
import { createHash } from 'node:crypto';

/**
 * A number standing for `parts` (48 bits of their hash: exact in a double and in both engines' integer columns).
 * A session moved back and forth to the same slot twice is told the second time only once: a rare loss, not a
 * duplicate.
 */
export function changeKeyAt(...parts: ReadonlyArray<string | undefined>): number {
  return createHash('sha256').update(JSON.stringify(parts)).digest().readUIntBE(0, 6);
}
