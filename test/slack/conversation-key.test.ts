// A Slack conversation's follow-up context is forgotten with the installation it came through: its key begins
// with what forgetting that installation deletes, the org for an org-wide install and the workspace otherwise.
// (The uninstall test drives a workspace install end to end; the fake Slack installs no org-wide app.)
import { describe, expect, it } from 'vitest';
import { conversationKey } from '../../adapters/slack/installation-store.ts';
import { workspaceParams } from '../../adapters/store/workspace-rows.ts';

describe('a Slack conversation key', () => {
  it("begins with the workspace's prefix for a workspace install", () => {
    const key = conversationKey({ teamId: 'T01', enterpriseId: 'E01' }, 'C01', 'dm');
    expect(key.startsWith(workspaceParams('slack', 'T01').context)).toBe(true);
  });

  it("begins with the org's prefix for an org-wide install, whichever workspace the message came from", () => {
    for (const teamId of ['T01', 'T02']) {
      const key = conversationKey({ teamId, enterpriseId: 'E01', isEnterpriseInstall: true }, 'C01', '1.2');
      expect(key.startsWith(workspaceParams('slack', 'E01').context)).toBe(true);
      expect(key.startsWith(workspaceParams('slack', teamId).context)).toBe(false);
    }
  });
});
