// Remembers recent Events API `event_id`s so a retried delivery (X-Slack-Retry-Num) is answered only once: in
// memory for one process, or by a unique insert in the store when replicas share one (Slack may send the same
// event to two of them).
import type { EventClaims } from '../store/store.ts';

export interface EventDeduper {
  /** True the first time an id is seen within the window; false for a repeat. */
  firstSeen(eventId: string): boolean | Promise<boolean>;
}

/** The in-memory de-duplicator, which answers at once. */
export interface MemoryDeduper extends EventDeduper {
  firstSeen(eventId: string): boolean;
}

/** How long an event id is remembered by default. Slack retries three times within about five minutes. */
const DEFAULT_TTL_MS = 10 * 60 * 1000;

export interface DeduperOptions {
  /** How long an id is remembered. Slack retries three times within about five minutes. */
  readonly ttlMs?: number;
  /** At most this many ids are kept; the oldest go first. */
  readonly maxEntries?: number;
  readonly now?: () => number;
}

/** A bounded, time-limited set of event ids (in memory: one process, one connection). */
export function createEventDeduper(options: DeduperOptions = {}): MemoryDeduper {
  const ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
  const maxEntries = options.maxEntries ?? 5000;
  const now = options.now ?? Date.now;
  // Insertion order is arrival order, so the first entries are the oldest.
  const seen = new Map<string, number>();
  return {
    firstSeen(eventId) {
      const time = now();
      for (const [id, at] of seen) {
        if (time - at < ttlMs && seen.size < maxEntries) break;
        seen.delete(id);
      }
      if (seen.has(eventId)) return false;
      seen.set(eventId, time);
      return true;
    },
  };
}

export interface SharedDeduperOptions {
  /** The store's event claims, once it is open; until then, and if it fails, this process's memory decides. */
  readonly claims: () => EventClaims | undefined;
  readonly ttlMs?: number;
  readonly now?: () => number;
  readonly onStoreError?: (error: unknown) => void;
}

/** Event ids claimed in the store: the first replica to insert one answers it, the others stand down. */
export function createSharedDeduper(options: SharedDeduperOptions): EventDeduper {
  const ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
  const now = options.now ?? Date.now;
  const local = createEventDeduper({ ttlMs, now });
  let purgedAt = now();
  return {
    async firstSeen(eventId) {
      const claims = options.claims();
      if (claims === undefined) return local.firstSeen(eventId);
      const at = now();
      try {
        const first = await claims.claim(eventId, at, ttlMs);
        // Expired claims are cleared about once per window, by whichever replica gets there.
        if (at - purgedAt > ttlMs) {
          purgedAt = at;
          await claims.purge(at);
        }
        return first;
      } catch (error) {
        options.onStoreError?.(error);
        return local.firstSeen(eventId);
      }
    },
  };
}
