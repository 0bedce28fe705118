// The subscription commands both platforms offer ("digest here", "off", "list"), worded once. Changing them is
// for admins only; every use, allowed or refused, is logged.
import type { Logger } from '../shared/logger.ts';
import type { Platform } from '../shared/platforms.ts';
import type { DigestRecords } from '../store/store.ts';
import type { DigestSchedule } from './digest-scheduler.ts';

export type SubscriptionCommand = 'subscribe' | 'unsubscribe' | 'list';

/** Who asked, and where; the platform adapter decides `isAdmin` from its own roles and `HALLWAY_ADMINS`. */
export interface CommandContext {
  readonly platform: Platform;
  readonly channelId: string;
  readonly workspaceId?: string;
  readonly userId: string;
  readonly isAdmin: boolean;
  /** Who may change subscriptions on this platform, for the refusal: "workspace admins". */
  readonly admins: string;
  /** How the platform writes a link to a channel: `<#C0123>`. */
  readonly mentionChannel: (channelId: string) => string;
  /** How to ask for the command again: "/hallway digest here". */
  readonly commandFor: (command: SubscriptionCommand) => string;
}

/** A short reply, seen only by the person who asked. */
export interface CommandReply {
  readonly text: string;
  readonly refused: boolean;
}

export interface DigestSubscriptionsOptions {
  readonly store: DigestRecords;
  readonly schedule: DigestSchedule;
  /** When the next digest goes out, in words ("Thu 26 Mar, 08:00 CET"), if one is scheduled. */
  readonly nextPost: () => string | undefined;
  readonly clock: () => number;
  readonly logger: Logger;
}

/** Runs one subscription command. Never throws for a user's input; a store failure propagates to the adapter. */
export async function runSubscriptionCommand(
  options: DigestSubscriptionsOptions,
  command: SubscriptionCommand,
  context: CommandContext,
): Promise<CommandReply> {
  const { store, logger } = options;
  const where = context.mentionChannel(context.channelId);
  const audit = { platform: context.platform, user: context.userId, channel: context.channelId, command };
  if (command !== 'list' && !context.isAdmin) {
    logger.warn({ ...audit, allowed: false }, 'digest subscription change refused: not an admin');
    return {
      refused: true,
      text: `Sorry, only ${context.admins} can change where the daily digest goes. Ask one of them to run ${context.commandFor(command)} in ${where}.`,
    };
  }
  if (command !== 'list') logger.info({ ...audit, allowed: true }, 'digest subscription changed by an admin');
  const fromEnv = options.schedule.defaultChannels.some(
    (channel) => channel.platform === context.platform && channel.channelId === context.channelId,
  );
  const next = options.nextPost();
  const when =
    next === undefined ? 'No digest is scheduled at the moment.' : `The next one goes out ${next}.`;
  switch (command) {
    case 'subscribe': {
      const added = await store.subscribe({
        platform: context.platform,
        channelId: context.channelId,
        createdBy: context.userId,
        createdAt: options.clock(),
        ...(context.workspaceId === undefined ? {} : { workspaceId: context.workspaceId }),
      });
      return {
        refused: false,
        text: added
          ? `${where} will get the daily digest. ${when}`
          : `${where} already gets the daily digest. ${when}`,
      };
    }
    case 'unsubscribe': {
      const removed = await store.unsubscribe(context.platform, context.channelId);
      if (fromEnv) {
        return {
          refused: false,
          text: `${where} gets the digest from Hallway's configuration (HALLWAY_DIGEST_${context.platform.toUpperCase()}_CHANNELS); ask whoever runs Hallway to remove it there.`,
        };
      }
      return {
        refused: false,
        text: removed
          ? `${where} will no longer get the daily digest.`
          : `${where} was not getting the daily digest. ${context.commandFor('subscribe')} starts it.`,
      };
    }
    case 'list': {
      const subscribed = (await store.subscriptions(context.platform, context.workspaceId)).map(
        (s) => s.channelId,
      );
      const configured = options.schedule.defaultChannels
        .filter((channel) => channel.platform === context.platform)
        .map((channel) => channel.channelId);
      const lines = [
        ...subscribed.filter((id) => !configured.includes(id)).map((id) => `• ${context.mentionChannel(id)}`),
        ...configured.map((id) => `• ${context.mentionChannel(id)} (from Hallway's configuration)`),
      ];
      if (lines.length === 0) {
        return {
          refused: false,
          text: `No channel gets the daily digest yet. An admin can run ${context.commandFor('subscribe')} in a channel to start it.`,
        };
      }
      return { refused: false, text: `The daily digest goes to:\n${lines.join('\n')}\n${when}` };
    }
  }
}
