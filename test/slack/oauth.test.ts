// Multi-workspace Slack: Bolt's OAuth installer on the real HTTPReceiver against the loopback fake. An install
// starts at /slack/install, a redirect with a forged or missing state is refused, the installation lands in the
// store and answers that workspace's events with its own token, and app_uninstalled forgets it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSlackConfig } from '../../adapters/slack/config.ts';
import type { SlackApp } from '../../adapters/slack/create-slack-app.ts';
import { openSqliteStore, type SqliteStore } from '../../adapters/store/sqlite-store.ts';
import { engineFor, MINI_CONF } from '../helpers/engines.ts';
import { eventually, type FakeSlack, INSTALLED_TOKEN_PREFIX, startFakeSlack } from './fake-slack.ts';
import {
  inWorkspace,
  oauthServices,
  redirect as redirectBack,
  startOAuthApp,
  startInstall as startOAuthInstall,
} from './oauth-app.ts';
import { mentionEvent, postSigned, SIGNING_SECRET } from './slack-requests.ts';

const INSTALLED_TOKEN = `${INSTALLED_TOKEN_PREFIX}-t0acme`;

const engine = engineFor(MINI_CONF);
let fake: FakeSlack;
let slack: SlackApp;
let store: SqliteStore;
let base: string;

beforeAll(async () => {
  fake = await startFakeSlack();
  store = openSqliteStore(join(mkdtempSync(join(tmpdir(), 'hallway-oauth-')), 'hallway.db'));
  const services = oauthServices(() => store.installations);
  ({ slack, base } = await startOAuthApp(fake, () => engine, services));
});
afterAll(async () => {
  await slack.stop();
  await fake.close();
  await store.close();
});

const startInstall = () => startOAuthInstall(base);
/** An Events API envelope from the workspace T0ACME, as Slack sends it once Hallway is installed there. */
const inAcme = (event: Record<string, unknown>, eventId: string) => inWorkspace('T0ACME', event, eventId);
const redirect = (query: string, cookie?: string) => redirectBack(base, query, cookie);

describe('multi-workspace installs', () => {
  it('sends an admin to Slack with the client id, the manifest scopes and a signed state', async () => {
    const { state, cookie, location } = await startInstall();
    expect(location.searchParams.get('client_id')).toBe('1111.2222');
    expect(location.searchParams.get('scope')?.split(',')).toContain('app_mentions:read');
    expect(state.length).toBeGreaterThan(20);
    expect(cookie).toMatch(/=/);
  });

  it('refuses a redirect whose state is forged or whose cookie is missing, and stores nothing', async () => {
    const { state, cookie } = await startInstall();
    await redirect(`code=t0forged&state=${encodeURIComponent(`${state}x`)}`, cookie);
    await redirect(`code=t0forged&state=${encodeURIComponent(state)}`);
    expect(fake.callsTo('oauth.v2.access')).toEqual([]);
    expect(await store.installations.find('slack', 'T0FORGED')).toBeUndefined();
  });

  it('keeps the installation, answers that workspace through it, and forgets both on app_uninstalled', async () => {
    const { state, cookie } = await startInstall();
    const done = await redirect(`code=t0acme&state=${encodeURIComponent(state)}`, cookie);
    expect(done.status).toBe(200);
    const saved = await store.installations.find('slack', 'T0ACME');
    expect(saved?.data).toMatchObject({ team: { id: 'T0ACME' }, bot: { token: INSTALLED_TOKEN } });

    const event = mentionEvent('when is the opening keynote?', { channel: 'C0ACME' });
    await postSigned(`${base}/slack/events`, JSON.stringify(inAcme(event, 'EvOAUTH1')), 'application/json');
    const reply = await eventually(
      () => fake.callsTo('chat.postMessage').find((call) => call.body.channel === 'C0ACME'),
      'the answer in the installed workspace',
    );
    expect(reply.body.thread_ts).toBe(event.ts);
    expect(fake.tokenOf(reply)).toBe(INSTALLED_TOKEN);

    // The digest for a channel of that workspace goes out with the workspace's token too.
    const sends = slack.digestPoster.messages('C0ACME', engine.ask('list keynotes'), {
      key: 'digest/C0ACME/2027-03-27/morning',
      resumed: false,
      workspaceId: 'T0ACME',
    });
    for (const send of sends) await send();
    const digestPost = fake
      .callsTo('chat.postMessage')
      .filter((call) => call.body.channel === 'C0ACME')
      .at(-1);
    expect(digestPost === undefined ? undefined : fake.tokenOf(digestPost)).toBe(INSTALLED_TOKEN);

    await store.digest.subscribe({
      platform: 'slack',
      channelId: 'C0ACME',
      workspaceId: 'T0ACME',
      createdBy: 'U',
      createdAt: 1,
    });
    await postSigned(
      `${base}/slack/events`,
      JSON.stringify(inAcme({ type: 'app_uninstalled' }, 'EvOAUTH2')),
      'application/json',
    );
    await eventually(
      () => (store.installations.find('slack', 'T0ACME') === undefined ? true : undefined),
      'the uninstall',
    );
    expect(store.digest.subscriptions('slack', 'T0ACME')).toEqual([]);
  });
});

describe('the multi-workspace variables', () => {
  const oauthEnv = {
    SLACK_CLIENT_ID: '1111.2222',
    SLACK_CLIENT_SECRET: 'abcdef0123456789abcdef',
    SLACK_STATE_SECRET: 'a-long-random-state-secret',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_PORT: '3000',
  };

  it('choose OAuth with a client id, in HTTP mode, with no single bot token', () => {
    expect(readSlackConfig(oauthEnv)).toMatchObject({
      kind: 'ok',
      config: { oauth: { clientId: '1111.2222' }, connection: { mode: 'http', port: 3000 } },
    });
  });

  it('name what is missing or contradictory', () => {
    const missing = readSlackConfig({ SLACK_CLIENT_ID: '1111.2222' });
    expect(missing.kind === 'invalid' && missing.problems.join('\n')).toMatch(
      /SLACK_CLIENT_SECRET: is required/,
    );
    const both = readSlackConfig({ ...oauthEnv, SLACK_BOT_TOKEN: 'xoxb-1-2-3' });
    expect(both.kind === 'invalid' && both.problems.join('\n')).toMatch(
      /SLACK_BOT_TOKEN: must be empty with SLACK_CLIENT_ID/,
    );
  });
});
