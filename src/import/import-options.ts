// Options every importer accepts.

export interface ImportOptions {
  /** A short name of the file, for source titles and messages ("current-schedule.ics"). */
  readonly label: string;
  /** Where the file came from, when it was fetched. */
  readonly url?: string;
  /** The conference's IANA zone when the file does not say (Sched exports are in UTC). */
  readonly timeZone?: string;
  /** Prefix for record ids, so two imports never collide; derived from the file when omitted. */
  readonly idPrefix?: string;
}
