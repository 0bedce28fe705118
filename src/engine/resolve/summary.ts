// "Summarize the conference", "main themes": the topics and tracks most sessions share, counted from the data.
import type { Organization, Session } from '../../model/schema.ts';
import type { Finding, ResolveContext, Theme } from '../finding.ts';
import { byStart } from './sessions.ts';

const THEMES_SHOWN = 6;
/** Sponsorship tiers are few, and a small one (the platinum sponsors) matters as much as a big one. */
const TIERS_SHOWN = 10;
/** A label on more than this share of the programme is what sessions are, not a theme. */
const MAX_THEME_SHARE = 0.5;
/** A label on fewer sessions than this is no theme. */
const MIN_THEME_SESSIONS = 2;

export function resolveSummary(context: ResolveContext): Finding {
  const byLabel = new Map<string, { label: string; sessions: Session[] }>();
  const add = (label: string, session: Session) => {
    const key = label.toLowerCase();
    const entry = byLabel.get(key) ?? { label, sessions: [] };
    if (!entry.sessions.includes(session)) entry.sessions.push(session);
    byLabel.set(key, entry);
  };
  let programme = 0;
  for (const session of context.catalog.dataset.sessions) {
    if (session.partOf !== undefined || session.kind === 'break') continue;
    programme++;
    for (const topic of session.topics) add(topic, session);
    if (session.track !== undefined) add(session.track, session);
  }
  const themes: Theme[] = [...byLabel.values()]
    // A label on most sessions ("devroom") says what they are, not what they are about.
    .filter(
      (entry) =>
        entry.sessions.length >= MIN_THEME_SESSIONS && entry.sessions.length <= programme * MAX_THEME_SHARE,
    )
    .sort((a, b) => b.sessions.length - a.sessions.length || a.label.localeCompare(b.label))
    .slice(0, THEMES_SHOWN)
    .map((entry) => ({ label: entry.label, sessions: [...entry.sessions].sort(byStart), organizations: [] }));
  // An exhibitor list has no sessions: its sponsorship tiers are what it is made of.
  if (themes.length === 0) themes.push(...tierThemes(context));
  return {
    kind: 'themes',
    conference: context.catalog.conference,
    sessionCount: context.catalog.dataset.sessions.length,
    themes,
  };
}

/** The organisations of each sponsorship or exhibitor tier, largest first. */
function tierThemes(context: ResolveContext): Theme[] {
  const byTier = new Map<string, Organization[]>();
  for (const organization of context.catalog.dataset.organizations) {
    if (organization.tier === undefined) continue;
    byTier.set(organization.tier, [...(byTier.get(organization.tier) ?? []), organization]);
  }
  return [...byTier]
    .sort(([a, left], [b, right]) => right.length - left.length || a.localeCompare(b))
    .slice(0, TIERS_SHOWN)
    .map(([label, organizations]) => ({ label, sessions: [], organizations }));
}
