// Renders an answer as one message's markdown content (≤ 2,000 characters), for channels where embeds are not shown.
import { type Answer, type AnswerBlock, assertNever, type SourceLink } from '../../src/index.ts';
import { escapeDiscordText, safeUrl } from './escape-text.ts';
import { fitPieces, join, moreLine, type Piece, truncate } from './fit-text.ts';
import { DISCORD_LIMITS } from './limits.ts';

/** Room kept for the sources line, so a long answer is cut before its sources are. */
const SOURCES_ROOM = 400;

/**
 * The answer as message content: the title in bold, then each block; items as a bold title, their fields on one line,
 * their text and their link (in angle brackets, so Discord shows no preview). Cut to Discord's 2,000 characters by
 * whole blocks, bullets and items, with "…and N more"; the sources line is kept. Data and question text are escaped.
 */
export function renderContent(answer: Answer): string {
  return layoutContent(answer).text;
}

/** True when the answer goes out as one message's content with nothing cut (2,000 characters, sources whole). */
export function contentFitsOneMessage(answer: Answer): boolean {
  return layoutContent(answer).complete;
}

function layoutContent(answer: Answer): { text: string; complete: boolean } {
  const max = DISCORD_LIMITS.messageContent;
  const sources = answer.blocks.flatMap((block) => (block.type === 'sources' ? block.sources : []));
  const allSources = sources.length === 0 ? '' : renderSources(sources);
  const sourcesLine = truncate(allSources, SOURCES_ROOM);
  const pieces: Piece[] = [
    { text: `**${escapeDiscordText(answer.title)}**`, separator: '', counts: 0 },
    ...answer.blocks.flatMap(toPieces),
  ];
  const room = max - (sourcesLine === '' ? 0 : sourcesLine.length + 2);
  const body = fitPieces(pieces, room).text;
  const whole = sourcesLine === '' ? body : `${body}\n\n${sourcesLine}`;
  const text = truncate(whole, max);
  return { text, complete: text === whole && body === join(pieces) && sourcesLine === allSources };
}

function toPieces(block: AnswerBlock): Piece[] {
  switch (block.type) {
    case 'paragraph':
      return [{ text: escapeDiscordText(block.text), separator: '\n\n', counts: 0 }];
    case 'heading':
      return [{ text: `**${escapeDiscordText(block.text)}**`, separator: '\n\n', counts: 0 }];
    case 'bullets':
      return block.items.map((item, index) => ({
        text: `• ${escapeDiscordText(item)}`,
        separator: index === 0 ? '\n\n' : '\n',
        counts: 1,
      }));
    case 'item': {
      const { item } = block;
      const lines = [`**${escapeDiscordText(item.title)}**`];
      const fields = item.fields.filter((field) => field.label !== 'Kind');
      if (fields.length > 0)
        lines.push(
          fields.map((f) => `${escapeDiscordText(f.label)}: ${escapeDiscordText(f.value)}`).join(' · '),
        );
      if (item.text !== undefined) lines.push(escapeDiscordText(item.text));
      const url = safeUrl(item.url, DISCORD_LIMITS.embedUrl);
      if (url !== undefined) lines.push(`<${url}>`);
      return [{ text: lines.join('\n'), separator: '\n\n', counts: 1 }];
    }
    case 'more':
      return [{ text: moreLine(block.count, block.noun), separator: '\n\n', counts: block.count }];
    case 'suggestions':
      return [
        {
          text: `Try: ${block.items.map((item) => `“${escapeDiscordText(item)}”`).join(', ')}`,
          separator: '\n\n',
          counts: 0,
        },
      ];
    case 'sources':
      return [];
    default:
      return assertNever(block);
  }
}

function renderSources(sources: readonly SourceLink[]): string {
  const links = sources.map((source) => {
    const url = safeUrl(source.url, DISCORD_LIMITS.embedUrl);
    return url === undefined
      ? escapeDiscordText(source.title)
      : `${escapeDiscordText(source.title)} <${url}>`;
  });
  return `Sources: ${links.join('; ')}`;
}
