// Makes data and user text inert in Slack: no pings, no forged links, no forged formatting.
import { graphemes } from '../../src/index.ts';

/**
 * Escapes Slack's three control characters (`&`, `<`, `>`) as Slack documents. After this, `<!channel>`,
 * `<!here>`, `<@U123>` and `<https://evil|label>` are shown as typed and never parsed. Applied to every text
 * object Hallway sends, plain_text included, and to fallback text.
 */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * For the few places data must go inside mrkdwn (a linked title, linked sources): Slack has no escape for
 * `*`, `_`, `~` and `` ` ``, so they are swapped for look-alike characters that do not format (the approach
 * jsx-slack documents for link labels). Also escapes `&`, `<` and `>`.
 */
export function escapeMrkdwn(text: string): string {
  return swapFormatting(escapeSlack(text));
}

/** Swaps mrkdwn's formatting characters (`*`, `_`, `~`, `` ` ``) for look-alikes that do not format. */
export function swapFormatting(text: string): string {
  return text
    .replace(/\*/g, '\u2217')
    .replace(/_/g, '\u02cd')
    .replace(/~/g, '\u223c')
    .replace(/`/g, '\u02cb');
}

/**
 * A URL safe to put in `<url|label>`: only http(s), and the characters that would end or split the link
 * (`<`, `>`, `|`, spaces) percent-encoded. Anything else gives undefined, and the title is shown unlinked.
 */
export function safeUrl(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  return parsed.href.replace(/[<>| ]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Longer URLs are shown unlinked: a link must fit in one text object with its label. */
const MAX_LINK_URL = 1000;

/** `<url|label>` with the label made inert, or just the inert label when the URL is unusable or too long. */
export function mrkdwnLink(label: string, url: string | undefined): string {
  const href = safeUrl(url);
  const text = escapeMrkdwn(label);
  if (href === undefined || href.length > MAX_LINK_URL) return text;
  return `<${href.replace(/&/g, '&amp;')}|${text}>`;
}

/**
 * Escapes `text` and shortens it so the escaped result has at most `max` characters, ending in "…" when cut.
 * Cuts only between graphemes of the original, so neither an entity such as `&amp;` nor an emoji is split.
 */
export function escapeToFit(
  text: string,
  max: number,
  escaper: (text: string) => string = escapeSlack,
): string {
  const whole = escaper(text);
  if (whole.length <= max) return whole;
  let out = '';
  // Escaping never shortens text, so no more than `max` code units of it (and a few to judge the last) can fit.
  for (const grapheme of graphemes(text.slice(0, max + 16))) {
    const next = escaper(grapheme);
    if (out.length + next.length + 1 > max) break;
    out += next;
  }
  return `${out.trimEnd()}…`;
}
