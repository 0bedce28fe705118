// Refuses to merge sources whose dates do not overlap: two unrelated conferences must not become one a year long.
import type { Dataset } from '../model/schema.ts';

/** One source to merge, with the name messages use for it (a file name or URL). */
export interface LabelledDataset {
  readonly label: string;
  readonly dataset: Dataset;
}

/**
 * Why the sources cannot be merged, naming each source's dates; undefined when they can. Sources without timed
 * sessions (an exhibitor list) have no dates of their own and merge with anything.
 */
export function mergeRefusal(sources: readonly LabelledDataset[]): string | undefined {
  const dated = sources.filter((source) => source.dataset.sessions.some((s) => s.start !== undefined));
  const [first, ...rest] = dated;
  if (first === undefined) return undefined;
  const apart = rest.filter(
    ({ dataset }) =>
      dataset.conference.endDate < first.dataset.conference.startDate ||
      dataset.conference.startDate > first.dataset.conference.endDate,
  );
  if (apart.length === 0) return undefined;
  const dates = [first, ...apart]
    .map(({ label, dataset }) => `${label} (${dataset.conference.name}) runs ${span(dataset)}`)
    .join('; ');
  return `these sources do not share any date, so they are not one conference and will not be merged: ${dates}`;
}

function span(dataset: Dataset): string {
  const { startDate, endDate } = dataset.conference;
  return startDate === endDate ? `on ${startDate}` : `${startDate} to ${endDate}`;
}
