// Wording for answers about one named thing: a person, organisation, project, term, the conference, a booth.
import type { Finding, MatchNote } from '../engine/finding.ts';
import type { Session } from '../model/schema.ts';
import { normalizePhrase } from '../text/normalize.ts';
import { formatDay } from '../time/conference-time.ts';
import { ITEMS_SHOWN } from './answer-builder.ts';
import { asTyped, builder, type ComposeContext, type Composed, isOver } from './compose-context.ts';
import { count, joinWords, projectKindLabel, quoted, withArticle } from './describe.ts';

/** "Closest match for “abby bangsr”: Abby Bangser." when the name was not typed as written. */
function matchPreamble(match: MatchNote, canonicalName: string): string {
  const alias = normalizePhrase(match.matchedName);
  // An alias inside the name ("HAProxy" for "HAProxy Technologies") needs no explanation.
  if (match.exact && normalizePhrase(canonicalName).includes(alias)) return '';
  if (match.exact) return `${quoted(match.matchedName)} is another name for ${canonicalName}. `;
  return `Closest match for ${quoted(match.typed)}: ${canonicalName}. `;
}

function ranked(sessions: readonly Session[]) {
  return sessions.map((session) => ({ session, score: 1 }));
}

export function composePerson(
  context: ComposeContext,
  finding: Extract<Finding, { kind: 'person' }>,
): Composed {
  const { catalog } = context;
  const { person, sessions } = finding;
  const answer = builder(context);
  const organization = catalog.organizations.get(person.organization ?? '');
  const who = organization === undefined ? person.name : `${person.name} (${organization.name})`;
  const role = person.role === undefined ? '' : ` — ${person.role}`;
  // With neither role nor organisation known, say at least what they are to this conference.
  const at =
    role === '' && organization === undefined
      ? `, ${sessions.length > 0 ? 'a speaker' : 'listed'} at ${catalog.conference.shortName ?? catalog.conference.name}`
      : '';
  answer.paragraph(`${matchPreamble(finding.match, person.name)}${who}${role}${at}.`);
  answer.paragraph(person.bio);
  answer.person(person, 1, false);
  if (sessions.length > 0) {
    const over = sessions.every((session) => isOver(context, session));
    answer.paragraph(`${over ? 'Spoke in' : 'Speaks in'} ${count(sessions.length, 'session')}:`);
    answer.sessions(ranked(sessions));
  } else {
    answer.paragraph('My sources list no session for them.');
  }
  return { title: person.name, answered: true, ...answer.finish() };
}

export function composeOrganization(
  context: ComposeContext,
  finding: Extract<Finding, { kind: 'organization' }>,
): Composed {
  const { organization, people, sessions, announcements, partnerIn, products, focus } = finding;
  const answer = builder(context);
  const name = organization.name;
  answer.paragraph(matchPreamble(finding.match, name).trim());
  answer.organization(organization);

  const showAnnouncements = (): void => {
    if (announcements.length > 0) {
      answer.paragraph(`${name} announced ${count(announcements.length, 'thing')}:`);
      answer.announcements(announcements);
    }
    if (partnerIn.length > 0) {
      answer.paragraph(`${name} is a partner in ${count(partnerIn.length, 'announcement')}:`);
      answer.announcements(partnerIn);
    }
  };
  const showSessions = (): void => {
    if (sessions.length === 0) return;
    const over = sessions.every((session) => isOver(context, session));
    answer.paragraph(`${name} ${over ? 'was part of' : 'is part of'} ${count(sessions.length, 'session')}:`);
    answer.sessions(ranked(sessions));
  };
  const showPeople = (): void => {
    if (people.length === 0) return;
    const labels = people.map((person) =>
      person.role === undefined ? person.name : `${person.name} — ${person.role}`,
    );
    answer.paragraph(`People from ${name}:`).bullets(labels, 'people', ITEMS_SHOWN * 2);
    for (const person of people) answer.person(person, 1, false);
  };

  // "Trimble Inc." ends its own sentence.
  const nameEnds = name.endsWith('.') ? name : `${name}.`;
  /** What the organisation is, when the question's side of it is empty. */
  const describe = (): void => {
    if (organization.description.length > 0)
      answer.paragraph(`What I know of it: ${organization.description}`);
  };
  switch (focus) {
    case 'announced':
      if (announcements.length === 0 && partnerIn.length === 0) {
        answer.paragraph(
          `I have no announcements from ${nameEnds}${sessions.length > 0 ? ' What it presented:' : ''}`,
        );
        if (sessions.length === 0) describe();
      }
      showAnnouncements();
      showSessions();
      break;
    case 'presented':
      if (sessions.length === 0) {
        answer.paragraph(`I have no sessions from ${nameEnds}`);
        if (announcements.length === 0) describe();
      }
      showSessions();
      showAnnouncements();
      break;
    case 'location': {
      const booths = organization.booths;
      const tier = organization.tier === undefined ? '' : ` (${organization.tier})`;
      answer.paragraph(
        booths.length > 0
          ? `${name}${tier} is at ${booths.length === 1 ? 'booth' : 'booths'} ${joinWords(booths)}.`
          : `My sources give no booth for ${nameEnds}${sessions.length > 0 ? ' Its sessions:' : ''}`,
      );
      showSessions();
      break;
    }
    case 'members':
      if (people.length === 0) answer.paragraph(`I know of nobody from ${nameEnds}`);
      showPeople();
      showSessions();
      break;
    case 'any':
    case 'profile':
      answer.paragraph(organization.description.length > 0 ? `${name}: ${organization.description}` : name);
      // A profile says all an exhibitor list knows: where to find them, at what level they take part, their site.
      if (organization.booths.length > 0 || organization.tier !== undefined || organization.url !== undefined)
        answer.paragraph(
          [
            ...(organization.booths.length > 0 ? [`Booth: ${organization.booths.join(', ')}.`] : []),
            ...(organization.tier === undefined ? [] : [`Tier: ${organization.tier}.`]),
            ...(organization.url === undefined ? [] : [`Website: ${organization.url}`]),
          ].join(' '),
        );
      showPeople();
      showSessions();
      showAnnouncements();
      break;
  }
  if (products.length > 0) {
    answer.paragraph(`Products: ${joinWords(products.map((product) => product.name))}.`);
    for (const product of products) answer.project(product, 0.5);
  }
  const answered =
    focus === 'profile' ||
    (focus === 'location' && organization.booths.length > 0) ||
    sessions.length + announcements.length + partnerIn.length + people.length > 0;
  return { title: name, answered, ...answer.finish() };
}

