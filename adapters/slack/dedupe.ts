// Remembers recent Events API `event_id`s so a retried delivery (X-Slack-Retry-Num) is answered only once.

export interface EventDeduper {
  /** True the first time an id is seen within the window; false for a repeat. */
  firstSeen(eventId: string): boolean;
}

export interface DeduperOptions {
  /** How long an id is remembered. Slack retries three times within about five minutes. */
  readonly ttlMs?: number;
  /** At most this many ids are kept; the oldest go first. */
  readonly maxEntries?: number;
  readonly now?: () => number;
}

/** A bounded, time-limited set of event ids (in memory: one process, one connection). */
export function createEventDeduper(options: DeduperOptions = {}): EventDeduper {
  const ttlMs = options.ttlMs ?? 10 * 60 * 1000;
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
