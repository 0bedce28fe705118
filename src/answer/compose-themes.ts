// Wording for "main themes": each theme with its count and a few of its sessions (or organisations), and whose
// data it is.
import type { Finding } from '../engine/finding.ts';
import { builder, type ComposeContext, type Composed } from './compose-context.ts';
import { count, joinWords, quoted } from './describe.ts';

const SHOWN_PER_THEME = 3;

export function composeThemes(
  context: ComposeContext,
  finding: Extract<Finding, { kind: 'themes' }>,
): Composed {
  const answer = builder(context);
  const name = finding.conference.shortName ?? finding.conference.name;
  if (finding.themes.length === 0) {
    answer.paragraph(
      `My data for ${name} has ${count(finding.sessionCount, 'session')} but no topics, tracks or tiers to group them by. Try “list sessions” or ask about a subject.`,
    );
    return { title: 'No themes in the data', answered: false, ...answer.finish() };
  }
  // An exhibitor list has no sessions: its themes are its tiers, with their organisations.
  const bySessions = finding.sessionCount > 0;
  answer.paragraph(
    bySessions
      ? `The main themes in my data for ${name} (${count(finding.sessionCount, 'session')}), by number of sessions:`
      : `My data for ${name} lists organisations, not sessions; by tier:`,
  );
  answer.bullets(
    finding.themes.map((theme) => {
      if (!bySessions) {
        const names = theme.organizations.slice(0, SHOWN_PER_THEME).map((organization) => organization.name);
        return `${theme.label}: ${count(theme.organizations.length, 'organisation')}, such as ${joinWords(names)}`;
      }
      const titles = theme.sessions.slice(0, SHOWN_PER_THEME).map((session) => quoted(session.title));
      return `${theme.label}: ${count(theme.sessions.length, 'session')}, such as ${joinWords(titles)}`;
    }),
    'themes',
  );
  for (const theme of finding.themes) answer.sessionResults(theme.sessions.slice(0, SHOWN_PER_THEME));
  return { title: `Main themes of ${name}`, answered: true, ...answer.finish() };
}
