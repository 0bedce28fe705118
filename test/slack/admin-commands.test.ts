// /hallway digest here|off|list and /hallway reload through the real Bolt: who may, what they see, what is stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DigestStore } from '../../adapters/digest/digest-store.ts';
import { parseHallwayCommand } from '../../adapters/slack/command-text.ts';
import { DEFAULT_DATASET, engineFor } from '../helpers/engines.ts';
import { captureLogger } from './capture-logger.ts';
import type { Recorded } from './fake-slack.ts';
import { type HttpSlack, startHttpSlack } from './http-harness.ts';
import { type TestServices, type TestServicesOptions, tempDatabase, testServices } from './services.ts';

const engine = engineFor(DEFAULT_DATASET, Date.parse('2026-03-24T10:00:00+01:00'));
const REFUSAL =
  'Sorry, only workspace admins (or people in HALLWAY_ADMINS) can change where the daily digest goes.';

describe('parseHallwayCommand', () => {
  it.each([
    ['digest here', { kind: 'subscription', command: 'subscribe' }],
    ['Digest Here.', { kind: 'subscription', command: 'subscribe' }],
    ['subscribe', { kind: 'subscription', command: 'subscribe' }],
    ['subscribe to the digest here', { kind: 'subscription', command: 'subscribe' }],
    ['digest off', { kind: 'subscription', command: 'unsubscribe' }],
    ['unsubscribe', { kind: 'subscription', command: 'unsubscribe' }],
    ['digest unsubscribe', { kind: 'subscription', command: 'unsubscribe' }],
    ['digest list', { kind: 'subscription', command: 'list' }],
    ['reload', { kind: 'reload' }],
    ['reload data!', { kind: 'reload' }],
    ['digest', { kind: 'question', question: 'digest' }],
    ['digest for Thursday', { kind: 'question', question: 'digest for Thursday' }],
    ['digest on thursday', { kind: 'question', question: 'digest on thursday' }],
    [
      'who subscribes to the here and now?',
      { kind: 'question', question: 'who subscribes to the here and now?' },
    ],
    [
      'use fosdem-2026',
      { kind: 'conference', command: { kind: 'use', conferenceId: 'fosdem-2026', scope: 'channel' } },
    ],
    [
      'Use FOSDEM-2026.',
      { kind: 'conference', command: { kind: 'use', conferenceId: 'fosdem-2026', scope: 'channel' } },
    ],
    ['conferences', { kind: 'conference', command: { kind: 'list' } }],
    ['use', { kind: 'conference', command: { kind: 'list' } }],
    // A question that starts with "use" stays a question.
    ['use of GPUs in batch jobs', { kind: 'question', question: 'use of GPUs in batch jobs' }],
  ])('%j is %j', (text, expected) => {
    expect(parseHallwayCommand(text)).toEqual(expected);
  });
});

