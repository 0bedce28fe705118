// The Slack adapter in HTTP mode, through the real Bolt HTTPReceiver, with signed requests and a fake Web API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/index.ts';
import { DEFAULT_DATASET, engineFor } from '../helpers/engines.ts';
import { BOT, type FakeSlack } from './fake-slack.ts';
import { type HttpSlack, startHttpSlack } from './http-harness.ts';
import { directMessageEvent, form, mentionEvent, postSigned, shareClick } from './slack-requests.ts';

const real = engineFor(DEFAULT_DATASET);
/** The real engine, except that a question containing "explode" throws: a handler error on demand. */
const engine: Engine = {
  ...real,
  ask(question, options) {
    if (question.includes('explode')) throw new Error('engine exploded on purpose');
    return real.ask(question, options);
  },
};

let harness: HttpSlack;
let fake: FakeSlack;
let endpoint: string;

beforeAll(async () => {
  harness = await startHttpSlack({ engine: () => engine });
  ({ fake, endpoint } = harness);
});

afterAll(async () => {
  await harness?.stop();
});

const sendEvent: HttpSlack['sendEvent'] = (event, options) => harness.sendEvent(event, options);
const sendCommand: HttpSlack['sendCommand'] = (text, id) => harness.sendCommand(text, id);
const handled: HttpSlack['handled'] = (send, count) => harness.handled(send, count);
const postsIn: HttpSlack['postsIn'] = (thread) => harness.postsIn(thread);

