// "Digest", "digest for Thursday", "what's on tomorrow?": the day's digest, built from the data.
import { buildDigest } from '../../digest/build-digest.ts';
import { programmeDays } from '../../model/programme-days.ts';
import { localDate } from '../../time/conference-time.ts';
import type { Finding, ResolveContext } from '../finding.ts';
import type { Intent } from '../intent.ts';
import { resolveConferenceDay } from './schedule.ts';
import { suggestionsFor } from './suggestions.ts';

/** An on-demand digest reports the schedule changes of the last day. */
const CHANGES_WINDOW_MS = 24 * 60 * 60 * 1000;

export function resolveDigest(context: ResolveContext, intent: Extract<Intent, { kind: 'digest' }>): Finding {
  const { catalog } = context;
  const now = context.now();
  let date: string;
  if (intent.day === undefined) {
    // "Digest" on its own: today during the conference, the first day before it; after it, there is none.
    const today = localDate(now, catalog.conference.timeZone);
    const days = programmeDays(catalog);
    const first = days[0] ?? catalog.conference.startDate;
    if (today > (days[days.length - 1] ?? catalog.conference.endDate)) {
      return {
        kind: 'not-found',
        miss: { kind: 'outside-conference', atMs: now, when: 'after' },
        suggestions: suggestionsFor(context, undefined),
      };
    }
    // biome-ignore lint/complexity/useMathMinMax: ISO date strings compare as text, not numbers
    date = today < first ? first : today;
  } else {
    const resolved = resolveConferenceDay(context, intent.day);
    if (typeof resolved !== 'string') return resolved;
    date = resolved;
  }
  const digest = buildDigest(catalog, {
    date,
    ...(intent.part === undefined ? {} : { part: intent.part }),
    changes: context.changes(),
    changesSince: now - CHANGES_WINDOW_MS,
  });
  return { kind: 'digest', digest, asked: true };
}
