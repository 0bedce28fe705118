// The conference's days as attendees count them: calendar days, minus thin fringe days at either end
// (badge pick-up the day before, one co-located summit the day after), which official exports often include.

import { conferenceDays, localDate } from '../time/conference-time.ts';
import type { Catalog } from './catalog.ts';

/** A fringe day has fewer programme hours than this share of the busiest day's. */
const FRINGE_SHARE = 0.1;
/** Below this many sessions on the busiest day, a dataset is too small to call any day a fringe. */
const MIN_BUSIEST_DAY = 20;
/** An entry counts for at least a quarter hour (some have no end) and at most a working day. */
const MIN_ENTRY_MS = 15 * 60 * 1000;
const MAX_ENTRY_MS = 8 * 60 * 60 * 1000;

const cache = new WeakMap<Catalog, readonly string[]>();

export function programmeDays(catalog: Catalog): readonly string[] {
  const cached = cache.get(catalog);
  if (cached !== undefined) return cached;
  const days = conferenceDays(catalog.conference);
  const counts = new Map<string, number>();
  // Programme hours, not entries: a day of five full-day workshops is no fringe beside one of 56 short talks,
  // while badge pick-up and cloakroom (breaks) weigh nothing.
  const hours = new Map<string, number>();
  for (const entry of catalog.timeline) {
    const day = localDate(entry.startMs, catalog.conference.timeZone);
    counts.set(day, (counts.get(day) ?? 0) + 1);
    if (entry.session.kind === 'break' || entry.session.partOf !== undefined) continue;
    const length = Math.min(Math.max(entry.endMs - entry.startMs, MIN_ENTRY_MS), MAX_ENTRY_MS);
    hours.set(day, (hours.get(day) ?? 0) + length);
  }
  const busiest = Math.max(0, ...counts.values());
  const busiestHours = Math.max(0, ...hours.values());
  let first = 0;
  let last = days.length - 1;
  if (busiest >= MIN_BUSIEST_DAY) {
    const thin = (day: string | undefined) => (hours.get(day ?? '') ?? 0) < busiestHours * FRINGE_SHARE;
    while (first < last && thin(days[first])) first++;
    while (last > first && thin(days[last])) last--;
  }
  const result = days.slice(first, last + 1);
  cache.set(catalog, result);
  return result;
}
