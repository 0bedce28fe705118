// `HALLWAY_ADMINS`: people who may run admin actions on any platform, beside the platform's own admins.
// Entries are user ids, optionally with their platform: "U0123ABCD, discord:81234567890123456".

import type { Platform } from './platforms.ts';

/** The platforms an admin entry may name (`discord:81234…`). */
export type AdminPlatform = Platform;

export interface AdminList {
  /** Whether the user is listed for this platform (an unprefixed id counts on both). */
  includes(platform: AdminPlatform, userId: string): boolean;
  readonly size: number;
}

export function parseAdminList(value: string | undefined): AdminList {
  const entries = (value ?? '')
    .split(/[\s,]+/)
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
  const listed = new Set(entries);
  return {
    size: listed.size,
    includes: (platform, userId) => listed.has(userId) || listed.has(`${platform}:${userId}`),
  };
}
