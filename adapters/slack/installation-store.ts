// Bolt's InstallationStore over Hallway's store: one installation per workspace (or per Enterprise Grid org for
// an org-wide install), so that every replica finds any workspace's bot token.
import type { Installation as BoltInstallation, InstallationQuery, InstallationStore } from '@slack/bolt';
import type { Installations } from '../store/store.ts';

/** The key of an installation: the org for an org-wide install, else the workspace. */
function workspaceOf(query: {
  readonly isEnterpriseInstall?: boolean | undefined;
  readonly enterpriseId?: string | undefined;
  readonly teamId?: string | undefined;
}): string {
  const id = installationOf(query);
  if (id === undefined)
    throw new Error('the installation names no workspace (team) or organisation (enterprise)');
  return id;
}

/**
 * The installation an event or action came through (Bolt's context): the org for an org-wide install, else the
 * workspace; undefined when Slack named neither.
 */
export function installationOf(context: {
  readonly isEnterpriseInstall?: boolean | undefined;
  readonly enterpriseId?: string | undefined;
  readonly teamId?: string | undefined;
}): string | undefined {
  return context.isEnterpriseInstall === true ? context.enterpriseId : context.teamId;
}

/**
 * A conversation's key (its follow-up context): it begins with the installation, as forgetting an installation
 * deletes the keys that begin `slack:<installation>:`. For an org-wide install that is the org, not the workspace
 * the message came from, so that uninstalling it from the org forgets the conversations of all its workspaces.
 */
export function conversationKey(
  context: Parameters<typeof installationOf>[0],
  channel: string,
  thread: string,
): string {
  return `slack:${installationOf(context) ?? ''}:${channel}:${thread}`;
}

/** `installations` is read at each call: the store opens after the Slack app is built. */
export function slackInstallationStore(
  installations: () => Installations | undefined,
  clock: () => number = Date.now,
): InstallationStore {
  const open = (): Installations => {
    const store = installations();
    if (store === undefined) throw new Error('the installation store is not open yet');
    return store;
  };
  return {
    async storeInstallation(installation: BoltInstallation) {
      const workspaceId = workspaceOf({
        isEnterpriseInstall: installation.isEnterpriseInstall === true,
        enterpriseId: installation.enterprise?.id,
        teamId: installation.team?.id,
      });
      await open().save({ platform: 'slack', workspaceId, data: installation, installedAt: clock() });
    },
    async fetchInstallation(query: InstallationQuery<boolean>) {
      const found = await open().find('slack', workspaceOf(query));
      if (found === undefined) throw new Error(`Hallway is not installed in ${workspaceOf(query)}`);
      return found.data as BoltInstallation;
    },
    async deleteInstallation(query: InstallationQuery<boolean>) {
      // A user's installation is their user token, which Hallway never keeps: the workspace stays installed.
      if (query.userId !== undefined) return;
      await open().delete('slack', workspaceOf(query));
    },
  };
}
