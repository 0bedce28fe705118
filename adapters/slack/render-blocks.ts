// Renders the engine's platform-neutral Answer as Block Kit, within Slack's limits, with every value inert.
import type { types } from '@slack/bolt';
import { type Answer, type AnswerBlock, type AnswerItem, assertNever } from '../../src/index.ts';
import { escapeMrkdwn, escapeSlack, escapeToFit, mrkdwnLink } from './escape.ts';
import { SLACK_LIMITS } from './limits.ts';

/** One Block Kit block, as Bolt types it. */
export type SlackBlock = types.KnownBlock;

/** What `chat.postMessage`, `respond()` and `views.publish` take: fallback text plus blocks. */
export interface SlackMessage {
  /** Plain fallback for notifications and screen readers; escaped. */
  readonly text: string;
  readonly blocks: SlackBlock[];
}

export interface RenderOptions {
  /** Blocks to leave free at the end for the caller (a share button, an attribution line). */
  readonly reserveBlocks?: number;
}

/** Fields the plain-text renderer hides as well: the record kind is noise in a chat answer. */
const HIDDEN_FIELDS = new Set(['Kind']);

/** One answer block as Slack blocks, and how many records (items) it shows. */
interface Group {
  readonly blocks: SlackBlock[];
  readonly items: number;
  readonly more?: { readonly count: number; readonly noun: string };
}

/** An answer laid out as blocks, before anything is cut to fit. */
interface Layout {
  readonly head: SlackBlock[];
  readonly body: Group[];
  readonly tailBlocks: SlackBlock[];
  /** Blocks the body may use: Slack's 50, less the header, the sources and the caller's reserve. */
  readonly budget: number;
}

function layout(answer: Answer, options: RenderOptions): Layout {
  const reserve = options.reserveBlocks ?? 0;
  const head: SlackBlock[] = answer.title.trim() === '' ? [] : [header(answer.title)];
  const groups = answer.blocks.map(renderBlock);
  const tail = groups.filter((_, index) => answer.blocks[index]?.type === 'sources');
  const body = groups.filter((_, index) => answer.blocks[index]?.type !== 'sources');
  const tailBlocks = tail.flatMap((group) => group.blocks);
  const budget = Math.max(1, SLACK_LIMITS.blocksPerMessage - reserve - head.length - tailBlocks.length);
  return { head, body, tailBlocks, budget };
}

/**
 * Header, one section per paragraph, an item as a section (linked title, People/When/Where fields, then its
 * text), suggestions and sources as context lines. When the blocks would pass Slack's 50, the tail is replaced
 * by "…and N more" and the sources line is kept; each text is cut to its own limit. Never throws on long input.
 */
export function renderAnswer(answer: Answer, options: RenderOptions = {}): SlackMessage {
  const { head, body, tailBlocks, budget } = layout(answer, options);
  return {
    text: escapeToFit(answer.text, SLACK_LIMITS.fallbackText),
    blocks: [...head, ...fitGroups(body, budget), ...tailBlocks],
  };
}

/**
 * Whether `answer` renders as one message with nothing cut for the block budget: the blocks before any
 * "…and N more" cut are within Slack's 50. `splitAnswer` uses it to split a long digest instead of cutting it.
 */
export function fitsOneMessage(answer: Answer, options: RenderOptions = {}): boolean {
  const { body, budget } = layout(answer, options);
  return body.reduce((sum, group) => sum + group.blocks.length, 0) <= budget;
}

/** Keeps groups in order while they fit; what does not fit becomes one "…and N more" line. */
function fitGroups(groups: readonly Group[], budget: number): SlackBlock[] {
  const total = groups.reduce((sum, group) => sum + group.blocks.length, 0);
  if (total <= budget) return groups.flatMap((group) => group.blocks);
  const kept: SlackBlock[] = [];
  let index = 0;
  for (; index < groups.length; index += 1) {
    const group = groups[index] as Group;
    if (kept.length + group.blocks.length > budget - 1) break;
    kept.push(...group.blocks);
  }
  const dropped = groups.slice(index);
  const items = dropped.reduce((sum, group) => sum + group.items, 0);
  const earlierMore = dropped.find((group) => group.more !== undefined)?.more;
  const line =
    items > 0
      ? `…and ${items + (earlierMore?.count ?? 0)} more ${earlierMore?.noun ?? (items === 1 ? 'result' : 'results')}.`
      : `…and ${dropped.length} more ${dropped.length === 1 ? 'part' : 'parts'}.`;
  return [...kept, context(line)];
}

