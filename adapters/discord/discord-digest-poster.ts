// Posts the daily digest on Discord: split to fit, each message sent once to a channel checked to take it.
import { randomBytes } from 'node:crypto';
import type { Client, GuildTextBasedChannel } from 'discord.js';
import type { Answer } from '../../src/index.ts';
import type { DigestPoster } from '../digest/digest-poster.ts';
import { splitAnswer } from '../shared/split-answer.ts';
import { starButtons } from './agenda-discord.ts';
import { missingPermissions, sendPermissions } from './channel-permissions.ts';
import { ChannelProblemError, classifyDiscordError } from './discord-errors.ts';
import { contentFitsOneMessage } from './render-content.ts';
import { fitsOneMessage } from './render-embeds.ts';
import { channelFormat, type ReplyFormat, renderReply } from './render-reply.ts';

/**
 * The digest poster of a logged-in client. The digest is split (never cut) for the format the channel shows:
 * embeds, or plain content where the bot lacks Embed Links; for a channel not in the cache, so that either fits.
 * Each message fetches its channel, checks the bot may send there, and goes out with no pings and a nonce
 * Discord enforces, so a retry after a lost answer returns the first message instead of posting a second.
 */
export function createDiscordDigestPoster(client: Client<true>): DigestPoster {
  return {
    platform: 'discord',
    messages(channelId, answer) {
      const format = cachedFormat(client, channelId);
      return splitAnswer(answer, (part) => fitsIn(format, part)).map((part) => {
        // One nonce per message, kept across the runner's retries of it (Discord allows 25 characters).
        const nonce = randomBytes(12).toString('base64url');
        return async () => {
          const channel = await sendableChannel(client, channelId);
          const message = await channel.send({
            ...renderReply(part, channelFormat(channel, client.user)),
            components: starButtons(part),
            allowedMentions: { parse: [] },
            nonce,
            enforceNonce: true,
          });
          return message.id;
        };
      });
    },
    classify: classifyDiscordError,
  };
}

/** Whether one message holds the part whole, in the format given, or in both when the format is not known yet. */
function fitsIn(format: ReplyFormat | undefined, part: Answer): boolean {
  if (format === 'embeds') return fitsOneMessage(part);
  if (format === 'content') return contentFitsOneMessage(part);
  return fitsOneMessage(part) && contentFitsOneMessage(part);
}

/** The format a cached server text channel shows; undefined when the channel is not in the cache. */
function cachedFormat(client: Client<true>, channelId: string): ReplyFormat | undefined {
  const channel = client.channels.cache.get(channelId);
  if (channel === undefined || !channel.isTextBased() || channel.isDMBased()) return undefined;
  return channelFormat(channel, client.user);
}

/**
 * The channel, fetched through the client (from its cache when it is there), if it is a server text channel where
 * the bot may view and send; otherwise a `ChannelProblemError` that says what to fix. Discord's own refusals
 * (404 Unknown Channel, 403 Missing Access) come through as `DiscordAPIError`.
 */
async function sendableChannel(client: Client<true>, channelId: string): Promise<GuildTextBasedChannel> {
  const channel = await client.channels.fetch(channelId);
  if (channel === null) throw new ChannelProblemError({ kind: 'unknown-channel' });
  if (!channel.isTextBased() || channel.isDMBased())
    throw new ChannelProblemError({ kind: 'not-a-text-channel' });
  const permissions = channel.permissionsFor(client.user);
  // Without the bot's member in the cache the permissions are unknown; Discord's answer will say.
  const missing =
    permissions === null ? [] : missingPermissions(permissions, sendPermissions(channel.isThread()));
  if (missing.length > 0) throw new ChannelProblemError({ kind: 'missing-permissions', missing });
  return channel;
}
