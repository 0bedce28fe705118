// One workspace's worth of rows in every table that names a workspace, and a reading of what is left of them: for
// the tests that forget a workspace (an uninstall) and check that another's rows stay.
import type { Platform } from '../../adapters/shared/platforms.ts';
import type { HallwayStore, PostKey } from '../../adapters/store/store.ts';

/** Who and where in one workspace. */
export interface WorkspacePlace {
  readonly platform: Platform;
  readonly workspaceId: string;
  readonly userId: string;
  readonly channelId: string;
}

const AT = Date.parse('2027-03-20T08:00:00Z');
const SESSION_START = Date.parse('2027-03-27T14:00:00Z');
const LEAD_MINUTES = 15;

const postKey = (place: WorkspacePlace): PostKey => ({
  platform: place.platform,
  channelId: place.channelId,
  date: '2027-03-27',
  kind: 'morning',
});
const contextKey = (place: WorkspacePlace) => `${place.platform}:${place.workspaceId}:${place.channelId}:dm`;
/** As each platform stars: a Slack user's stars carry the workspace (whose token DMs them), a Discord user's none. */
const user = (place: WorkspacePlace) => ({
  platform: place.platform,
  userId: place.userId,
  ...(place.platform === 'slack' ? { workspaceId: place.workspaceId } : {}),
});

/**
 * Writes the place's installation (unless `installed` is false), subscription and its ledger row, channel and
 * workspace bindings, the user's star (`stars` false leaves it to the caller, who stars as the platform would),
 * lead and a claimed reminder, and the context of its conversation.
 */
export async function seedWorkspace(
  store: HallwayStore,
  place: WorkspacePlace,
  options: { readonly installed?: boolean; readonly stars?: boolean } = {},
): Promise<void> {
  const { platform, workspaceId, channelId } = place;
  if (options.installed !== false)
    await store.installations.save({ platform, workspaceId, data: { team: workspaceId }, installedAt: AT });
  await store.digest.subscribe({ platform, channelId, workspaceId, createdBy: place.userId, createdAt: AT });
  await store.digest.claim(postKey(place), AT, { maxAttempts: 3, leaseMs: 60_000 });
  const binding = { platform, conferenceId: 'mini', createdBy: place.userId, createdAt: AT };
  await store.bindings.bind({ ...binding, scope: 'channel', targetId: channelId, workspaceId });
  await store.bindings.bind({ ...binding, scope: 'workspace', targetId: workspaceId });
  if (options.stars !== false)
    await store.agenda.star(user(place), { id: 'tiles', startMs: SESSION_START }, AT);
  await store.agenda.setLeadMinutes(user(place), LEAD_MINUTES, AT);
  await store.agenda.claimDelivery(
    { ...user(place), sessionId: 'tiles', kind: 'reminder', keyAt: SESSION_START },
    AT,
    60 * 60_000,
  );
  await store.context.put(contextKey(place), { topic: 'tiles' }, AT + 60 * 60_000);
}

/** What is left of the place's rows: every field is `true`/non-zero while its row is there. */
export async function workspaceLeft(store: HallwayStore, place: WorkspacePlace) {
  const { platform, workspaceId, userId } = place;
  const interrupted = await store.agenda.interruptedDeliveries();
  return {
    installation: (await store.installations.find(platform, workspaceId)) !== undefined,
    subscriptions: (await store.digest.subscriptions(platform, workspaceId)).length,
    ledger: (await store.digest.post(postKey(place))) !== undefined,
    bindings: (await store.bindings.list(platform, workspaceId)).length,
    workspaceBinding:
      (await store.bindings.lookup({ platform, channelId: 'C-elsewhere', workspaceId })) !== undefined,
    stars: (await store.agenda.stars({ platform, userId })).length,
    customLead: (await store.agenda.leadMinutes({ platform, userId })) === LEAD_MINUTES,
    deliveries: interrupted.filter((key) => key.platform === platform && key.userId === userId).length,
    context: (await store.context.get(contextKey(place), AT)) !== undefined,
  };
}

/** What `workspaceLeft` reads for a place seeded with everything. */
export const ALL_THERE = {
  installation: true,
  subscriptions: 1,
  ledger: true,
  bindings: 2,
  workspaceBinding: true,
  stars: 1,
  customLead: true,
  deliveries: 1,
  context: true,
} as const;

/** What `workspaceLeft` reads once the place is forgotten. */
export const NOTHING_LEFT = {
  installation: false,
  subscriptions: 0,
  ledger: false,
  bindings: 0,
  workspaceBinding: false,
  stars: 0,
  customLead: false,
  deliveries: 0,
  context: false,
} as const;
