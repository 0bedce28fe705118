// The agenda's Slack buttons: "⭐ Add to my agenda" under each session of an answer, "Remove" and "📅 Add to
// calendar" under an agenda reply. Each button's value is a session id (or nothing, for the whole agenda).
import { type Answer, cutToLength } from '../../src/index.ts';
import { escapeToFit } from './escape.ts';
import { SLACK_LIMITS } from './limits.ts';
import { plain, renderAnswer, type SlackBlock, type SlackMessage } from './render-blocks.ts';

/** Action ids; each button gets a numbered suffix, since ids must be unique within a message. */
export const AGENDA_STAR_ACTION = 'hallway_agenda_star';
export const AGENDA_UNSTAR_ACTION = 'hallway_agenda_unstar';
export const AGENDA_ICS_ACTION = 'hallway_agenda_ics';

/** Sessions with buttons in one answer (Slack allows 25 elements per actions block). */
const BUTTONS_SHOWN = 5;
/** Characters of a title on a button. */
const BUTTON_TITLE = 40;

type ButtonKind = 'star' | 'unstar';

function button(kind: ButtonKind, index: number, sessionId: string, title: string) {
  const label = kind === 'star' ? `⭐ Add to my agenda: ${title}` : `Remove: ${title}`;
  return {
    type: 'button' as const,
    action_id: `${kind === 'star' ? AGENDA_STAR_ACTION : AGENDA_UNSTAR_ACTION}:${index}`,
    // A title is data: escaped like every other text Hallway shows, so nothing in it can ping or link.
    text: plain(escapeToFit(label, SLACK_LIMITS.buttonText)),
    value: cutToLength(sessionId, SLACK_LIMITS.buttonValue),
  };
}

/** The sessions an answer shows, for their buttons. */
function sessionsOf(answer: Answer): Array<{ readonly id: string; readonly title: string }> {
  return answer.results
    .filter((result) => result.type === 'session')
    .slice(0, BUTTONS_SHOWN)
    .map((result) => ({ id: result.id, title: cutToLength(result.title, BUTTON_TITLE) }));
}

/** An answer with a "⭐ Add to my agenda" button per session it shows (none when it shows none). */
export function withStarButtons(message: SlackMessage, answer: Answer): SlackMessage {
  const sessions = sessionsOf(answer);
  if (sessions.length === 0 || message.blocks.length >= SLACK_LIMITS.blocksPerMessage) return message;
  const elements = sessions.map((session, index) => button('star', index, session.id, session.title));
  // Above the closing sources line, which stays last.
  const last = message.blocks.at(-1);
  const tail = last?.type === 'context' ? [last] : [];
  const body = tail.length === 0 ? message.blocks : message.blocks.slice(0, -1);
  return { ...message, blocks: [...body, { type: 'actions', elements }, ...tail] };
}

/**
 * The reply to an agenda request: the words, then Remove buttons for the sessions listed or just added, and the
 * calendar button; a "which one?" reply gets star buttons instead.
 */
export function agendaMessage(reply: Answer, choosing: boolean): SlackMessage {
  const message = renderAnswer(reply, { reserveBlocks: 1 });
  const sessions = sessionsOf(reply);
  if (choosing) return withStarButtons(message, reply);
  if (sessions.length === 0) return message;
  const elements = [
    ...sessions.map((session, index) => button('unstar', index, session.id, session.title)),
    {
      type: 'button' as const,
      action_id: `${AGENDA_ICS_ACTION}:0`,
      text: plain(
        sessions.length === 1 && reply.title !== 'My agenda' ? '📅 Add to calendar' : '📅 My agenda as .ics',
      ),
      value: sessions.length === 1 && reply.title !== 'My agenda' ? (sessions[0]?.id ?? '') : '',
    },
  ];
  const actions: SlackBlock = { type: 'actions', elements };
  return { ...message, blocks: [...message.blocks, actions] };
}
