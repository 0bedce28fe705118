// Gateway payloads as Discord sends them: messages in a server channel or a DM, slash commands, autocomplete.
import {
  ADA,
  APPLICATION_ID,
  BOT_USER,
  CHANNEL_ID,
  DM_CHANNEL_ID,
  FULL_PERMISSIONS,
  GUILD_ID,
  nextId,
} from './fake-discord-world.ts';

type User = { readonly id: string; readonly username: string; readonly bot?: boolean };

const MEMBER = { roles: [], joined_at: '2026-03-01T00:00:00.000Z', deaf: false, mute: false, flags: 0 };

export interface MessageOptions {
  readonly author?: User;
  /** Users the message mentions (Discord lists them beside the content). */
  readonly mentions?: readonly User[];
  readonly mentionRoles?: readonly string[];
  readonly mentionEveryone?: boolean;
  readonly dm?: boolean;
  readonly id?: string;
}

/** A MESSAGE_CREATE in the guild channel, or in a DM with `dm: true`. */
export function messageCreate(content: string, options: MessageOptions = {}) {
  const author = options.author ?? ADA;
  return {
    id: options.id ?? nextId(),
    channel_id: options.dm === true ? DM_CHANNEL_ID : CHANNEL_ID,
    ...(options.dm === true ? { channel_type: 1 } : { guild_id: GUILD_ID, member: MEMBER }),
    author,
    content,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: options.mentionEveryone ?? false,
    mentions: (options.mentions ?? []).map((user) => ({ ...user, discriminator: '0', avatar: null })),
    mention_roles: options.mentionRoles ?? [],
    attachments: [],
    embeds: [],
    pinned: false,
    type: 0,
    flags: 0,
    components: [],
  };
}

/** `<@id>`, as a client writes a mention of the bot into the content. */
export const MENTION = `<@${BOT_USER.id}>`;

export interface CommandOptions {
  readonly dm?: boolean;
  readonly id?: string;
  readonly token?: string;
  /** Who runs the command; Ada by default. */
  readonly user?: User;
  /** The member's permissions in the channel, as Discord computes them; FULL_PERMISSIONS (no Manage Server) by default. */
  readonly memberPermissions?: string;
  /** The channel the command is run in; the guild's first text channel by default. */
  readonly channelId?: string;
  /** Hallway's own permissions in that channel, as Discord sends them; FULL_PERMISSIONS by default. */
  readonly appPermissions?: string;
}

type OptionValue = { readonly name: string; readonly value: string; readonly focused?: boolean };
/** A subcommand (type 1) without options of its own, such as /digest subscribe. */
type SubcommandValue = { readonly subcommand: string };

/** Manage Server (0x20) on top of the usual permissions: a server admin for Hallway. */
export const MANAGE_SERVER_PERMISSIONS = (BigInt(FULL_PERMISSIONS) | 32n).toString();

/** An INTERACTION_CREATE for a slash command (type 2) or its autocomplete (type 4). */
export function interactionCreate(
  kind: 'command' | 'autocomplete',
  name: string,
  options: readonly (OptionValue | SubcommandValue)[],
  extra: CommandOptions = {},
) {
  const id = extra.id ?? nextId();
  const user = { discriminator: '0', avatar: null, ...(extra.user ?? ADA) };
  const channelId = extra.channelId ?? CHANNEL_ID;
  const where =
    extra.dm === true
      ? {
          channel_id: DM_CHANNEL_ID,
          channel: { id: DM_CHANNEL_ID, type: 1, recipients: [user] },
          user,
          context: 1,
        }
      : {
          guild_id: GUILD_ID,
          channel_id: channelId,
          channel: {
            id: channelId,
            type: 0,
            guild_id: GUILD_ID,
            name: 'hallway',
            permissions: FULL_PERMISSIONS,
          },
          member: { ...MEMBER, user, permissions: extra.memberPermissions ?? FULL_PERMISSIONS },
          guild_locale: 'en-US',
          context: 0,
        };
  return {
    id,
    application_id: APPLICATION_ID,
    type: kind === 'command' ? 2 : 4,
    token: extra.token ?? `itoken-${id}`,
    version: 1,
    locale: 'en-GB',
    app_permissions: extra.appPermissions ?? FULL_PERMISSIONS,
    entitlements: [],
    authorizing_integration_owners: { '0': GUILD_ID },
    attachment_size_limit: 10_485_760,
    data: {
      id: `cmd-${name}`,
      name,
      type: 1,
      options: options.map((option) =>
        'subcommand' in option ? { type: 1, name: option.subcommand } : { type: 3, ...option },
      ),
    },
    ...where,
  };
}
