// A multi-workspace Hallway for tests: the real Bolt app with its OAuth installer on the real HTTPReceiver, talking
// to the loopback fake; installs start at /slack/install, and events arrive as from an installed workspace.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { type AgendaRuntime, createAgendaRuntime } from '../../adapters/agenda/agenda-runtime.ts';
import type { ChatServices } from '../../adapters/shared/chat-services.ts';
import { RateLimiter } from '../../adapters/shared/rate-limiter.ts';
import { createSlackApp, type SlackApp } from '../../adapters/slack/create-slack-app.ts';
import { openSqliteStore, type SqliteStore } from '../../adapters/store/sqlite-store.ts';
import type { Installations } from '../../adapters/store/store.ts';
import type { Engine } from '../../src/index.ts';
import { captureLogger } from './capture-logger.ts';
import { type FakeSlack, startFakeSlack } from './fake-slack.ts';
import { eventCallback, SIGNING_SECRET } from './slack-requests.ts';

export interface OAuthApp {
  readonly slack: SlackApp;
  /** Where the app listens: `http://127.0.0.1:<port>`. */
  readonly base: string;
}

/** Services with no rate limits and no admins, the installations kept in `installations`. */
export function oauthServices(
  installations: () => Installations,
  more: Partial<ChatServices> = {},
): ChatServices {
  return {
    rateLimiter: new RateLimiter(
      { user: { burst: 0, perMinute: 0 }, channel: { burst: 0, perMinute: 0 } },
      Date.now,
    ),
    admins: { includes: () => false, size: 0 },
    installations,
    ...more,
  };
}

/** Builds and starts the app in multi-workspace (OAuth) HTTP mode; `stop` it after. */
export async function startOAuthApp(
  fake: FakeSlack,
  engine: () => Engine,
  services: ChatServices,
): Promise<OAuthApp> {
  const slack = await createSlackApp({
    config: {
      oauth: {
        clientId: '1111.2222',
        clientSecret: 'abcdef0123456789abcdef',
        stateSecret: 'a-long-random-state-secret',
      },
      connection: { mode: 'http', signingSecret: SIGNING_SECRET, port: 0 },
    },
    engine,
    logger: captureLogger().logger,
    clientOptions: { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } },
    port: 0,
    services,
  });
  const { port } = await slack.start();
  return { slack, base: `http://127.0.0.1:${port}` };
}

/** The fake, a fresh SQLite store, agendas on `clock`, and the OAuth app over them. */
export interface OAuthAgendaApp extends OAuthApp {
  readonly fake: FakeSlack;
  readonly store: SqliteStore;
  readonly agenda: AgendaRuntime;
  stop(): Promise<void>;
}

/** Starts the fake and a multi-workspace Hallway whose users keep agendas (reminders DM'd by `agenda.scheduler`). */
export async function startOAuthAgendaApp(engine: Engine, clock: () => number): Promise<OAuthAgendaApp> {
  const fake = await startFakeSlack();
  const store = openSqliteStore(join(mkdtempSync(join(tmpdir(), 'hallway-oauth-agenda-')), 'hallway.db'));
  let slack: SlackApp | undefined;
  const agenda = createAgendaRuntime({
    store,
    engine: () => engine,
    messengers: () => (slack === undefined ? [] : [slack.agendaMessenger]),
    clock,
    logger: captureLogger().logger,
  });
  const services = oauthServices(() => store.installations, { agenda: () => agenda.service });
  const app = await startOAuthApp(fake, () => engine, services);
  slack = app.slack;
  return {
    ...app,
    fake,
    store,
    agenda,
    async stop() {
      await agenda.stop();
      await app.slack.stop();
      await fake.close();
      await store.close();
    },
  };
}

/** Starts an install: the state in Slack's authorize URL, and the cookie that binds it to this browser. */
export async function startInstall(base: string): Promise<{ state: string; cookie: string; location: URL }> {
  const response = await fetch(`${base}/slack/install`, { redirect: 'manual' });
  expect(response.status).toBe(302);
  const location = new URL(response.headers.get('location') ?? '');
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { state: location.searchParams.get('state') ?? '', cookie, location };
}

/** Slack's redirect back after the admin approved (or a forged one). */
export function redirect(base: string, query: string, cookie?: string): Promise<Response> {
  return fetch(`${base}/slack/oauth_redirect?${query}`, { headers: cookie === undefined ? {} : { cookie } });
}

/** Installs Hallway in the workspace the code names (the fake's `oauth.v2.access` reads the team from it). */
export async function install(base: string, code: string): Promise<void> {
  const { state, cookie } = await startInstall(base);
  const done = await redirect(base, `code=${code}&state=${encodeURIComponent(state)}`, cookie);
  expect(done.status).toBe(200);
}

/** An Events API envelope from the workspace `teamId`, as Slack sends it once Hallway is installed there. */
export function inWorkspace(
  teamId: string,
  event: Record<string, unknown>,
  eventId: string,
): Record<string, unknown> {
  return {
    ...eventCallback(event, eventId),
    team_id: teamId,
    authorizations: [{ team_id: teamId, user_id: 'UHALLWAY', is_bot: true, is_enterprise_install: false }],
  };
}
