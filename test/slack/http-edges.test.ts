// Slack's HTTP mode at its edges: oversized bodies, timestamps from the future, signed non-objects and replays.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SLACK_BODY_LIMIT_BYTES } from '../../adapters/slack/http-front.ts';
import { DEFAULT_DATASET, engineFor } from '../helpers/engines.ts';
import { rawExchange } from '../helpers/raw-http.ts';
import { type HttpSlack, startHttpSlack } from './http-harness.ts';
import { form, mentionEvent, postSigned, SIGNING_SECRET, sign, slashCommand } from './slack-requests.ts';

const engine = engineFor(DEFAULT_DATASET);
let harness: HttpSlack;
let port = 0;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  harness = await startHttpSlack({ engine: () => engine });
  port = Number(new URL(harness.endpoint).port);
});

afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  await harness?.stop();
});

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** Request headers as Slack sends them, signed over `body` (which need not be what is sent). */
function signedHead(extra: string, body = '', timestamp = nowSeconds()): string {
  return [
    'POST /slack/events HTTP/1.1',
    'Host: localhost',
    'Content-Type: application/json',
    `X-Slack-Request-Timestamp: ${timestamp}`,
    `X-Slack-Signature: ${sign(SIGNING_SECRET, timestamp, body)}`,
    extra,
  ].join('\r\n');
}

/** The control: a signed mention sent after the request under test is still answered. */
async function stillAnswers(): Promise<void> {
  const control = mentionEvent('what is HAMi?');
  expect(await harness.handled(() => harness.sendEvent(control))).toEqual([
    { kind: 'answered', surface: 'mention' },
  ]);
  expect(harness.postsIn(control.ts)).toHaveLength(1);
}

describe('Slack HTTP mode refuses bodies over its cap before buffering them', () => {
  it('answers 413 to a declared length over the cap without waiting for a byte of it', async () => {
    // 2 MB: under Bolt's own 4 MB limit, over Hallway's. Nothing of the body is ever sent.
    const head = signedHead(`Content-Length: ${2 * 1024 * 1024}`);
    expect(await rawExchange(port, head)).toEqual({ status: 413, bytesWritten: 0 });
    await stillAnswers();
  });

  it('answers 413 to a chunked body once it passes the cap, before the client has sent it all', async () => {
    const data = 'x'.repeat(64 * 1024);
    const framed = `${data.length.toString(16)}\r\n${data}\r\n`;
    // 64 MB offered (one string, repeated); the server stops at its cap, far below Bolt's own 4 MB.
    const chunks = Array.from({ length: 1024 }, () => framed);
    const reply = await rawExchange(port, signedHead('Transfer-Encoding: chunked'), chunks);
    expect(reply.status).toBe(413);
    expect(reply.bytesWritten).toBeLessThan(chunks.length * framed.length);
    const refusals = harness.log
      .lines()
      .filter((line) => line.msg === 'Slack request refused: body too large');
    expect(refusals).toContainEqual(expect.objectContaining({ limit: SLACK_BODY_LIMIT_BYTES }));
    await stillAnswers();
  });
});

describe('Slack HTTP mode edge cases', () => {
  it.each([
    ['10 minutes', 10 * 60],
    ['a year', 365 * 24 * 60 * 60],
  ])('rejects a timestamp %s in the future with 401 and never runs a handler', async (_what, ahead) => {
    const event = mentionEvent('who is Chad Beaudin?');
    const response = await harness.sendEvent(event, { timestamp: nowSeconds() + ahead });
    expect(response.status).toBe(401);
    await stillAnswers();
    expect(harness.postsIn(event.ts)).toHaveLength(0);
  });

  it.each([
    ['null', 'application/json'],
    ['42', 'application/json'],
    ['[]', 'application/json'],
    ['payload=null', 'application/x-www-form-urlencoded'],
  ] as const)('answers a signed body of %s with 400, leaving no unhandled rejection', async (body, type) => {
    const response = await postSigned(harness.endpoint, body, type);
    expect(response.status).toBe(400);
    await stillAnswers();
    expect(unhandled).toEqual([]);
  });

  it('answers a replayed signed /hallway (same signature and timestamp) only once', async () => {
    const body = form(slashCommand('what is HAMi?', harness.fake.responseUrl('replayed')));
    const timestamp = nowSeconds();
    const first = await harness.handled(() =>
      postSigned(harness.endpoint, body, 'application/x-www-form-urlencoded', { timestamp }),
    );
    expect(first).toEqual([{ kind: 'answered', surface: 'command' }]);
    const replay = await postSigned(harness.endpoint, body, 'application/x-www-form-urlencoded', {
      timestamp,
    });
    expect(replay.status).toBe(200);
    await stillAnswers();
    expect(harness.fake.callsTo('respond:replayed')).toHaveLength(1);
    expect(harness.log.lines().some((line) => String(line.msg).includes('replay'))).toBe(true);
  });

  it('a /hallway question cut at 500 characters in the middle of an emoji reaches Slack whole', async () => {
    // The cut falls inside the pair; a lone surrogate would arrive as U+FFFD once encoded as UTF-8.
    const question = `${'x'.repeat(499)}😀😀 e\u0301`;
    await harness.handled(() => harness.sendCommand(question, 'cut-emoji'));
    const [reply] = harness.fake.callsTo('respond:cut-emoji');
    const sent = JSON.stringify(reply?.body);
    expect(sent).toContain('Share to channel');
    expect(sent).not.toContain('\uFFFD');
    expect(sent).not.toMatch(/\\ud[89ab][0-9a-f]{2}(?!\\ud[c-f])/i);
  });
});
