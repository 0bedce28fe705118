// Uninstalling forgets the workspace: two workspaces install Hallway through Bolt's OAuth installer (real
// HTTPReceiver, loopback fake), each member stars a session by DM, and each workspace has subscriptions, bindings,
// a reminder setting, a delivery and a conversation. A signed app_uninstalled (or tokens_revoked naming the bot)
// from one deletes all of its rows and none of the other's; a revoked user token alone deletes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqliteStore } from '../../adapters/store/sqlite-store.ts';
import { agendaEngine, DAY_ONE_0800, manualClock } from '../agenda/agenda-fixture.ts';
import {
  ALL_THERE,
  NOTHING_LEFT,
  seedWorkspace,
  type WorkspacePlace,
  workspaceLeft,
} from '../helpers/workspace-data.ts';
import { eventually, type FakeSlack } from './fake-slack.ts';
import { install, inWorkspace, type OAuthAgendaApp, startOAuthAgendaApp } from './oauth-app.ts';
import { directMessageEvent, postSigned } from './slack-requests.ts';

const clock = manualClock(DAY_ONE_0800);
let app: OAuthAgendaApp;
let fake: FakeSlack;
let store: SqliteStore;
let base: string;

const place = (code: string): WorkspacePlace => ({
  platform: 'slack',
  workspaceId: `T0${code}`,
  userId: `U0${code}`,
  channelId: `C0${code}`,
});
const GONE = place('GONE');
const KEPT = place('KEPT');

beforeAll(async () => {
  app = await startOAuthAgendaApp(agendaEngine(clock.now), clock.now);
  ({ fake, store, base } = app);
});
afterAll(() => app.stop());

let events = 0;
/** Posts a signed Events API envelope from the place's workspace. */
async function fromWorkspace(at: WorkspacePlace, event: Record<string, unknown>): Promise<void> {
  events += 1;
  await postSigned(
    `${base}/slack/events`,
    JSON.stringify(inWorkspace(at.workspaceId, event, `EvUNINSTALL${events}`)),
    'application/json',
  );
}

/** Installs Hallway in the place's workspace, stars a session there by DM, and adds every other kind of row. */
async function setUp(at: WorkspacePlace): Promise<void> {
  await install(base, at.workspaceId.toLowerCase());
  const dm = directMessageEvent('add the tiles talk to my agenda', {
    user: at.userId,
    channel: `D${at.userId}`,
  });
  await fromWorkspace(at, dm);
  await eventually(
    () => (store.agenda.stars({ platform: 'slack', userId: at.userId }).length === 1 ? true : undefined),
    `the star from ${at.workspaceId}`,
  );
  await seedWorkspace(store, at, { installed: false, stars: false });
  expect(await workspaceLeft(store, at)).toEqual(ALL_THERE);
}

const forgotten = (at: WorkspacePlace) =>
  eventually(
    () => (store.installations.find('slack', at.workspaceId) === undefined ? true : undefined),
    `${at.workspaceId} forgotten`,
  );

describe('uninstalling Hallway from a workspace', () => {
  it("deletes that workspace's installation, subscriptions, bindings, agendas and context, and no other's", async () => {
    await setUp(GONE);
    await setUp(KEPT);
    // The star was made through the workspace's installation: it carries the workspace.
    expect(store.agenda.stars({ platform: 'slack', userId: GONE.userId })[0]?.workspaceId).toBe('T0GONE');

    await fromWorkspace(GONE, { type: 'app_uninstalled' });
    await forgotten(GONE);
    expect(await workspaceLeft(store, GONE)).toEqual(NOTHING_LEFT);
    expect(await workspaceLeft(store, KEPT)).toEqual(ALL_THERE);
  });

  it('keeps everything when only user tokens are revoked, and forgets the workspace when the bot token is', async () => {
    await fromWorkspace(KEPT, { type: 'tokens_revoked', tokens: { oauth: ['U0KEPT'] } });
    await fromWorkspace(KEPT, { type: 'tokens_revoked', tokens: { oauth: ['U0KEPT'], bot: [] } });
    // A later event through the same workspace is answered, so the two revocations above were handled by now.
    const dm = directMessageEvent('add the tiles talk to my agenda', { user: 'U0KEPT', channel: 'DU0KEPT' });
    const answered = fake.callsTo('chat.postMessage').length;
    await fromWorkspace(KEPT, dm);
    await eventually(
      () => (fake.callsTo('chat.postMessage').length > answered ? true : undefined),
      'the answer after the revocations',
    );
    expect(await workspaceLeft(store, KEPT)).toEqual(ALL_THERE);

    await fromWorkspace(KEPT, { type: 'tokens_revoked', tokens: { bot: ['UHALLWAY'] } });
    await forgotten(KEPT);
    expect(await workspaceLeft(store, KEPT)).toEqual(NOTHING_LEFT);
  });
});
