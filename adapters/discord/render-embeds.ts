// Renders an answer as Discord embeds: a lead card, one card per item, sources in the footer, inside every limit.
import type { APIEmbed, APIEmbedField } from 'discord.js';
import { type Answer, type AnswerBlock, type AnswerItem, assertNever } from '../../src/index.ts';
import { escapeDiscordText, inertPlainText, safeUrl } from './escape-text.ts';
import { fitPieces, join, MORE_LINE_ROOM, moreLine, type Piece, truncate } from './fit-text.ts';
import { DISCORD_LIMITS } from './limits.ts';

/** Embed colours: answered, and "nothing found". */
export const EMBED_COLORS = { answered: 0x2f7fd8, notFound: 0x8a8f98 } as const;

/** Item fields the chat renderers leave out, as the plain-text renderer does. */
const HIDDEN_FIELDS = new Set(['Kind']);

/** A run of prose (paragraphs, headings, bullets…) or one item, before limits are applied. */
type Card =
  | { readonly kind: 'text'; readonly pieces: Piece[] }
  | { readonly kind: 'item'; readonly item: AnswerItem; readonly after: Piece[] };

/** Whether anything was cut while laying out an answer: a card, a truncated string, a dropped field. */
interface Cuts {
  complete: boolean;
}

/** `truncate`, noting in `cuts` when it had to cut the text. */
function shorten(text: string, max: number, cuts: Cuts): string {
  const fitted = truncate(text, max);
  if (fitted !== text) cuts.complete = false;
  return fitted;
}

/**
 * One to ten embeds for an answer. The first carries the answer's title (linked to its first source); each item gets
 * its own embed (title linked to the item, its text, and People/When/Where as inline fields); the sources are the last
 * embed's footer. Whatever does not fit Discord's limits is cut and counted in an "…and N more" line, so Discord never
 * rejects the reply. Every string from the data or the question is escaped.
 */
export function renderEmbeds(answer: Answer): APIEmbed[] {
  return layoutEmbeds(answer).embeds;
}

/**
 * True when the answer goes out as one message of embeds with nothing cut: at most 10 embeds and 6,000 characters,
 * no card dropped, no title, text or field shortened. `splitAnswer` uses it to split a digest instead of cutting it.
 */
export function fitsOneMessage(answer: Answer): boolean {
  return layoutEmbeds(answer).complete;
}

function layoutEmbeds(answer: Answer): { embeds: APIEmbed[]; complete: boolean } {
  const L = DISCORD_LIMITS;
  const cuts: Cuts = { complete: true };
  const sources = answer.blocks.flatMap((block) => (block.type === 'sources' ? block.sources : []));
  const footerText =
    sources.length === 0
      ? undefined
      : shorten(
          inertPlainText(`Sources: ${sources.map((s) => s.title).join(' · ')}`),
          L.embedFooterText,
          cuts,
        );
  const color = answer.answered ? EMBED_COLORS.answered : EMBED_COLORS.notFound;
  const cards = toCards(answer.blocks);

  const embeds: APIEmbed[] = [];
  let budget = L.embedTotal - (footerText?.length ?? 0) - MORE_LINE_ROOM;
  let cutAt = cards.length;
  for (const [index, card] of cards.entries()) {
    if (embeds.length === L.embedsPerMessage) {
      cutAt = index;
      break;
    }
    const embed =
      card.kind === 'text'
        ? textEmbed(card.pieces, index === 0 ? answer.title : undefined, budget, cuts)
        : itemEmbed(card, budget, cuts);
    if (embed === undefined) {
      cutAt = index;
      break;
    }
    if (index === 0) {
      const link = safeUrl(sources.find((source) => source.url !== undefined)?.url, L.embedUrl);
      if (card.kind === 'text' && link !== undefined && embed.title !== undefined) embed.url = link;
      if (card.kind === 'item')
        embed.author = { name: shorten(inertPlainText(answer.title), L.embedAuthorName, cuts) };
    }
    embeds.push({ color, ...embed });
    budget -= embedLength(embed);
  }

  if (embeds.length === 0)
    embeds.push({ color, title: shorten(escapeDiscordText(answer.title), L.embedTitle, cuts) });
  const dropped = cards.slice(cutAt).reduce((sum, card) => sum + cardCount(card), 0);
  const last = embeds[embeds.length - 1] as APIEmbed;
  if (cutAt < cards.length) {
    cuts.complete = false;
    const line = dropped > 0 ? moreLine(dropped) : '…';
    last.description = last.description === undefined ? line : `${last.description}\n\n${line}`;
  }
  if (footerText !== undefined) last.footer = { text: footerText };
  return { embeds, complete: cuts.complete };
}

