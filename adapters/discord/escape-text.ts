// Makes text from the data or from users inert in Discord markdown: no formatting, links, mentions or headings.
import { escapeMarkdown } from 'discord.js';

/**
 * Escapes `text` for a Discord field that renders markdown (message content, embed title, description, field name
 * and value). Bold, italics, code, spoilers, headings, lists and quotes are escaped; every `[` is escaped so no masked
 * link can be forged (discord.js `escapeMaskedLink` only escapes the first link on a line); every `<` is escaped so
 * `<@id>`, `<@&id>`, `<#id>`, `</command:id>` and `<t:…>` show as typed; `@everyone` and `@here` get a zero-width
 * space so they can neither ping nor highlight.
 */
export function escapeDiscordText(text: string): string {
  return escapeMarkdown(text, { heading: true, bulletedList: true, numberedList: true })
    .replaceAll('[', '\\[')
    .replaceAll('<', '\\<')
    .replace(/^(\s*)>/gm, '$1\\>')
    .replace(/^(\s*)-#/gm, '$1\\-#')
    .replace(/@(everyone|here)/gi, '@\u200b$1');
}

/** Plain-text fields (footer, author name) show markdown as typed; only the mass mentions are broken up. */
export function inertPlainText(text: string): string {
  return text.replace(/@(everyone|here)/gi, '@\u200b$1');
}

/** An http(s) URL Discord will accept as an embed or link target, or undefined. */
export function safeUrl(url: string | undefined, maxLength: number): string | undefined {
  if (url === undefined || !URL.canParse(url)) return undefined;
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  return parsed.href.length <= maxLength ? parsed.href : undefined;
}
