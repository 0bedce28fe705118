// The store contract's forget cases: an uninstalled workspace's rows go, in every table that names it, while
// another workspace's stay; a Discord server, which has no installation, loses its own rows the same way.
import { expect, it } from 'vitest';
import type { HallwayStore } from '../../adapters/store/store.ts';
import {
  ALL_THERE,
  NOTHING_LEFT,
  seedWorkspace,
  type WorkspacePlace,
  workspaceLeft,
} from '../helpers/workspace-data.ts';

const GONE: WorkspacePlace = { platform: 'slack', workspaceId: 'TGONE', userId: 'UGONE', channelId: 'CGONE' };
const KEPT: WorkspacePlace = { platform: 'slack', workspaceId: 'TKEPT', userId: 'UKEPT', channelId: 'CKEPT' };
const SERVER: WorkspacePlace = {
  platform: 'discord',
  workspaceId: 'GGONE',
  userId: 'UDISCORD',
  channelId: 'CDISCORD',
};

export function forgetCases(stores: () => { readonly a: HallwayStore; readonly b: HallwayStore }): void {
  it("forgets every row of an uninstalled workspace, and only that workspace's", async () => {
    const { a, b } = stores();
    await seedWorkspace(a, GONE);
    await seedWorkspace(b, KEPT);
    expect(await workspaceLeft(b, GONE)).toEqual(ALL_THERE);

    expect(await b.installations.delete('slack', 'TGONE')).toEqual({
      installation: true,
      subscriptions: 1,
      digestPosts: 1,
      bindings: 2,
      agendaRows: 3,
      contexts: 1,
    });
    expect(await workspaceLeft(a, GONE)).toEqual(NOTHING_LEFT);
    expect(await workspaceLeft(a, KEPT)).toEqual(ALL_THERE);
    // Forgetting again finds nothing.
    expect(await a.installations.delete('slack', 'TGONE')).toMatchObject({
      installation: false,
      bindings: 0,
    });
  });

  it("forgets a Discord server's subscriptions and bindings; its users' agendas are not the server's", async () => {
    const { a, b } = stores();
    await seedWorkspace(a, SERVER, { installed: false });
    const removed = await b.installations.delete('discord', 'GGONE');
    expect(removed).toMatchObject({ installation: false, subscriptions: 1, bindings: 2, agendaRows: 0 });
    expect(await workspaceLeft(a, SERVER)).toEqual({
      ...NOTHING_LEFT,
      stars: 1,
      customLead: true,
      deliveries: 1,
    });
    expect(await workspaceLeft(a, KEPT)).toEqual(ALL_THERE);
  });
}