/** The characters Discord counts towards the 6,000 shared by a message's embeds. */
export function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0)
  );
}

function toCards(blocks: readonly AnswerBlock[]): Card[] {
  const cards: Card[] = [];
  const addPiece = (piece: Piece) => {
    const last = cards[cards.length - 1];
    if (last?.kind === 'text') last.pieces.push(piece);
    else cards.push({ kind: 'text', pieces: [piece] });
  };
  for (const block of blocks) {
    switch (block.type) {
      case 'paragraph':
        addPiece({ text: escapeDiscordText(block.text), separator: '\n\n', counts: 0 });
        break;
      case 'heading':
        addPiece({ text: `**${escapeDiscordText(block.text)}**`, separator: '\n\n', counts: 0 });
        break;
      case 'bullets':
        block.items.forEach((item, index) => {
          addPiece({
            text: `• ${escapeDiscordText(item)}`,
            separator: index === 0 ? '\n\n' : '\n',
            counts: 1,
          });
        });
        break;
      case 'suggestions':
        addPiece({
          text: `Try: ${block.items.map((item) => `“${escapeDiscordText(item)}”`).join(', ')}`,
          separator: '\n\n',
          counts: 0,
        });
        break;
      case 'more': {
        const piece = { text: moreLine(block.count, block.noun), separator: '\n\n', counts: block.count };
        const last = cards[cards.length - 1];
        if (last?.kind === 'item') last.after.push(piece);
        else addPiece(piece);
        break;
      }
      case 'item':
        cards.push({ kind: 'item', item: block.item, after: [] });
        break;
      case 'sources':
        break;
      default:
        assertNever(block);
    }
  }
  return cards;
}

/** How many results a card stands for, for "…and N more" when it is cut. */
function cardCount(card: Card): number {
  const pieces = card.kind === 'text' ? card.pieces : card.after;
  return (card.kind === 'item' ? 1 : 0) + pieces.reduce((sum, piece) => sum + piece.counts, 0);
}

function textEmbed(
  pieces: readonly Piece[],
  title: string | undefined,
  budget: number,
  cuts: Cuts,
): APIEmbed | undefined {
  const L = DISCORD_LIMITS;
  const embed: APIEmbed = {};
  if (title !== undefined) embed.title = shorten(escapeDiscordText(title), L.embedTitle, cuts);
  const room = Math.min(L.embedDescription - MORE_LINE_ROOM, budget - (embed.title?.length ?? 0));
  if (room < MORE_LINE_ROOM + 20) return undefined;
  const description = fitPieces(pieces, room).text;
  if (description !== join(pieces)) cuts.complete = false;
  if (description.length > 0) embed.description = description;
  return embed;
}

function itemEmbed(card: Extract<Card, { kind: 'item' }>, budget: number, cuts: Cuts): APIEmbed | undefined {
  const L = DISCORD_LIMITS;
  const { item } = card;
  const shown = item.fields.filter(
    (field) => !HIDDEN_FIELDS.has(field.label) && field.label.trim() !== '' && field.value.trim() !== '',
  );
  if (shown.length > L.embedFields) cuts.complete = false;
  const fields: APIEmbedField[] = shown.slice(0, L.embedFields).map((field) => ({
    name: shorten(escapeDiscordText(field.label), L.embedFieldName, cuts),
    value: shorten(escapeDiscordText(field.value), L.embedFieldValue, cuts),
    inline: true,
  }));
  const full: APIEmbed = { title: shorten(escapeDiscordText(item.title), L.embedTitle, cuts) };
  const url = safeUrl(item.url, L.embedUrl);
  if (url !== undefined) full.url = url;
  if (fields.length > 0) full.fields = fields;
  const after = join(card.after);
  const compact: APIEmbed = after === '' ? { ...full } : { ...full, description: after };
  const pieces: Piece[] = [
    ...(item.text === undefined ? [] : [{ text: escapeDiscordText(item.text), separator: '', counts: 0 }]),
    ...card.after,
  ];
  const room = Math.min(L.embedDescription - MORE_LINE_ROOM, budget - embedLength(full));
  if (pieces.length > 0 && room > MORE_LINE_ROOM + 20) full.description = fitPieces(pieces, room).text;
  if (full.description !== (pieces.length === 0 ? undefined : join(pieces))) cuts.complete = false;
  if (embedLength(full) <= budget) return full;
  // Without its text the item may still fit; its People/When/Where matter most.
  cuts.complete = false;
  return embedLength(compact) <= budget ? compact : undefined;
}
