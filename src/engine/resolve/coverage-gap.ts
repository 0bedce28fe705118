// Tells an empty answer that is a gap in the data (a day or hours the schedule does not cover) from a real lull.
import { coverageOf } from '../../model/coverage.ts';
import type { TimeWindow } from '../../time/conference-time.ts';
import type { ResolveContext } from '../finding.ts';

/** What the data covers of a searched window: `day` not at all that day, `hours` not at those hours. */
export type CoverageGap = 'day' | 'hours';

/** The gap, if the data has no sessions on `date` or none near the window's hours; undefined when it covers them. */
export function coverageGap(
  context: ResolveContext,
  date: string,
  window?: TimeWindow,
): CoverageGap | undefined {
  const day = coverageOf(context.catalog.dataset).days.find((covered) => covered.date === date);
  if (day === undefined) return 'day';
  if (window !== undefined && (window.endMs <= day.fromMs || window.startMs >= day.toMs)) return 'hours';
  return undefined;
}
