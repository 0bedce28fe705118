// Builds the discord.js client: the intents Hallway needs, DM partials, no pings, and REST options tests can point.
import {
  Client,
  type ClientOptions,
  GatewayIntentBits,
  Partials,
  type RESTOptions,
  type WebSocketOptions,
} from 'discord.js';
import type { DiscordShards } from './config.ts';
import { restOptions } from './rest-policy.ts';

/** What the client is built from. */
export interface DiscordClientOptions {
  /** DISCORD_MENTIONS: also receive server messages, with the privileged Message Content intent. */
  readonly mentions: boolean;
  /** Overrides of Hallway's REST policy (`rest-policy.ts`), such as `{ api: 'http://127.0.0.1:PORT/api' }` in tests. */
  readonly rest?: Partial<RESTOptions>;
  /** Gateway options, such as an identify throttler for a loopback fake that has no 5-second identify limit. */
  readonly ws?: WebSocketOptions;
  /** Which gateway shards to run (DISCORD_SHARDS); one when unset. */
  readonly shards?: DiscordShards;
}

/** discord.js's shard options for `shards`. */
export function shardOptions(
  shards: DiscordShards | undefined,
): Pick<ClientOptions, 'shards' | 'shardCount'> {
  if (shards === undefined) return {};
  return shards.kind === 'auto' ? { shards: 'auto' } : { shards: [...shards.ids], shardCount: shards.count };
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
 * (`Partials.Channel`: DM channels are not cached, and without the partial discord.js drops their messages),
 * replies without a reference rather than failing when the question was deleted meanwhile, and sends every
 * message with an enforced nonce, so the REST client's retry after a 5xx cannot post it twice.
 */
export function createDiscordClient(options: DiscordClientOptions): Client {
  return new Client({
    intents: discordIntents(options.mentions),
    partials: [Partials.Channel],
    allowedMentions: { parse: [] },
    failIfNotExists: false,
    enforceNonce: true,
    rest: restOptions(options.rest),
    ...shardOptions(options.shards),
    ...(options.ws === undefined ? {} : { ws: options.ws }),
  });
}
