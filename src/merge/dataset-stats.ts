// Counts of what a dataset holds, for `hallway stats`.
import type { Dataset } from '../model/schema.ts';
import { localDate } from '../time/conference-time.ts';

export interface DatasetStats {
  readonly sessions: number;
  readonly people: number;
  readonly organizations: number;
  readonly announcements: number;
  readonly projects: number;
  readonly terms: number;
  readonly rooms: number;
  readonly tracks: number;
  /** Distinct local dates (in the conference zone) on which sessions start. */
  readonly days: number;
}

export function datasetStats(dataset: Dataset): DatasetStats {
  const distinct = (values: ReadonlyArray<string | undefined>) =>
    new Set(values.filter((v) => v !== undefined)).size;
  const zone = dataset.conference.timeZone;
  return {
    sessions: dataset.sessions.length,
    people: dataset.people.length,
    organizations: dataset.organizations.length,
    announcements: dataset.announcements.length,
    projects: dataset.projects.length,
    terms: dataset.terms.length,
    rooms: distinct(dataset.sessions.map((session) => session.room)),
    tracks: distinct(dataset.sessions.map((session) => session.track)),
    days: distinct(
      dataset.sessions.map((s) => (s.start === undefined ? undefined : localDate(Date.parse(s.start), zone))),
    ),
  };
}
