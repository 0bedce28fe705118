// Who may run Hallway's admin commands in Slack: people in HALLWAY_ADMINS, and the workspace's admins and owners.
import type { webApi } from '@slack/bolt';
import type { AdminList } from '../shared/admins.ts';
import type { Logger } from '../shared/logger.ts';

/** Who may change the digest or reload the data, as the refusals say it. */
export const SLACK_ADMINS_TEXT = 'workspace admins (or people in HALLWAY_ADMINS)';

/**
 * True when `userId` is in `HALLWAY_ADMINS` (no call to Slack), else when `users.info` says they are a
 * workspace admin, owner or primary owner. When `users.info` fails (no `users:read` scope, a network problem)
 * the user is treated as not an admin, and the log says why.
 */
export async function isSlackAdmin(
  client: webApi.WebClient,
  admins: AdminList,
  userId: string,
  logger: Logger,
): Promise<boolean> {
  if (admins.includes('slack', userId)) return true;
  try {
    const { user } = await client.users.info({ user: userId });
    return user?.is_admin === true || user?.is_owner === true || user?.is_primary_owner === true;
  } catch (error) {
    logger.warn(
      { err: error, user: userId },
      'Slack: users.info failed, so the user is treated as not an admin (does the app have the users:read scope?)',
    );
    return false;
  }
}
