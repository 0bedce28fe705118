// Slack's Block Kit and message limits, in one table; the renderer truncates to these so a post never fails.

/**
 * Limits from Slack's Block Kit reference (messages, section, header, context, button, text object) and the
 * `chat.postMessage` docs. Counts are in characters of the text as sent, after escaping.
 */
export const SLACK_LIMITS = {
  /** Blocks in one message. */
  blocksPerMessage: 50,
  /** Blocks in a Home tab view. */
  homeBlocks: 100,
  /** A section's text. */
  sectionText: 3000,
  /** A header block's plain text. */
  headerText: 150,
  /** Fields in one section. */
  fieldsPerSection: 10,
  /** One field's text. */
  fieldText: 2000,
  /** Elements in one context block. */
  contextElements: 10,
  /** One context element's text (a text object holds at most 3,000). */
  contextText: 3000,
  /** A button's label. */
  buttonText: 75,
  /** A button's value, returned to us when it is clicked. */
  buttonValue: 2000,
  /** The top-level `text`: Slack truncates past 40,000 and advises keeping it under 4,000. */
  fallbackText: 4000,
} as const;

/** The name of one limit in the table. */
export type SlackLimit = keyof typeof SLACK_LIMITS;
