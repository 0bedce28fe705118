// The world the Discord fake serves: its ids, users, permissions, channels and roles, and fresh snowflakes.
import { FAKE_DISCORD_TOKEN } from '../helpers/fake-credentials.ts';

export const TOKEN = FAKE_DISCORD_TOKEN;
export const APPLICATION_ID = '100000000000000001';
export const GUILD_ID = '200000000000000001';
export const CHANNEL_ID = '300000000000000001';
/** A second text channel in the guild, for digests to several channels. */
export const SECOND_CHANNEL_ID = '300000000000000002';
/** A text channel where @everyone (and so the bot) may read but not send. */
export const READ_ONLY_CHANNEL_ID = '300000000000000003';
/** A category: a guild channel nobody can send messages in. */
export const CATEGORY_ID = '300000000000000004';
/** A channel of another server: Discord answers 403 Missing Access. */
export const FOREIGN_CHANNEL_ID = '300000000000000008';
export const DM_CHANNEL_ID = '300000000000000009';
export const BOT_ROLE_ID = '500000000000000001';

/** The bot's own user, as READY announces it. */
export const BOT_USER = {
  id: APPLICATION_ID,
  username: 'Hallway',
  discriminator: '0',
  global_name: null,
  avatar: null,
  bot: true,
} as const;

/** A person asking questions. */
export const ADA = {
  id: '400000000000000001',
  username: 'ada',
  discriminator: '0',
  global_name: 'Ada',
  avatar: null,
} as const;

/** Another bot in the same guild; Hallway must not answer it. */
export const OTHER_BOT = {
  id: '400000000000000002',
  username: 'otherbot',
  discriminator: '0',
  global_name: null,
  avatar: null,
  bot: true,
} as const;

/** View Channel, Send Messages, Embed Links, Read Message History. */
export const FULL_PERMISSIONS = (1024n + 2048n + 16384n + 65536n).toString();
/** The same without Embed Links. */
export const NO_EMBED_PERMISSIONS = (1024n + 2048n + 65536n).toString();

let snowflake = 700000000000000000n;
/** A fresh, increasing snowflake. */
export function nextId(): string {
  snowflake += 1n;
  return snowflake.toString();
}

/** The guild's channels: two text channels, one where nobody may send, and a category. */
export function guildChannels() {
  const text = (id: string, name: string, position: number) => ({
    id,
    type: 0,
    name,
    position,
    permission_overwrites: [] as object[],
  });
  return [
    text(CHANNEL_ID, 'hallway', 0),
    text(SECOND_CHANNEL_ID, 'announcements', 1),
    {
      ...text(READ_ONLY_CHANNEL_ID, 'read-only', 2),
      // @everyone (the guild id) is denied Send Messages here.
      permission_overwrites: [{ id: GUILD_ID, type: 0, allow: '0', deny: '2048' }],
    },
    { ...text(CATEGORY_ID, 'Conference', 3), type: 4 },
  ];
}

export function role(id: string, name: string, permissions: string): object {
  return {
    id,
    name,
    permissions,
    position: 0,
    color: 0,
    hoist: false,
    managed: false,
    mentionable: false,
    flags: 0,
  };
}

/** The GUILD_CREATE payload of the one test guild; `everyonePermissions` is what @everyone may do. */
export function guildCreate(everyonePermissions: string): object {
  const joined = '2026-03-01T00:00:00.000Z';
  return {
    id: GUILD_ID,
    name: 'KubeCon hallway',
    icon: null,
    owner_id: ADA.id,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    mfa_level: 0,
    nsfw_level: 0,
    premium_tier: 0,
    preferred_locale: 'en-US',
    system_channel_flags: 0,
    features: [],
    emojis: [],
    stickers: [],
    roles: [
      role(GUILD_ID, '@everyone', everyonePermissions),
      { ...role(BOT_ROLE_ID, 'Hallway', '0'), managed: true, tags: { bot_id: APPLICATION_ID } },
    ],
    channels: guildChannels().map((channel) => ({ ...channel, guild_id: GUILD_ID })),
    members: [
      { user: BOT_USER, roles: [BOT_ROLE_ID], joined_at: joined, deaf: false, mute: false, flags: 0 },
    ],
    threads: [],
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
    member_count: 3,
    large: false,
    unavailable: false,
    joined_at: joined,
  };
}
