// Turns a finding into an answer's headline, blocks and results. The only way findings become words.
import type { Finding } from '../engine/finding.ts';
import { assertNever } from '../engine/intent.ts';
import { composeAgendaRequest } from './compose-agenda.ts';
import type { ComposeContext, Composed } from './compose-context.ts';
import { composeDigest } from './compose-digest.ts';
import { composeHelp, composeList, composeNotFound } from './compose-misc.ts';
import {
  composeAmbiguous,
  composeBooth,
  composeConference,
  composeOrganization,
  composePartnership,
  composePerson,
  composeProject,
  composeTerm,
  composeVendors,
} from './compose-records.ts';
import { composeSearch, composeSessions, composeTopic } from './compose-sessions.ts';
import { composeThemes } from './compose-themes.ts';

export function compose(context: ComposeContext, finding: Finding): Composed {
  switch (finding.kind) {
    case 'help':
      return composeHelp(context, finding);
    case 'list':
      return composeList(context, finding);
    case 'sessions':
      return composeSessions(context, finding);
    case 'topic':
      return composeTopic(context, finding);
    case 'search':
      return composeSearch(context, finding);
    case 'person':
      return composePerson(context, finding);
    case 'organization':
      return composeOrganization(context, finding);
    case 'project':
      return composeProject(context, finding);
    case 'term':
      return composeTerm(context, finding);
    case 'conference':
      return composeConference(context, finding);
    case 'partnership':
      return composePartnership(context, finding);
    case 'booth':
      return composeBooth(context, finding);
    case 'vendors':
      return composeVendors(context, finding);
    case 'ambiguous':
      return composeAmbiguous(context, finding);
    case 'themes':
      return composeThemes(context, finding);
    case 'digest':
      return composeDigest(context, finding.digest, finding.asked === true);
    case 'not-found':
      return composeNotFound(context, finding);
    case 'agenda':
      return composeAgendaRequest(context, finding);
    default:
      return assertNever(finding);
  }
}
