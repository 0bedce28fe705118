// Puts several loaded datasets together into one, so `--data a --data b` answers over both.
import type { Dataset } from '../model/schema.ts';
import { RECORD_COLLECTIONS } from '../model/schema.ts';

/**
 * Concatenates datasets. The first one's conference describes the event; its dates widen to cover every
 * dataset's sessions. Records with the same id in two datasets are kept once (the first wins).
 */
export function combineDatasets(datasets: readonly Dataset[]): Dataset {
  const [first, ...rest] = datasets;
  if (first === undefined) throw new Error('combineDatasets needs at least one dataset');
  if (rest.length === 0) return first;
  const combined: Record<string, unknown[]> = {};
  for (const collection of RECORD_COLLECTIONS) {
    const seen = new Set<string>();
    combined[collection] = datasets.flatMap((dataset) =>
      (dataset[collection] as ReadonlyArray<{ id: string }>).filter((record) => {
        if (seen.has(record.id)) return false;
        seen.add(record.id);
        return true;
      }),
    );
  }
  const startDate = datasets.map((d) => d.conference.startDate).sort()[0] ?? first.conference.startDate;
  const endDate =
    datasets
      .map((d) => d.conference.endDate)
      .sort()
      .at(-1) ?? first.conference.endDate;
  return { ...first, ...combined, conference: { ...first.conference, startDate, endDate } } as Dataset;
}