describe('Slack over HTTP (real Bolt HTTPReceiver)', () => {
  it('answers url_verification with the challenge', async () => {
    const body = JSON.stringify({ token: 'x', challenge: 'c-3p0', type: 'url_verification' });
    const response = await postSigned(endpoint, body, 'application/json');
    expect(response.status).toBe(200);
    expect(JSON.parse(response.text)).toEqual({ challenge: 'c-3p0' });
  });

  it('answers an @mention in a thread under the question, without its own mention', async () => {
    const event = mentionEvent('who spoke about platform engineering?');
    let status = 0;
    const done = await handled(async () => {
      status = (await sendEvent(event)).status;
    });
    expect(status).toBe(200);
    expect(done).toEqual([{ kind: 'answered', surface: 'mention' }]);
    const [post] = postsIn(event.ts);
    expect(post?.body.channel).toBe('C0GENERAL');
    expect(post?.body.text).toContain('Abby Bangser (Syntasso) spoke about platform engineering');
    expect(post?.body.unfurl_links).toBe('false');
    const blocks = post?.body.blocks as { type: string; fields?: { text: string }[] }[];
    expect(blocks[0]).toEqual({
      type: 'header',
      text: expect.objectContaining({ text: 'On “platform engineering”' }),
    });
    const fields = blocks.flatMap((block) => block.fields ?? []).map((field) => field.text);
    expect(fields).toContain('People: Abby Bangser (Syntasso)');
    expect(fields).toContain('Where: Hall 12');
  });

  it('replies inside the existing thread when mentioned in one', async () => {
    const event = mentionEvent('what is HAMi?', { thread_ts: '1774511111.000001' });
    await handled(() => sendEvent(event));
    const [post] = postsIn('1774511111.000001');
    expect(post?.body.text).toContain('HAMi');
  });

  it('reads a follow-up in the same thread against the previous answer, and only there', async () => {
    const first = mentionEvent('which demo showed GPU sharing?');
    await handled(() => sendEvent(first));
    const thread = first.ts as string;
    await handled(() => sendEvent(mentionEvent('when is it?', { thread_ts: thread })));
    const followUp = postsIn(thread).at(-1);
    expect(followUp?.body.text).toContain('sharing GPUs across workloads with HAMi');
    expect(followUp?.body.text).toContain('10:03');
    // Another thread has no previous answer to refer to.
    const elsewhere = mentionEvent('when is it?');
    await handled(() => sendEvent(elsewhere));
    expect(postsIn(elsewhere.ts as string)[0]?.body.text).not.toContain('HAMi');
  });

  it('answers a direct message in the DM, not in a thread', async () => {
    expect(await handled(() => sendEvent(directMessageEvent('who is Chad Beaudin?')))).toEqual([
      { kind: 'answered', surface: 'dm' },
    ]);
    const post = fake.callsTo('chat.postMessage').find((call) => call.body.channel === 'D0ALICE');
    expect(post?.body.text).toContain('Chad Beaudin (Boeing)');
    expect(post?.body.thread_ts).toBeUndefined();
  });

  it('ignores bot messages, edits and its own messages', async () => {
    const before = fake.callsTo('chat.postMessage').length;
    const ignored = await handled(async () => {
      await sendEvent(directMessageEvent('who is Chad Beaudin?', { bot_id: 'BOTHER', user: 'UOTHERBOT' }));
      await sendEvent(directMessageEvent('who is Chad Beaudin?', { subtype: 'message_changed' }));
      await sendEvent(directMessageEvent('who is Chad Beaudin?', { user: BOT.userId, bot_id: BOT.botId }));
      await sendEvent(mentionEvent('who is Chad Beaudin?', { bot_id: 'BOTHER' }));
    }, 3);
    // Bolt's ignoreSelf drops Hallway's own message before any listener; the three others are reported.
    expect(ignored.map((outcome) => outcome.kind)).toEqual(['ignored', 'ignored', 'ignored']);
    const next = await handled(() => sendEvent(directMessageEvent('what is HAMi?')));
    expect(next).toEqual([{ kind: 'answered', surface: 'dm' }]);
    expect(fake.callsTo('chat.postMessage').length).toBe(before + 1);
  });

  it('answers /hallway privately (acknowledged first) with a "Share to channel" button', async () => {
    let response = { status: 0, text: 'not sent' };
    await handled(async () => {
      response = await sendCommand('what did Spectro Cloud announce?', 'cmd-1');
    });
    expect(response).toEqual({ status: 200, text: '' });
    const [reply] = fake.callsTo('respond:cmd-1');
    expect(reply?.body.response_type).toBe('ephemeral');
    expect(reply?.body.text).toContain('Spectro Cloud announced');
    const blocks = reply?.body.blocks as { type: string; elements?: Record<string, unknown>[] }[];
    const actions = blocks.at(-1);
    expect(actions?.type).toBe('actions');
    expect(actions?.elements?.[0]).toMatchObject({
      type: 'button',
      action_id: 'hallway_share',
      value: 'what did Spectro Cloud announce?',
      text: { type: 'plain_text', text: 'Share to channel' },
    });
  });

  it('/hallway help lists what Hallway can do in Slack', async () => {
    await handled(() => sendCommand('help', 'cmd-help'));
    const [reply] = fake.callsTo('respond:cmd-help');
    expect(reply?.body.response_type).toBe('ephemeral');
    const text = String(reply?.body.text);
    expect(text).toContain('Mention me in a channel');
    expect(text).toContain('direct message');
    expect(text).toContain('/hallway');
    expect(text).toContain('who spoke about');
    expect(text).toContain('/hallway digest here');
    const blocks = reply?.body.blocks as { type: string }[];
    expect(blocks.some((block) => block.type === 'actions')).toBe(false);
  });

  it('the share button posts the answer to the channel and removes the private copy', async () => {
    const payload = shareClick('what did Spectro Cloud announce?', fake.responseUrl('share-1'));
    let status = 0;
    const done = await handled(async () => {
      const body = form({ payload: JSON.stringify(payload) });
      status = (await postSigned(endpoint, body, 'application/x-www-form-urlencoded')).status;
    });
    expect(status).toBe(200);
    expect(done).toEqual([{ kind: 'answered', surface: 'share' }]);
    const [shared, removed] = fake.callsTo('respond:share-1');
    expect(shared?.body).toMatchObject({ response_type: 'in_channel', replace_original: false });
    expect(shared?.body.text).toContain('Spectro Cloud announced');
    expect(JSON.stringify(shared?.body.blocks)).toContain(
      'Shared by alice, who asked “what did Spectro Cloud announce?”',
    );
    expect(JSON.stringify(shared?.body.blocks)).not.toContain('hallway_share');
    expect(removed?.body).toEqual({ delete_original: true });
  });

  it('answers a retried event (X-Slack-Retry-Num) only once', async () => {
    const event = mentionEvent('what is Perses?');
    await handled(() => sendEvent(event, { eventId: 'EvRETRY1' }));
    let status = 0;
    const retried = await handled(async () => {
      const headers = { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' };
      // Slack signs each delivery afresh: a retry has a later timestamp, so it is no replay of the first.
      const timestamp = Math.floor(Date.now() / 1000) + 1;
      status = (await sendEvent(event, { eventId: 'EvRETRY1', headers, timestamp })).status;
    });
    expect(status).toBe(200);
    expect(retried).toEqual([{ kind: 'duplicate', eventId: 'EvRETRY1', retryNum: 1 }]);
    expect(postsIn(event.ts)).toHaveLength(1);
  });

  it.each([
    ['a bad signature', { signature: 'v0=0123456789abcdef' }],
    ['a signature made with another secret', { secret: 'ffffffffffffffffffffffffffffffff' }],
    ['a stale timestamp', { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 }],
    ['missing headers', { unsigned: true }],
  ] as const)('rejects %s with 401 and never runs a handler', async (_what, options) => {
    const event = mentionEvent('who is Chad Beaudin?');
    const control = mentionEvent('what is HAMi?');
    let status = 0;
    // The rejected request, then a signed one: only the signed one reaches a handler.
    const done = await handled(async () => {
      status = (await sendEvent(event, options)).status;
      await sendEvent(control);
    });
    expect(status).toBe(401);
    expect(done).toEqual([{ kind: 'answered', surface: 'mention' }]);
    expect(postsIn(control.ts)).toHaveLength(1);
    expect(postsIn(event.ts)).toHaveLength(0);
  });

  it('publishes the App Home view when the Home tab opens', async () => {
    const done = await handled(() =>
      sendEvent({ type: 'app_home_opened', user: 'U0ALICE', channel: 'D0ALICE', tab: 'home' }),
    );
    expect(done).toEqual([{ kind: 'answered', surface: 'home' }]);
    const [publish] = fake.callsTo('views.publish');
    expect(publish?.body.user_id).toBe('U0ALICE');
    const view = publish?.body.view as { type: string; blocks: { type: string }[] };
    expect(view.type).toBe('home');
    expect(view.blocks[0]?.type).toBe('header');
    const text = JSON.stringify(view);
    expect(text).toContain('KubeCon + CloudNativeCon Europe 2026');
    expect(text).toContain('Try asking:');
    expect(text).toContain('/hallway');
  });

  it('a failing handler logs the error with context, apologises in the thread, and keeps serving', async () => {
    const event = mentionEvent('please explode');
    const [outcome] = await handled(() => sendEvent(event));
    expect(outcome?.kind).toBe('failed');
    const [apology] = postsIn(event.ts);
    expect(apology?.body.text).toContain('Sorry, something went wrong');
    const logged = harness.log
      .lines()
      .find((line) => line.msg === 'Slack request failed; apologising to the user');
    expect(logged).toMatchObject({ level: 50, surface: 'mention', channel: 'C0GENERAL', user: 'U0ALICE' });
    expect(logged?.err).toMatchObject({ message: 'engine exploded on purpose' });
    const next = mentionEvent('what is HAMi?');
    expect(await handled(() => sendEvent(next))).toEqual([{ kind: 'answered', surface: 'mention' }]);
    expect(postsIn(next.ts)).toHaveLength(1);
  });

  it('a Slack API error while posting is logged and answered with an apology', async () => {
    fake.failNext('chat.postMessage', 'not_in_channel');
    const event = mentionEvent('what is HAMi?');
    const [outcome] = await handled(() => sendEvent(event));
    expect(outcome?.kind).toBe('failed');
    const posts = postsIn(event.ts);
    expect(posts).toHaveLength(2);
    expect(posts[1]?.body.text).toContain('Sorry, something went wrong');
    expect(JSON.stringify(harness.log.lines())).toContain('not_in_channel');
  });

  it('a failing /hallway is still acknowledged, then gets a private apology', async () => {
    let status = 0;
    const [outcome] = await handled(async () => {
      status = (await sendCommand('explode now', 'cmd-fail')).status;
    });
    expect(status).toBe(200);
    expect(outcome?.kind).toBe('failed');
    const [reply] = fake.callsTo('respond:cmd-fail');
    expect(reply?.body).toMatchObject({ response_type: 'ephemeral' });
    expect(reply?.body.text).toContain('Sorry, something went wrong');
  });

  it('echoes nothing that could ping: mentions in the question and markup in echoed text are inert', async () => {
    // Slack sends what the user typed with <, > and & escaped; real mentions arrive as <@U…> and <!channel>.
    const event = mentionEvent('<!channel> <@U0BOB> what is &lt;!here&gt; &amp; quantum?');
    await handled(() => sendEvent(event));
    const [post] = postsIn(event.ts);
    const sent = JSON.stringify(post?.body);
    expect(sent).not.toMatch(/<!|<@|<#/);
    // The question's own words come back (the engine echoes words, never markup), so the reply is still about it.
    expect(sent).toContain('quantum');
  });
});
