// What forgetting a workspace (an uninstall, a revoked bot token, a Discord server that removed the bot) deletes:
// its installation and every row that names it, as statements both engines run in one transaction.
import type { Platform } from '../shared/platforms.ts';

/** How many rows of each kind forgetting a workspace deleted. */
export interface ForgottenWorkspace {
  /** Whether there was an installation (Discord keeps none: its bot has one token). */
  readonly installation: boolean;
  readonly subscriptions: number;
  /** The digest ledger of the workspace's subscribed channels. */
  readonly digestPosts: number;
  /** Its channels' bindings and its own workspace binding. */
  readonly bindings: number;
  /** Stars, reminder settings and DM deliveries of the users whose stars carry the workspace. */
  readonly agendaRows: number;
  /** Follow-up context of its conversations (keys that begin `platform:workspace:`). */
  readonly contexts: number;
}

/** The statements' parameters, named; each engine says how it writes a parameter. */
export interface WorkspaceParams {
  readonly platform: Platform;
  readonly workspace: string;
  /** The prefix of the workspace's conversation keys. */
  readonly context: string;
}

type Part = Exclude<keyof ForgottenWorkspace, 'installation'> | 'installations';

export function workspaceParams(platform: Platform, workspaceId: string): WorkspaceParams {
  return { platform, workspace: workspaceId, context: `${platform}:${workspaceId}:` };
}

/** How an engine writes the parameter `name` in SQL (`@name`, `$1`). */
export type Param = (name: keyof WorkspaceParams) => string;

/** One delete, written with the engine's way of naming a parameter. */
export interface WorkspaceStatement {
  readonly part: Part;
  readonly sql: (param: Param) => string;
}

/** The users whose stars came through the workspace (a user's stars all carry the one they last starred from). */
const AGENDA_USERS = (p: Param) => `platform = ${p('platform')} AND user_id IN
  (SELECT user_id FROM agenda_stars WHERE platform = ${p('platform')} AND workspace_id = ${p('workspace')})`;
const OF_WORKSPACE = (p: Param) => `platform = ${p('platform')} AND workspace_id = ${p('workspace')}`;

/**
 * The deletes, in order: rows found through another table (a user's deliveries through their stars, a channel's
 * ledger through its subscription) go before the rows that find them.
 */
export const FORGET_WORKSPACE: readonly WorkspaceStatement[] = [
  { part: 'agendaRows', sql: (p) => `DELETE FROM agenda_deliveries WHERE ${AGENDA_USERS(p)}` },
  { part: 'agendaRows', sql: (p) => `DELETE FROM agenda_users WHERE ${AGENDA_USERS(p)}` },
  { part: 'agendaRows', sql: (p) => `DELETE FROM agenda_stars WHERE ${AGENDA_USERS(p)}` },
  {
    part: 'digestPosts',
    sql: (p) => `DELETE FROM digest_posts WHERE platform = ${p('platform')} AND channel_id IN
      (SELECT channel_id FROM digest_subscriptions WHERE ${OF_WORKSPACE(p)})`,
  },
  { part: 'subscriptions', sql: (p) => `DELETE FROM digest_subscriptions WHERE ${OF_WORKSPACE(p)}` },
  {
    part: 'bindings',
    sql: (p) => `DELETE FROM conference_bindings WHERE platform = ${p('platform')}
      AND (workspace_id = ${p('workspace')} OR (scope = 'workspace' AND target_id = ${p('workspace')}))`,
  },
  {
    part: 'contexts',
    sql: (p) =>
      `DELETE FROM conversation_context WHERE substr(context_key, 1, length(${p('context')})) = ${p('context')}`,
  },
  { part: 'installations', sql: (p) => `DELETE FROM installations WHERE ${OF_WORKSPACE(p)}` },
];

/** Adds up each statement's count of deleted rows. */
export function tally(
  counts: ReadonlyArray<{ readonly part: Part; readonly deleted: number }>,
): ForgottenWorkspace {
  const of = (part: Part) =>
    counts.filter((count) => count.part === part).reduce((sum, count) => sum + count.deleted, 0);
  return {
    installation: of('installations') > 0,
    subscriptions: of('subscriptions'),
    digestPosts: of('digestPosts'),
    bindings: of('bindings'),
    agendaRows: of('agendaRows'),
    contexts: of('contexts'),
  };
}
