// The store contract's binding cases: which conference a channel or a workspace answers about, shared by two
// handles on one database (two replicas).
import { expect, it } from 'vitest';
import type { HallwayStore } from '../../adapters/store/store.ts';

export function bindingCases(stores: () => { readonly a: HallwayStore; readonly b: HallwayStore }): void {
  it("binds a channel and a workspace; the channel's own binding comes first; lists and unbinds", async () => {
    const { a, b } = stores();
    const made = { platform: 'discord' as const, createdBy: 'U1' };
    await a.bindings.bind({
      ...made,
      scope: 'workspace',
      targetId: 'G1',
      conferenceId: 'fosdem',
      createdAt: 1,
    });
    await b.bindings.bind({
      ...made,
      scope: 'channel',
      targetId: 'C1',
      workspaceId: 'G1',
      conferenceId: 'kubecon',
      createdAt: 2,
    });
    expect(
      await b.bindings.lookup({ platform: 'discord', channelId: 'C1', workspaceId: 'G1' }),
    ).toMatchObject({
      scope: 'channel',
      conferenceId: 'kubecon',
    });
    expect(
      await a.bindings.lookup({ platform: 'discord', channelId: 'C2', workspaceId: 'G1' }),
    ).toMatchObject({
      scope: 'workspace',
      conferenceId: 'fosdem',
    });
    expect(await a.bindings.lookup({ platform: 'slack', channelId: 'C1' })).toBeUndefined();
    // Rebinding replaces: one row per channel.
    await a.bindings.bind({
      ...made,
      scope: 'channel',
      targetId: 'C1',
      workspaceId: 'G1',
      conferenceId: 'fosdem',
      createdAt: 3,
    });
    expect((await b.bindings.list('discord', 'G1')).map((x) => `${x.targetId}:${x.conferenceId}`)).toEqual([
      'G1:fosdem',
      'C1:fosdem',
    ]);
    expect(await b.bindings.list('discord', 'G2')).toEqual([]);
    expect(await b.bindings.unbind('discord', 'channel', 'C1')).toBe(true);
    expect(await a.bindings.unbind('discord', 'channel', 'C1')).toBe(false);
    expect((await a.bindings.list('discord')).map((x) => x.targetId)).toEqual(['G1']);
  });
}
