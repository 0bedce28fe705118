// Renders an answer's blocks as plain text: the console, the CLI, and every platform's fallback text.
import { assertNever } from '../engine/intent.ts';
import type { AnswerBlock } from './answer.ts';

/** Plain text, one blank line between blocks; items are indented bullets with their fields. */
export function renderPlainText(blocks: readonly AnswerBlock[]): string {
  return blocks
    .map(renderBlock)
    .filter((text) => text.length > 0)
    .join('\n\n');
}

function renderBlock(block: AnswerBlock): string {
  switch (block.type) {
    case 'paragraph':
      return block.text;
    case 'heading':
      return `== ${block.text} ==`;
    case 'item': {
      const { item } = block;
      const lines = [`• ${item.title}`];
      const fields = item.fields.filter((field) => field.label !== 'Kind');
      if (fields.length > 0)
        lines.push(`  ${fields.map((field) => `${field.label}: ${field.value}`).join(' · ')}`);
      if (item.text !== undefined) lines.push(`  ${item.text}`);
      if (item.url !== undefined) lines.push(`  ${item.url}`);
      return lines.join('\n');
    }
    case 'bullets':
      return block.items.map((item) => `• ${item}`).join('\n');
    case 'more':
      return `…and ${block.count} more ${block.noun}.`;
    case 'suggestions':
      return `Try: ${block.items.map((item) => `“${item}”`).join(', ')}`;
    case 'sources':
      return `Sources: ${block.sources.map((source) => (source.url === undefined ? source.title : `${source.title} <${source.url}>`)).join('; ')}`;
    default:
      return assertNever(block);
  }
}
