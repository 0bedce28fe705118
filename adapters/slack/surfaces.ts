// Slack-only messages and views: the share button, /hallway help, the App Home tab, the apology.
import type { types } from '@slack/bolt';
import { type Answer, type Conference, cutToLength } from '../../src/index.ts';
import { escapeToFit } from './escape.ts';
import { SLACK_LIMITS } from './limits.ts';
import {
  context,
  header,
  plain,
  renderAnswer,
  type SlackBlock,
  type SlackMessage,
  section,
} from './render-blocks.ts';

/** The slash command, as registered in `manifest.json`. */
export const SLASH_COMMAND = '/hallway';

/** Message options for every post: no link previews, which would bury the answer. */
export const POST_OPTIONS = { unfurl_links: false, unfurl_media: false } as const;

/** The `action_id` of the "Share to channel" button. */
export const SHARE_ACTION_ID = 'hallway_share';

/** What a user sees when a handler failed; details go to the log, never to the channel. */
export const APOLOGY = 'Sorry, something went wrong while answering that. Please try again in a moment.';

/** How to use Hallway in Slack: the lines shared by `/hallway help` and the App Home tab. */
const SLACK_USAGE = [
  'Mention me in a channel (@Hallway who spoke about platform engineering?) and I answer in a thread.',
  'Send me a direct message and I answer here.',
  `Type ${SLASH_COMMAND} followed by a question anywhere: only you see the answer, and a button shares it with the channel.`,
  `My agenda: press ⭐ under a session (or say "add the opening keynote to my agenda"), see it with ${SLASH_COMMAND} agenda (only you do), and get a DM 10 minutes before each one ("remind me 15 minutes before" changes that). "Forget me" deletes it all.`,
  `Admins: ${SLASH_COMMAND} digest here (or off, or list) says which channels get the daily digest; ${SLASH_COMMAND} reload reads the data again.`,
];

/** A private answer with the button that shares it: the reply to `/hallway <question>`. */
export function privateAnswer(
  answer: Answer,
  message: SlackMessage = renderAnswer(answer, { reserveBlocks: 1 }),
): SlackMessage {
  return { text: message.text, blocks: [...message.blocks, shareButton(answer.question)] };
}

/** The same answer for everyone in the channel, with who shared it and what they asked. */
export function sharedAnswer(answer: Answer, sharedBy: string): SlackMessage {
  const message = renderAnswer(answer, { reserveBlocks: 1 });
  const line = context(`Shared by ${sharedBy}, who asked “${answer.question}”`);
  return { text: message.text, blocks: [...message.blocks, line] };
}

/** The button whose click posts the answer publicly; its value is the question, asked again on click. */
export function shareButton(question: string): SlackBlock {
  return {
    type: 'actions',
    elements: [
      {
        type: 'button',
        action_id: SHARE_ACTION_ID,
        text: plain('Share to channel'),
        value: cutToLength(question, SLACK_LIMITS.buttonValue),
      },
    ],
  };
}

/** `/hallway help`: how to reach Hallway in Slack, then the engine's own help with examples. */
export function helpMessage(engineHelp: Answer): SlackMessage {
  const answer = renderAnswer(engineHelp, { reserveBlocks: 2 });
  const usage = section(SLACK_USAGE.map((line) => `• ${line}`).join('\n'));
  const [first, ...rest] = answer.blocks;
  const blocks = first?.type === 'header' ? [first, usage, ...rest] : [usage, ...answer.blocks];
  return {
    text: escapeToFit(`${SLACK_USAGE.join('\n')}\n\n${engineHelp.text}`, SLACK_LIMITS.fallbackText),
    blocks,
  };
}

/**
 * The Home tab: what Hallway is for, how to ask, example questions from the loaded dataset, and the viewer's own
 * agenda when agendas are kept (the Home tab is private to the user who opens it).
 */
export function homeView(conference: Conference, engineHelp: Answer, agenda?: Answer): types.HomeView {
  const examples = engineHelp.blocks.flatMap((block) => (block.type === 'bullets' ? block.items : []));
  const blocks: SlackBlock[] = [
    header(`Hallway: ${conference.name}`),
    section(
      `I answer questions about ${conference.name} (${conference.city}, ${conference.startDate} to ${conference.endDate}): who spoke about what, what a vendor announced, where and when a session is, what is on now and next.`,
    ),
    { type: 'divider' },
    section(SLACK_USAGE.map((line) => `• ${line}`).join('\n')),
  ];
  if (examples.length > 0) {
    blocks.push(section('Try asking:'), section(examples.map((example) => `• ${example}`).join('\n')));
  }
  if (agenda !== undefined) {
    // The agenda's blocks, within the 100 a Home tab holds: what comes before it, and a line after it, are kept.
    const room = SLACK_LIMITS.homeBlocks - blocks.length - 3;
    blocks.push({ type: 'divider' }, ...renderAnswer(agenda).blocks.slice(0, room));
  }
  blocks.push(context('Answers come from the conference dataset and name their sources.'));
  return { type: 'home', blocks };
}

/** The apology as a message: a short plain line, escaped like everything else. */
export function apologyMessage(): SlackMessage {
  return simpleMessage(APOLOGY);
}

/** A short reply as plain text (escaped, so nothing in it can ping or format), e.g. "slow down". */
export function simpleMessage(text: string): SlackMessage {
  return { text: escapeToFit(text, SLACK_LIMITS.fallbackText), blocks: [section(text)] };
}