describe('/hallway digest and reload (real Bolt, HTTP mode)', () => {
  const { db } = tempDatabase();
  const store = new DigestStore(db);
  /** The shared commands' own log (who ran what, allowed or not). */
  const serviceLog = captureLogger();
  let harness: HttpSlack;
  let built: TestServices;
  let responseCounter = 0;

  beforeAll(async () => {
    const bare = testServices({ store, logger: serviceLog.logger, without: ['subscriptions', 'reload'] });
    harness = await startHttpSlack({ engine: () => engine, services: bare.services });
  });

  afterAll(async () => {
    await harness?.stop();
    db.close();
  });

  /** Runs `run` against an app with every command set up. */
  async function withServices<T>(
    options: Omit<TestServicesOptions, 'store' | 'logger'>,
    run: (slack: HttpSlack) => Promise<T>,
  ): Promise<T> {
    built = testServices({ store, logger: serviceLog.logger, ...options });
    const slack = await startHttpSlack({ engine: () => engine, services: built.services });
    try {
      return await run(slack);
    } finally {
      await slack.stop();
    }
  }

  /** Runs `/hallway <text>` as `user` in `channel` and returns the one private reply. */
  async function command(
    slack: HttpSlack,
    text: string,
    user = 'U0ALICE',
    channel = 'C0GENERAL',
  ): Promise<Recorded['body']> {
    responseCounter += 1;
    const id = `adm-${responseCounter}`;
    await slack.handled(() => slack.sendCommand(text, id, { user_id: user, channel_id: channel }));
    const [reply] = slack.fake.callsTo(`respond:${id}`);
    expect(reply?.body.response_type).toBe('ephemeral');
    return reply?.body ?? {};
  }

  it('without the digest or reload set up, says so politely instead of answering a question', async () => {
    const subscribe = await command(harness, 'digest here');
    expect(subscribe.text).toBe(
      'The daily digest is not set up on this Hallway, so there is nothing to subscribe to.',
    );
    const reload = await command(harness, 'reload');
    expect(reload.text).toBe('Reloading the data is not set up on this Hallway.');
    const use = await command(harness, 'use fosdem-2026');
    expect(use.text).toBe(
      'This Hallway serves one conference, so there is nothing to choose; every channel answers about it.',
    );
    expect(harness.fake.callsTo('users.info')).toHaveLength(0);
  });

  it('refuses a member who is not an admin, stores nothing, and logs the refusal', async () => {
    await withServices({}, async (slack) => {
      const reply = await command(slack, 'digest here', 'U0MEMBER');
      expect(reply.text).toContain(REFUSAL);
      expect(reply.text).toContain('Ask one of them to run /hallway digest here');
      expect(slack.fake.callsTo('users.info').map((call) => call.body.user)).toEqual(['U0MEMBER']);
      expect(store.subscriptions('slack')).toEqual([]);
      expect(serviceLog.lines()).toContainEqual(
        expect.objectContaining({ user: 'U0MEMBER', allowed: false, command: 'subscribe' }),
      );
    });
  });

  it.each([
    ['a workspace admin', { is_admin: true }],
    ['the workspace owner', { is_owner: true }],
    ['the primary owner', { is_primary_owner: true }],
  ])('lets %s subscribe the channel, with a link to it, and turn it off again', async (_who, flags) => {
    await withServices({}, async (slack) => {
      slack.fake.setUser('U0BOSS', flags);
      const reply = await command(slack, 'digest here', 'U0BOSS', 'C0TALKS');
      expect(reply.text).toBe(
        '<#C0TALKS> will get the daily digest. The next one goes out Sat 27 Mar, 08:00 WET.',
      );
      const blocks = reply.blocks as Array<{ text: { type: string; text: string } }>;
      expect(blocks[0]?.text).toMatchObject({ type: 'mrkdwn', text: reply.text });
      expect(store.subscriptions('slack')).toMatchObject([
        { channelId: 'C0TALKS', createdBy: 'U0BOSS', workspaceId: 'T0TEAM' },
      ]);
      expect((await command(slack, 'unsubscribe', 'U0BOSS', 'C0TALKS')).text).toBe(
        '<#C0TALKS> will no longer get the daily digest.',
      );
      expect(store.subscriptions('slack')).toEqual([]);
    });
  });

  it('lets people in HALLWAY_ADMINS in without asking Slack, and lists channels for anyone', async () => {
    await withServices({ admins: 'U0LEAD, discord:123' }, async (slack) => {
      expect((await command(slack, 'digest here', 'U0LEAD', 'C0KEYNOTES')).text).toContain(
        '<#C0KEYNOTES> will get the daily digest.',
      );
      expect((await command(slack, 'digest here', 'U0LEAD', 'C0KEYNOTES')).text).toContain(
        '<#C0KEYNOTES> already gets the daily digest.',
      );
      const list = await command(slack, 'digest list', 'U0MEMBER');
      expect(list.text).toBe(
        'The daily digest goes to:\n• <#C0KEYNOTES>\nThe next one goes out Sat 27 Mar, 08:00 WET.',
      );
      expect(slack.fake.callsTo('users.info')).toHaveLength(0);
      expect(store.unsubscribe('slack', 'C0KEYNOTES')).toBe(true);
    });
  });

  it('treats a failing users.info as "not an admin" and logs why', async () => {
    await withServices({}, async (slack) => {
      slack.fake.script('users.info', { error: 'missing_scope' });
      const reply = await command(slack, 'digest off', 'U0BOSS');
      expect(reply.text).toContain(REFUSAL);
      expect(slack.log.lines()).toContainEqual(
        expect.objectContaining({
          level: 40,
          user: 'U0BOSS',
          msg: expect.stringContaining('users.info failed, so the user is treated as not an admin'),
        }),
      );
    });
  });

  it('keeps "digest" and "digest for Thursday" as questions the engine answers', async () => {
    await withServices({}, async (slack) => {
      const reply = await command(slack, 'digest for Thursday');
      expect(reply.text).toContain('Jorge Castro (CNCF)');
      expect(JSON.stringify(reply.blocks)).toContain('hallway_share');
      expect(slack.fake.callsTo('users.info')).toHaveLength(0);
    });
  });

  it('/hallway reload runs for an admin, with the admin context, and is refused to others', async () => {
    await withServices({ admins: 'U0LEAD' }, async (slack) => {
      const done = await command(slack, 'reload', 'U0LEAD');
      expect(done.text).toMatch(/^Reloaded: 42 sessions; since before: 0 added, 0 cancelled, 0 moved\./);
      // The source's error text is shown as text: it cannot ping.
      expect(done.text).toContain('HTTP 500 &lt;!channel&gt;');
      expect(built.reloads).toEqual([
        expect.objectContaining({
          platform: 'slack',
          userId: 'U0LEAD',
          channelId: 'C0GENERAL',
          isAdmin: true,
        }),
      ]);
      const refused = await command(slack, 'reload', 'U0MEMBER');
      expect(refused.text).toBe(
        "Sorry, only workspace admins (or people in HALLWAY_ADMINS) can reload Hallway's data.",
      );
      expect(built.reloads.at(-1)).toMatchObject({ userId: 'U0MEMBER', isAdmin: false });
    });
  });
});
