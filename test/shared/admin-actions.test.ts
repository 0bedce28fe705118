// HALLWAY_ADMINS and the reload command: admins by id on either platform, everyone else refused politely, all logged.
import { describe, expect, it } from 'vitest';
import { parseAdminList } from '../../adapters/shared/admins.ts';
import { runReloadCommand } from '../../adapters/shared/reload-command.ts';
import { captureLogger } from '../helpers/capture-logger.ts';

describe('parseAdminList', () => {
  it('reads ids, with or without their platform, separated by commas or spaces', () => {
    const admins = parseAdminList(' U0ADMIN, discord:400000000000000001  slack:U0OTHER ');
    expect(admins.size).toBe(3);
    expect(admins.includes('slack', 'U0ADMIN')).toBe(true);
    expect(admins.includes('discord', 'U0ADMIN')).toBe(true);
    expect(admins.includes('discord', '400000000000000001')).toBe(true);
    expect(admins.includes('slack', '400000000000000001')).toBe(false);
    expect(admins.includes('slack', 'U0OTHER')).toBe(true);
    expect(admins.includes('slack', 'U0GUEST')).toBe(false);
  });

  it('is empty when unset', () => {
    expect(parseAdminList(undefined).includes('slack', '')).toBe(false);
  });
});

describe('runReloadCommand', () => {
  const report = {
    at: 1,
    added: [{ id: 'a', title: 'A' }],
    cancelled: [],
    moved: [{ id: 'm', title: 'M', before: {}, after: {} }],
  };

  it('reloads for an admin and says what changed and what failed', async () => {
    const logs = captureLogger();
    let reloads = 0;
    const reply = await runReloadCommand(
      {
        reload: async () => {
          reloads += 1;
          return { report, problems: ['https://example.org/all.ics: HTTP 500'] };
        },
        sessionCount: () => 596,
        logger: logs.logger,
      },
      { platform: 'slack', userId: 'UADMIN', channelId: 'C1', isAdmin: true, admins: 'workspace admins' },
    );
    expect(reloads).toBe(1);
    expect(reply.text).toBe(
      'Reloaded: 596 sessions; since before: 1 added, 0 cancelled, 1 moved.\nKept the last good copy where a source failed:\n• https://example.org/all.ics: HTTP 500',
    );
    expect(logs.lines()).toContainEqual(
      expect.objectContaining({ user: 'UADMIN', command: 'reload', allowed: true }),
    );
  });

  it('refuses anyone else without reloading, and logs it', async () => {
    const logs = captureLogger();
    let reloads = 0;
    const reply = await runReloadCommand(
      {
        reload: async () => {
          reloads += 1;
          return { report, problems: [] };
        },
        sessionCount: () => 0,
        logger: logs.logger,
      },
      { platform: 'discord', userId: '4001', isAdmin: false, admins: 'members with Manage Server' },
    );
    expect(reloads).toBe(0);
    expect(reply).toEqual({
      refused: true,
      text: "Sorry, only members with Manage Server can reload Hallway's data.",
    });
    expect(logs.lines()).toContainEqual(expect.objectContaining({ user: '4001', allowed: false, level: 40 }));
  });
});