export function composeProject(
  context: ComposeContext,
  finding: Extract<Finding, { kind: 'project' }>,
): Composed {
  const { project, sessions, announcements } = finding;
  const answer = builder(context);
  const kind = `${project.maturity === undefined ? '' : `${project.maturity} `}${projectKindLabel(project.kind)}`;
  const owner = context.catalog.organizations.get(project.organization ?? '');
  const by = owner === undefined ? '' : ` from ${owner.name}`;
  answer.paragraph(
    `${matchPreamble(finding.match, project.name)}${project.name} is ${withArticle(kind)}${by}. ${project.description}`,
  );
  answer.project(project);
  if (sessions.length > 0) {
    answer.paragraph(`${count(sessions.length, 'session')} about it:`);
    answer.sessions(ranked(sessions));
  }
  if (announcements.length > 0) {
    answer.paragraph('Announced:');
    answer.announcements(announcements);
  }
  return { title: project.name, answered: true, ...answer.finish() };
}

export function composeTerm(context: ComposeContext, finding: Extract<Finding, { kind: 'term' }>): Composed {
  const { term, sessions } = finding;
  const answer = builder(context);
  answer.paragraph(`${matchPreamble(finding.match, term.term)}${term.term}: ${term.definition}`);
  answer.term(term);
  if (sessions.length > 0) {
    answer.paragraph(`Where it came up:`);
    answer.sessions(ranked(sessions));
  }
  return { title: term.term, answered: true, ...answer.finish() };
}

export function composeConference(
  context: ComposeContext,
  finding: Extract<Finding, { kind: 'conference' }>,
): Composed {
  const { conference, days } = finding;
  const answer = builder(context);
  if (finding.fact !== undefined) {
    // One fact asked about the event: that sentence, and where it comes from.
    answer.paragraph(`${finding.fact} (From my notes on ${conference.shortName ?? conference.name}.)`);
    answer.noteSources(conference.sources);
    return { title: conference.shortName ?? conference.name, answered: true, ...answer.finish() };
  }
  const zone = conference.timeZone;
  const first = days[0] ?? conference.startDate;
  const last = days[days.length - 1] ?? conference.endDate;
  answer.paragraph(
    `${conference.name} runs ${formatDay(first, zone)} to ${formatDay(last, zone)} ${last.slice(0, 4)}${placeOf(conference)} (times in ${zone}).`,
  );
  if (conference.description !== undefined) answer.paragraph(conference.description);
  // Importers fill in a reserved ".invalid" address when the export names no website: never show it.
  if (!/^https?:\/\/[^/]*\.invalid(?:[:/]|$)/.test(conference.url)) answer.paragraph(conference.url);
  answer.noteSources(conference.sources);
  return { title: conference.shortName ?? conference.name, answered: true, ...answer.finish() };
}

