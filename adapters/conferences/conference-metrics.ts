// /metrics for several conferences: how many are in memory against the limit, each one's size, and evictions.
import { Gauge, type Registry } from 'prom-client';
import type { ConferenceRegistry } from './conference-registry.ts';

/** The metric names, for docs and tests. */
export const CONFERENCE_METRIC_NAMES = {
  loaded: 'hallway_conferences_loaded',
  limit: 'hallway_conferences_max_loaded',
  evictions: 'hallway_conference_evictions',
  sessions: 'hallway_conference_sessions',
  records: 'hallway_conference_records',
} as const;

/** Registers gauges read from `conferences` at each scrape (no bookkeeping on the answer path). */
export function registerConferenceMetrics(registry: Registry, conferences: ConferenceRegistry): void {
  const registers = [registry];
  new Gauge({
    name: CONFERENCE_METRIC_NAMES.loaded,
    help: 'Conferences whose data is in memory now.',
    registers,
    collect() {
      this.set(conferences.sizes().length);
    },
  });
  new Gauge({
    name: CONFERENCE_METRIC_NAMES.limit,
    help: 'The most conferences held in memory at once (maxLoaded in the conferences file).',
    registers,
    collect() {
      this.set(conferences.maxLoaded);
    },
  });
  new Gauge({
    name: CONFERENCE_METRIC_NAMES.evictions,
    help: 'Conferences that left memory to make room (least recently used first), since start.',
    registers,
    collect() {
      this.set(conferences.evicted());
    },
  });
  new Gauge({
    name: CONFERENCE_METRIC_NAMES.sessions,
    help: 'Sessions of each conference in memory.',
    labelNames: ['conference'] as const,
    registers,
    collect() {
      this.reset();
      for (const size of conferences.sizes()) this.set({ conference: size.id }, size.sessions);
    },
  });
  new Gauge({
    name: CONFERENCE_METRIC_NAMES.records,
    help: 'Records (sessions, people, organisations, announcements, projects, terms) of each conference in memory.',
    labelNames: ['conference'] as const,
    registers,
    collect() {
      this.reset();
      for (const size of conferences.sizes()) this.set({ conference: size.id }, size.records);
    },
  });
}
