// The chat platforms Hallway runs on: the one list that types, settings and the database's check derive from.

/** Every chat platform, in start order. Adding one: add it here and give it a folder under adapters/. */
export const PLATFORMS = ['slack', 'discord'] as const;

/** One of the chat platforms. */
export type Platform = (typeof PLATFORMS)[number];

/** True when `value` names a chat platform. */
export function isPlatform(value: string): value is Platform {
  return (PLATFORMS as readonly string[]).includes(value);
}

/** The variable listing the channels that always get a platform's digest, e.g. HALLWAY_DIGEST_SLACK_CHANNELS. */
export type DigestChannelsVariable = `HALLWAY_DIGEST_${Uppercase<Platform>}_CHANNELS`;

/** The name of `platform`'s digest channel variable. */
export function digestChannelsVariable(platform: Platform): DigestChannelsVariable {
  return `HALLWAY_DIGEST_${platform.toUpperCase() as Uppercase<Platform>}_CHANNELS`;
}
