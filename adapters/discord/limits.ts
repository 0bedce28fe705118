// Discord's size limits, in one table: the renderers and autocomplete cut to these, so Discord never rejects a reply.

/**
 * Limits from Discord's API reference (message, embed, and autocomplete objects). Lengths are in UTF-16 code units,
 * which is how Discord counts them and how JavaScript measures strings.
 */
export const DISCORD_LIMITS = {
  /** `content` of one message. */
  messageContent: 2000,
  /** Embeds in one message. */
  embedsPerMessage: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  embedFieldName: 256,
  embedFieldValue: 1024,
  embedFooterText: 2048,
  embedAuthorName: 256,
  /** Title, description, field names and values, footer text and author name of every embed in a message together. */
  embedTotal: 6000,
  /** An embed's `url`. */
  embedUrl: 2048,
  autocompleteChoices: 25,
  autocompleteChoiceName: 100,
  autocompleteChoiceValue: 100,
  /** A string option's `max_length` can be at most this. */
  stringOptionLength: 6000,
  /** Discord waits this long for the first response to an interaction. */
  interactionResponseMs: 3000,
} as const;

/** The type of the limits table. */
export type DiscordLimits = typeof DISCORD_LIMITS;
