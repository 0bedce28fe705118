// The subscription commands as both platforms word them: admins change them, everyone may list, every use is logged.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DigestSchedule } from '../../adapters/digest/digest-scheduler.ts';
import { DigestStore } from '../../adapters/digest/digest-store.ts';
import {
  type CommandContext,
  runSubscriptionCommand,
  type SubscriptionCommand,
} from '../../adapters/digest/digest-subscriptions.ts';
import { openDatabase } from '../../adapters/store/open-database.ts';
import { captureLogger } from '../helpers/capture-logger.ts';
import { MORNING_ONLY } from './digest-harness.ts';

function setup(schedule: DigestSchedule = MORNING_ONLY, next: string | null = 'Thu 26 Mar, 08:00 CET') {
  const store = new DigestStore(openDatabase(join(mkdtempSync(join(tmpdir(), 'hallway-subs-')), 'h.db')));
  const logs = captureLogger();
  const options = {
    store,
    schedule,
    nextPost: () => next ?? undefined,
    clock: () => 1_000,
    logger: logs.logger,
  };
  const run = (command: SubscriptionCommand, context: Partial<CommandContext> = {}) =>
    runSubscriptionCommand(options, command, {
      platform: 'slack',
      channelId: 'C1',
      workspaceId: 'T1',
      userId: 'UADMIN',
      isAdmin: true,
      admins: 'workspace admins',
      mentionChannel: (id) => `<#${id}>`,
      commandFor: (name) =>
        `/hallway digest ${name === 'subscribe' ? 'here' : name === 'unsubscribe' ? 'off' : 'list'}`,
      ...context,
    });
  return { store, logs, run };
}

describe('digest subscription commands', () => {
  it('an admin subscribes a channel; a second subscribe says it already gets it', async () => {
    const { store, run } = setup();
    expect((await run('subscribe')).text).toBe(
      '<#C1> will get the daily digest. The next one goes out Thu 26 Mar, 08:00 CET.',
    );
    expect((await run('subscribe')).text).toBe(
      '<#C1> already gets the daily digest. The next one goes out Thu 26 Mar, 08:00 CET.',
    );
    expect(store.subscriptions('slack')).toEqual([
      { platform: 'slack', channelId: 'C1', workspaceId: 'T1', createdBy: 'UADMIN', createdAt: 1_000 },
    ]);
  });

  it('refuses someone who is not an admin, politely, changes nothing and logs it', async () => {
    const { store, logs, run } = setup();
    const reply = await run('subscribe', { userId: 'UGUEST', isAdmin: false });
    expect(reply).toEqual({
      refused: true,
      text: 'Sorry, only workspace admins can change where the daily digest goes. Ask one of them to run /hallway digest here in <#C1>.',
    });
    expect(store.subscriptions('slack')).toEqual([]);
    expect((await run('unsubscribe', { userId: 'UGUEST', isAdmin: false })).refused).toBe(true);
    expect(logs.lines()).toContainEqual(
      expect.objectContaining({ user: 'UGUEST', command: 'subscribe', allowed: false, level: 40 }),
    );
  });

  it('everyone may list; the list shows this workspace only, and the configured channels', async () => {
    const { run } = setup({ ...MORNING_ONLY, defaultChannels: [{ platform: 'slack', channelId: 'CENV' }] });
    await run('subscribe');
    await run('subscribe', { channelId: 'C2' });
    await run('subscribe', { channelId: 'COTHER', workspaceId: 'T2' });
    expect((await run('list', { isAdmin: false })).text).toBe(
      [
        'The daily digest goes to:',
        '• <#C1>',
        '• <#C2>',
        "• <#CENV> (from Hallway's configuration)",
        'The next one goes out Thu 26 Mar, 08:00 CET.',
      ].join('\n'),
    );
  });

  it('an empty list says how to start', async () => {
    expect((await setup().run('list')).text).toBe(
      'No channel gets the daily digest yet. An admin can run /hallway digest here in a channel to start it.',
    );
  });

  it('off stops it; off again says it was not on; a configured channel points at the setting', async () => {
    const { store, run } = setup({
      ...MORNING_ONLY,
      defaultChannels: [{ platform: 'slack', channelId: 'CENV' }],
    });
    await run('subscribe');
    expect((await run('unsubscribe')).text).toBe('<#C1> will no longer get the daily digest.');
    expect(store.subscriptions('slack')).toEqual([]);
    expect((await run('unsubscribe')).text).toBe(
      '<#C1> was not getting the daily digest. /hallway digest here starts it.',
    );
    expect((await run('unsubscribe', { channelId: 'CENV' })).text).toContain('HALLWAY_DIGEST_SLACK_CHANNELS');
  });

  it('without scheduled posts it says none is scheduled', async () => {
    const { run } = setup({ ...MORNING_ONLY, times: [] }, null);
    expect((await run('subscribe')).text).toBe(
      '<#C1> will get the daily digest. No digest is scheduled at the moment.',
    );
  });
});
