// Builds the discord.js client: the intents Hallway needs, DM partials, no pings, and REST options tests can point.
import { Client, GatewayIntentBits, Partials, type RESTOptions } from 'discord.js';

/** What the client is built from. */
export interface DiscordClientOptions {
  /** DISCORD_MENTIONS: also receive server messages, with the privileged Message Content intent. */
  readonly mentions: boolean;
  /** Overrides for the REST client, such as `{ api: 'http://127.0.0.1:PORT/api', retries: 0 }` in tests. */
  readonly rest?: Partial<RESTOptions>;
}

/**
 * Guilds (servers and their channels, so permissions and replies resolve) and DirectMessages (not privileged: Discord
 * sends the text of DMs to the bot without Message Content) always; with mentions, GuildMessages and the privileged
 * MessageContent as well. Slash commands need no intent at all.
 */
export function discordIntents(mentions: boolean): GatewayIntentBits[] {
  const intents = [GatewayIntentBits.Guilds, GatewayIntentBits.DirectMessages];
  if (mentions) intents.push(GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent);
  return intents;
}

/**
 * A client that never pings anyone (`allowedMentions: { parse: [] }`, whatever a reply contains), receives DMs
 * (`Partials.Channel`: DM channels are not cached, and without the partial discord.js drops their messages), and
 * replies without a reference rather than failing when the question was deleted meanwhile.
 */
export function createDiscordClient(options: DiscordClientOptions): Client {
  return new Client({
    intents: discordIntents(options.mentions),
    partials: [Partials.Channel],
    allowedMentions: { parse: [] },
    failIfNotExists: false,
    ...(options.rest === undefined ? {} : { rest: options.rest }),
  });
}
