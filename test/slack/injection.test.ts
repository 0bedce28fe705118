// Hostile data and questions stay inert on every Slack surface: no pings, no forged links or formatting.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DigestStore } from '../../adapters/digest/digest-store.ts';
import { silentLogger } from '../../adapters/shared/logger.ts';
import { createEngine, type Dataset, loadDataset } from '../../src/index.ts';
import { MINI_CONF } from '../helpers/engines.ts';
import type { Recorded } from './fake-slack.ts';
import { type HttpSlack, startHttpSlack } from './http-harness.ts';
import { MORNING_ONLY, tempDatabase, testServices } from './services.ts';
import { directMessageEvent, form, mentionEvent, postSigned, shareClick } from './slack-requests.ts';

/** Everything that could ping, link or format in Slack, and an entity that decodes to a ping if mishandled. */
const HOSTILE =
  '<!channel> <!here> <!everyone> <@U123> <#C123> <https://evil.example|click me> *bold* _x_ ~x~ `x` &lt;!channel&gt;';
/** The same, as Slack delivers what a user typed: their <, > and & escaped, real mentions as tokens. */
const TYPED =
  '<!channel> <!here> <!everyone> <@U123> <#C123|general> <https://evil.example|click me> *bold* _x_ ~x~ `x` &amp;lt;!channel&amp;gt;';

function loadedMiniConf(): Dataset {
  const loaded = loadDataset(MINI_CONF);
  if (!loaded.ok) throw new Error('mini-conf fixture is invalid');
  return loaded.dataset;
}

/** Mini Conf with the hostile text in a keynote's title and summary, a speaker's name and a track. */
function hostileConference(): Dataset {
  const dataset = loadedMiniConf();
  return {
    ...dataset,
    sessions: dataset.sessions.map((session) =>
      session.id === 'opening'
        ? { ...session, title: `Opening ${HOSTILE}`, summary: `Summary ${HOSTILE}` }
        : session.id === 'sardines'
          ? { ...session, track: `Scheduling ${HOSTILE}` }
          : session,
    ),
    people: dataset.people.map((person) =>
      person.id === 'rita-mar' ? { ...person, name: `Rita ${HOSTILE}`, aliases: ['Rita Mar'] } : person,
    ),
  };
}

const clock = { clock: () => Date.parse('2027-03-20T10:00:00Z') };
const engine = createEngine(hostileConference(), clock);
/** Mini Conf as it is, where the hostile question finds nothing and is only echoed back. */
const plain = createEngine(loadedMiniConf(), clock);
let current = engine;
const { db } = tempDatabase();
let harness: HttpSlack;

beforeAll(async () => {
  const { services } = testServices({
    store: new DigestStore(db),
    logger: silentLogger(),
    // Channel ids from the environment are not checked there; a hostile one must not become a link either.
    schedule: {
      ...MORNING_ONLY,
      defaultChannels: ['<!channel>', '*bold*_x_', 'C0REAL'].map((channelId) => ({
        platform: 'slack' as const,
        channelId,
      })),
    },
  });
  harness = await startHttpSlack({ engine: () => current, services });
});

afterAll(async () => {
  await harness?.stop();
  db.close();
});

/** Links Hallway itself makes: to the fixture's own pages, and to a real channel in the subscription list. */
const OWN_LINK = /^<(?:https:\/\/example\.org\/[^|<>]*\|[^<>]*|#C0REAL)>$/;

interface TextObject {
  readonly type: string;
  readonly text: string;
}

/** The message's fallback and every text object in its blocks, with its type. */
function textObjects(body: Recorded['body']): TextObject[] {
  const out: TextObject[] = [{ type: 'fallback', text: String(body.text ?? '') }];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node !== null && typeof node === 'object') {
      const { type, text } = node as { type?: unknown; text?: unknown };
      if ((type === 'mrkdwn' || type === 'plain_text') && typeof text === 'string') out.push({ type, text });
      for (const inner of Object.values(node)) visit(inner);
    }
  };
  visit(body.blocks);
  return out;
}