function renderBlock(block: AnswerBlock): Group {
  switch (block.type) {
    case 'paragraph':
      return { blocks: isBlank(block.text) ? [] : [section(block.text)], items: 0 };
    case 'heading':
      return {
        blocks: isBlank(block.text)
          ? []
          : [mrkdwnSection(`*${escapeToFit(block.text, SLACK_LIMITS.sectionText - 2, escapeMrkdwn)}*`)],
        items: 0,
      };
    case 'item':
      return { blocks: renderItem(block.item), items: 1 };
    case 'bullets':
      return {
        blocks:
          block.items.length === 0 ? [] : [plainSection(fitLines(block.items.map((item) => `• ${item}`)))],
        items: 0,
      };
    case 'more':
      return {
        blocks: [context(`…and ${block.count} more ${block.noun}.`)],
        items: 0,
        more: { count: block.count, noun: block.noun },
      };
    case 'suggestions':
      return {
        blocks:
          block.items.length === 0
            ? []
            : [context(`Try: ${block.items.map((item) => `“${item}”`).join(', ')}`)],
        items: 0,
      };
    case 'sources':
      return { blocks: block.sources.length === 0 ? [] : [sourcesLine(block.sources)], items: 0 };
    default:
      return assertNever(block);
  }
}

/** A section with the (linked) title and up to 10 fields, then the item's text in its own section. */
function renderItem(item: AnswerItem): SlackBlock[] {
  const fields = item.fields.filter((field) => !HIDDEN_FIELDS.has(field.label));
  const max = SLACK_LIMITS.fieldsPerSection;
  const shown = fields.length > max ? fields.slice(0, max - 1) : fields;
  const fieldTexts = shown.map((field) => `${field.label}: ${field.value}`);
  if (fields.length > max) fieldTexts.push(`…and ${fields.length - shown.length} more`);
  const label = truncate(isBlank(item.title) ? 'Untitled' : item.title, 500);
  const linked = `*${mrkdwnLink(label, item.url)}*`;
  const title: types.SectionBlock = {
    type: 'section',
    // A title whose link would pass the limit is shown unlinked rather than cut mid-link.
    text: mrkdwn(linked.length <= SLACK_LIMITS.sectionText ? linked : `*${escapeMrkdwn(label)}*`),
    ...(fieldTexts.length === 0
      ? {}
      : { fields: fieldTexts.map((text) => plain(escapeToFit(text, SLACK_LIMITS.fieldText))) }),
  };
  return item.text === undefined || isBlank(item.text) ? [title] : [title, section(item.text)];
}

/** "Sources: A · B · C" with links, cut with "…and N more" before Slack's limit. */
function sourcesLine(sources: readonly { readonly title: string; readonly url?: string }[]): SlackBlock {
  const parts = sources.map((source) => mrkdwnLink(truncate(source.title, 300), source.url));
  const max = SLACK_LIMITS.contextText;
  let text = 'Sources: ';
  for (const [index, part] of parts.entries()) {
    const rest = parts.length - index;
    const candidate = `${text}${index === 0 ? '' : ' · '}${part}`;
    if (candidate.length > max - 24)
      return { type: 'context', elements: [mrkdwn(`${text} · …and ${rest} more`)] };
    text = candidate;
  }
  return { type: 'context', elements: [mrkdwn(text)] };
}

/** Lines joined by newlines, escaped; when too long, as many as fit and then "…and N more". */
export function fitLines(lines: readonly string[], max: number = SLACK_LIMITS.sectionText): string {
  const escaped = lines.map(escapeSlack);
  const whole = escaped.join('\n');
  if (whole.length <= max) return whole;
  const kept: string[] = [];
  let length = 0;
  for (const [index, line] of escaped.entries()) {
    const suffix = `\n…and ${escaped.length - index} more`;
    if (length + line.length + 1 + suffix.length > max) {
      if (kept.length === 0) return escapeToFit(lines[0] ?? '', max);
      return `${kept.join('\n')}${suffix}`;
    }
    kept.push(line);
    length += line.length + 1;
  }
  return kept.join('\n');
}

/** A header block; Slack allows only plain text there, at most 150 characters. */
export function header(text: string): SlackBlock {
  return { type: 'header', text: plain(escapeToFit(text, SLACK_LIMITS.headerText)) };
}

/** A section of escaped plain text, cut to Slack's 3,000 characters. */
export function section(text: string): SlackBlock {
  return plainSection(escapeToFit(text, SLACK_LIMITS.sectionText));
}

/** A context line of escaped plain text. */
export function context(text: string): SlackBlock {
  return { type: 'context', elements: [plain(escapeToFit(text, SLACK_LIMITS.contextText))] };
}

function plainSection(escaped: string): SlackBlock {
  return { type: 'section', text: plain(escaped) };
}

function mrkdwnSection(escaped: string): SlackBlock {
  return { type: 'section', text: mrkdwn(escaped) };
}

/** Plain text that is already escaped; emoji shortcodes stay as typed. */
export function plain(escaped: string): types.PlainTextElement {
  return { type: 'plain_text', text: escaped, emoji: false };
}

/** mrkdwn that is already escaped; `verbatim` stops Slack from linking bare names, channels and URLs. */
export function mrkdwn(escaped: string): types.MrkdwnElement {
  return { type: 'mrkdwn', text: escaped, verbatim: true };
}

function isBlank(text: string): boolean {
  return text.trim() === '';
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
