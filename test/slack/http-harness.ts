// A Slack app in HTTP mode on the real Bolt HTTPReceiver against the loopback fake, with signed-request helpers.
import type { ChatServices } from '../../adapters/shared/chat-services.ts';
import { createSlackApp, type SlackApp } from '../../adapters/slack/create-slack-app.ts';
import type { Outcome } from '../../adapters/slack/request-guard.ts';
import type { Engine } from '../../src/index.ts';
import { FAKE_SLACK_BOT_TOKEN } from '../helpers/fake-credentials.ts';
import { type CapturedLogger, captureLogger } from './capture-logger.ts';
import { BOT, eventually, type FakeSlack, type Recorded, startFakeSlack } from './fake-slack.ts';
import {
  eventCallback,
  form,
  postSigned,
  SIGNING_SECRET,
  type SignedPostOptions,
  slashCommand,
} from './slack-requests.ts';

export interface HttpSlack {
  readonly fake: FakeSlack;
  readonly slack: SlackApp;
  readonly endpoint: string;
  readonly log: CapturedLogger;
  readonly outcomes: Outcome[];
  /** Posts an Events API envelope around `event`, signed. */
  sendEvent(
    event: Record<string, unknown>,
    options?: SignedPostOptions & { eventId?: string },
  ): Promise<{ status: number; text: string }>;
  /** Posts `/hallway <text>`; its replies are recorded under `respond:<responseId>`. */
  sendCommand(
    text: string,
    responseId: string,
    fields?: Record<string, string>,
  ): Promise<{ status: number; text: string }>;
  /**
   * Sends, then waits until the app reports `count` outcomes (each after its reply was sent), so no request
   * of one test is still running in the next. Returns the new outcomes.
   */
  handled(send: () => Promise<unknown>, count?: number): Promise<Outcome[]>;
  /** chat.postMessage calls in the thread `thread`. */
  postsIn(thread: unknown): Recorded[];
  stop(): Promise<void>;
}

export interface HttpSlackOptions {
  readonly engine: () => Engine;
  readonly services?: ChatServices;
  /** Web API retries; none unless given, so a failure shows at once. */
  readonly retryConfig?: { retries: number; minTimeout?: number; maxTimeout?: number; factor?: number };
}

let eventCounter = 0;

export async function startHttpSlack(options: HttpSlackOptions): Promise<HttpSlack> {
  const fake = await startFakeSlack();
  const log = captureLogger();
  const outcomes: Outcome[] = [];
  const slack = await createSlackApp({
    config: {
      botToken: FAKE_SLACK_BOT_TOKEN,
      botId: BOT.botId,
      botUserId: BOT.userId,
      connection: { mode: 'http', signingSecret: SIGNING_SECRET, port: 0 },
    },
    engine: options.engine,
    logger: log.logger,
    clientOptions: { slackApiUrl: fake.apiUrl, retryConfig: options.retryConfig ?? { retries: 0 } },
    port: 0,
    hooks: { onOutcome: (outcome) => outcomes.push(outcome) },
    ...(options.services === undefined ? {} : { services: options.services }),
  });
  const { port } = await slack.start();
  const endpoint = `http://127.0.0.1:${port}/slack/events`;
  return {
    fake,
    slack,
    endpoint,
    log,
    outcomes,
    sendEvent(event, sendOptions = {}) {
      eventCounter += 1;
      const body = JSON.stringify(eventCallback(event, sendOptions.eventId ?? `EvH${eventCounter}`));
      return postSigned(endpoint, body, 'application/json', sendOptions);
    },
    sendCommand(text, responseId, fields = {}) {
      const body = form({ ...slashCommand(text, fake.responseUrl(responseId)), ...fields });
      return postSigned(endpoint, body, 'application/x-www-form-urlencoded');
    },
    async handled(send, count = 1) {
      const seen = outcomes.length;
      await send();
      await eventually(() => (outcomes.length >= seen + count ? true : undefined), `${count} outcome(s)`);
      return outcomes.slice(seen);
    },
    postsIn(thread) {
      return fake.callsTo('chat.postMessage').filter((call) => call.body.thread_ts === thread);
    },
    async stop() {
      await slack.stop();
      await fake.close();
    },
  };
}
