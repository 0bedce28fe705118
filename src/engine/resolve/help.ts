// "Help": what Hallway can answer, illustrated with names that exist in the loaded dataset.

import { programmeDays } from '../../model/programme-days.ts';
import type { Finding, HelpExamples, ResolveContext } from '../finding.ts';
import { isKeynote } from './sessions.ts';
import { popularTopics } from './suggestions.ts';

const GROUP_WORDS = /\b(?:staff|team|crew|organi[sz]ers?|committee|volunteers|speakers?|hosts?|tbd|tba)\b/i;

/** A name of two or more words that is no group ("Program Committee"). */
function isPersonalName(name: string): boolean {
  return name.trim().includes(' ') && !GROUP_WORDS.test(name);
}

export function resolveHelp(context: ResolveContext): Finding {
  const { catalog } = context;
  const { dataset } = catalog;
  const speakers = dataset.people.filter((person) => catalog.sessionsByPerson.has(person.id));
  // A named person makes a better example than an organisers' account; one with an organisation shows off the most.
  const speaker =
    speakers.find((person) => person.organization !== undefined && isPersonalName(person.name)) ??
    speakers.find((person) => isPersonalName(person.name)) ??
    speakers[0];
  const organization =
    dataset.organizations.find((o) => catalog.announcementsByOrganization.has(o.id)) ??
    dataset.organizations.find((o) => catalog.sessionsByOrganization.has(o.id));
  const project = dataset.projects.find((p) => p.kind !== 'fictional');
  const session =
    catalog.timeline.find((entry) => isKeynote(entry.session))?.session ?? catalog.timeline[0]?.session;
  const topic = popularTopics(catalog)[0];
  const examples: HelpExamples = {
    ...(topic === undefined ? {} : { topic }),
    ...(speaker === undefined ? {} : { person: speaker.name }),
    ...(organization === undefined ? {} : { organization: organization.name }),
    ...(project === undefined ? {} : { project: project.name }),
    ...(session === undefined ? {} : { session: session.title }),
    day: programmeDays(catalog).at(-1) ?? catalog.conference.endDate,
  };
  return { kind: 'help', conference: catalog.conference, examples };
}
