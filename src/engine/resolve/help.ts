// "Help": what Hallway can answer, illustrated with names that exist in the loaded dataset.

import { programmeDays } from '../../model/programme-days.ts';
import type { Finding, HelpExamples, ResolveContext } from '../finding.ts';
import { isKeynote } from './sessions.ts';
import { popularTopics } from './suggestions.ts';

export function resolveHelp(context: ResolveContext): Finding {
  const { catalog } = context;
  const { dataset } = catalog;
  const speaker = dataset.people.find((person) => catalog.sessionsByPerson.has(person.id));
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