export function composePartnership(
  context: ComposeContext,
  finding: Extract<Finding, { kind: 'partnership' }>,
): Composed {
  const answer = builder(context);
  answer.paragraph(
    `Yes: ${count(finding.announcements.length, 'announcement')} involving a partnership with ${finding.partner}:`,
  );
  answer.announcements(finding.announcements);
  return { title: `Partnerships with ${finding.partner}`, answered: true, ...answer.finish() };
}

export function composeBooth(
  context: ComposeContext,
  finding: Extract<Finding, { kind: 'booth' }>,
): Composed {
  const answer = builder(context);
  answer.paragraph(`At booth ${finding.booth}: ${joinWords(finding.organizations.map((o) => o.name))}.`);
  for (const organization of finding.organizations.slice(0, ITEMS_SHOWN))
    answer.organizationItem(organization);
  answer.more(finding.organizations.length - ITEMS_SHOWN, 'exhibitors');
  return { title: `Booth ${finding.booth}`, answered: true, ...answer.finish() };
}

export function composeAmbiguous(
  context: ComposeContext,
  finding: Extract<Finding, { kind: 'ambiguous' }>,
): Composed {
  const answer = builder(context);
  const names = finding.candidates.map((candidate) => {
    const record = candidate.ref.record;
    return 'name' in record ? record.name : record.term;
  });
  answer.paragraph(`${quoted(finding.typed)} could mean ${joinWords(names)}. Which one?`);
  answer.suggestions(names.map((name) => `who is ${name}?`));
  for (const candidate of finding.candidates) {
    const { ref } = candidate;
    if (ref.type === 'person') answer.person(ref.record, candidate.quality, false);
    else if (ref.type === 'organization') answer.organization(ref.record, candidate.quality);
    else if (ref.type === 'project') answer.project(ref.record, candidate.quality);
    else answer.term(ref.record, candidate.quality);
  }
  return { title: 'Which one?', answered: true, ...answer.finish() };
}

/** " at RAI Amsterdam, Amsterdam", or what part of it is known. */
function placeOf(conference: { venue?: string | undefined; city?: string | undefined }): string {
  const parts = [conference.venue, conference.city].filter((part): part is string => part !== undefined);
  const unique = parts.filter((part, index) => parts.indexOf(part) === index);
  return unique.length === 0 ? '' : ` at ${unique.join(', ')}`;
}

/** Organisations named in a tier listing before "…and N more". */
const LISTED_ORGANIZATIONS = 40;

const ROLE_NOUNS = {
  sponsor: ['sponsor', 'sponsors'],
  exhibitor: ['exhibitor', 'exhibitors'],
  any: ['organisation', 'organisations'],
} as const;

export function composeVendors(
  context: ComposeContext,
  finding: Extract<Finding, { kind: 'vendors' }>,
): Composed {
  const answer = builder(context);
  const [one, many] = ROLE_NOUNS[finding.role];
  const topic = quoted(asTyped(context, finding.topic));
  const names = joinWords(finding.organizations.map((organization) => organization.name));
  if (finding.listing === true) {
    // "Who are the gold sponsors?": all of them by name, tier by tier; the first few in full.
    const tier = finding.topic.length === 0 ? '' : `${asTyped(context, finding.topic)} `;
    const what = `${tier}${many}`;
    answer.paragraph(`${count(finding.organizations.length, `${tier}${one}`, what)}:`);
    answer.bullets(
      finding.organizations.map((organization) =>
        organization.tier === undefined ? organization.name : `${organization.name} — ${organization.tier}`,
      ),
      many,
      LISTED_ORGANIZATIONS,
    );
    return { title: what.charAt(0).toUpperCase() + what.slice(1), answered: true, ...answer.finish() };
  }
  answer.paragraph(
    finding.roleMatched
      ? `${finding.organizations.length === 1 ? `One ${one} matches` : `${finding.organizations.length} ${many} match`} ${topic}: ${names}.`
      : `No ${one} matches ${topic}, but these organisations do: ${names}.`,
  );
  for (const organization of finding.organizations.slice(0, ITEMS_SHOWN))
    answer.organizationItem(organization);
  answer.more(finding.organizations.length - ITEMS_SHOWN, many);
  return {
    title: `${many.charAt(0).toUpperCase()}${many.slice(1)}: ${finding.topic}`,
    answered: true,
    ...answer.finish(),
  };
}
