// Turns the text Slack sends (mentions, links, entities) into the plain question the engine reads.

/**
 * The question in a message or slash command: the bot's own mention removed; other mentions, channel links,
 * URLs and `<!here>`-style specials turned into readable words; Slack's `&amp;`, `&lt;`, `&gt;` decoded.
 * The result is only ever shown back to users escaped (see `escape.ts`), so nothing here can ping.
 */
export function questionFromSlackText(text: string, botUserId: string | undefined): string {
  return text
    .replace(/<([^<>]*)>/g, (_whole, inner: string) => readableToken(inner, botUserId))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** One `<…>` token: `@U123|name`, `#C123|general`, `!here`, `!subteam^S1|@team`, `https://x|label`. */
function readableToken(inner: string, botUserId: string | undefined): string {
  const bar = inner.indexOf('|');
  const target = bar === -1 ? inner : inner.slice(0, bar);
  const label = bar === -1 ? undefined : inner.slice(bar + 1);
  if (target.startsWith('@')) {
    if (botUserId !== undefined && target === `@${botUserId}`) return ' ';
    return label === undefined ? ' ' : ` ${label.replace(/^@/, '')} `;
  }
  if (target.startsWith('#')) return label === undefined ? ' ' : ` ${label} `;
  if (target.startsWith('!')) {
    // <!here>, <!channel>, <!everyone>, <!subteam^…|@team>, <!date^…|fallback>: keep words, drop the ping.
    const word = label ?? target.slice(1).split('^')[0] ?? '';
    return ` ${word.replace(/^@/, '')} `;
  }
  return label ?? target;
}

/** Decodes only Slack's three entities; for values Slack hands back, such as a button's value. */
export function decodeSlackEntities(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