/** Fails if anything in the message could ping, link or format beyond what Hallway itself made. */
function expectInert(body: Recorded['body']): void {
  for (const { type, text } of textObjects(body)) {
    for (const token of text.match(/<[^>]*>?/g) ?? []) expect(token).toMatch(OWN_LINK);
    // Every & starts one of the three entities Slack decodes, so nothing decodes into markup.
    expect(text).not.toMatch(/&(?!amp;|lt;|gt;)/);
    if (type === 'mrkdwn') {
      const visible = text.replace(/<https:\/\/[^|>]*\|([^>]*)>/g, '$1').replace(/^\*(.*)\*$/s, '$1');
      expect(visible).not.toMatch(/[*_~`]/);
    }
  }
}

/** The hostile text is shown (escaped), not dropped: its entity trick included. */
function expectShown(body: Recorded['body']): void {
  const all = textObjects(body)
    .map((object) => object.text)
    .join('\n');
  expect(all).toContain('&lt;!channel&gt; &lt;!here&gt; &lt;!everyone&gt; &lt;@U123&gt;');
  expect(all).toContain('&amp;lt;!channel&amp;gt;');
}

describe('Slack output is inert (real Bolt, HTTP mode)', () => {
  it('the digest: titles, summaries, people and track headings', async () => {
    for (const send of harness.slack.digestPoster.messages(
      'C0DIGEST',
      engine.digest({ date: '2027-03-27' }),
      { key: 'digest/C0DIGEST/test', resumed: false },
    )) {
      await send();
    }
    const posts = harness.fake.callsTo('chat.postMessage').filter((call) => call.body.channel === 'C0DIGEST');
    expect(posts.length).toBeGreaterThan(0);
    for (const post of posts) expectInert(post.body);
    const all = posts.flatMap((post) => textObjects(post.body).map((object) => object.text)).join('\n');
    expect(all).toContain('Rita &lt;!channel&gt;');
    expect(all).toContain('*Scheduling &lt;!channel&gt;');
    expect(all).toContain('∗bold∗ ˍxˍ ∼x∼ ˋxˋ');
    for (const post of posts) expect(post.body.unfurl_links).toBe('false');
  });

  it.each([
    ['a mention', 'C0INJECT'],
    ['a direct message', 'D0INJECT'],
  ] as const)('answers to %s, about hostile data and with a hostile question', async (_what, channel) => {
    const ask = (question: string) =>
      channel.startsWith('D')
        ? directMessageEvent(question, { channel })
        : mentionEvent(question, { channel });
    await harness.handled(() => harness.sendEvent(ask('who is Rita Mar?')));
    await harness.handled(() => harness.sendEvent(ask(`what about ${TYPED}?`)));
    const replies = harness.fake.callsTo('chat.postMessage').filter((call) => call.body.channel === channel);
    expect(replies).toHaveLength(2);
    for (const reply of replies) {
      expectInert(reply.body);
      expectShown(reply.body);
    }
  });

  it('a hostile question that finds nothing is echoed back inert, on every question surface', async () => {
    current = plain;
    try {
      const question = `${TYPED} zebras?`;
      await harness.handled(() => harness.sendEvent(mentionEvent(question, { channel: 'C0ECHO' })));
      await harness.handled(() => harness.sendEvent(directMessageEvent(question, { channel: 'D0ECHO' })));
      await harness.handled(() => harness.sendCommand(question, 'inj-echo'));
      const replies = [
        ...harness.fake
          .callsTo('chat.postMessage')
          .filter((call) => /^[CD]0ECHO$/.test(String(call.body.channel))),
        ...harness.fake.callsTo('respond:inj-echo'),
      ];
      expect(replies).toHaveLength(3);
      for (const reply of replies) {
        expectInert(reply.body);
        expect(String(reply.body.text)).toMatch(/found nothing|couldn't find anything|have nothing on/);
        // The question's words come back as plain words (which of them depends on how it is read), never as markup.
        expect(String(reply.body.text)).toMatch(/zebras|click me/);
      }
    } finally {
      current = engine;
    }
  });

  it('a private /hallway answer, its share button, and the digest list', async () => {
    await harness.handled(() => harness.sendCommand(`digest for Saturday ${TYPED}`, 'inj-1'));
    await harness.handled(() => harness.sendCommand('who is Rita Mar?', 'inj-2'));
    await harness.handled(() => harness.sendCommand('digest list', 'inj-3'));
    for (const id of ['inj-1', 'inj-2', 'inj-3']) {
      const [reply] = harness.fake.callsTo(`respond:${id}`);
      expect(reply?.body.response_type).toBe('ephemeral');
      expectInert(reply?.body ?? {});
    }
    expectShown(harness.fake.callsTo('respond:inj-2')[0]?.body ?? {});
    // Sharing names the question in the channel: a hostile button value is shown as text too.
    const click = shareClick(`who is Rita Mar? ${HOSTILE}`, harness.fake.responseUrl('inj-share'));
    await harness.handled(() =>
      postSigned(
        harness.endpoint,
        form({ payload: JSON.stringify(click) }),
        'application/x-www-form-urlencoded',
      ),
    );
    const [shared] = harness.fake.callsTo('respond:inj-share');
    expect(shared?.body.response_type).toBe('in_channel');
    expectInert(shared?.body ?? {});
    expect(textObjects(shared?.body ?? {}).at(-1)?.text).toMatch(
      /^Shared by alice, who asked “.*&lt;!channel&gt;/,
    );
    const list = harness.fake.callsTo('respond:inj-3')[0]?.body.text;
    expect(list).toBe(
      "The daily digest goes to:\n• &lt;!channel&gt; (from Hallway's configuration)\n• ∗bold∗ˍxˍ (from Hallway's configuration)\n• <#C0REAL> (from Hallway's configuration)\nThe next one goes out Sat 27 Mar, 08:00 WET.",
    );
  });
});
