// Slack text in (mentions, links, entities) to questions, and retries remembered by event_id.
import { describe, expect, it } from 'vitest';
import { createEventDeduper } from '../../adapters/slack/dedupe.ts';
import { questionFromSlackText } from '../../adapters/slack/slack-text.ts';

describe('questionFromSlackText', () => {
  it.each([
    ['<@UHALLWAY> who spoke about k8s?', 'who spoke about k8s?'],
    ['<@UHALLWAY|hallway>   what is   HAMi?', 'what is HAMi?'],
    ['who is <@U0BOB|bob> <@U0ANNA>?', 'who is bob ?'],
    ['<!channel> <!here|here> what is on now?', 'channel here what is on now?'],
    ['<!subteam^S012|@platform-team> who spoke?', 'platform-team who spoke?'],
    ['what about <#C0123|kubecon-eu>?', 'what about kubecon-eu ?'],
    [
      'is <https://kubecon.io|the site> right? <https://example.org>',
      'is the site right? https://example.org',
    ],
    ['what is &lt;b&gt; &amp; &lt;!channel&gt;', 'what is <b> & <!channel>'],
    ['<@UHALLWAY>', ''],
  ])('%j → %j', (text, question) => {
    expect(questionFromSlackText(text, 'UHALLWAY')).toBe(question);
  });
});

describe('createEventDeduper', () => {
  it('says an event id is new once, forgets it after the window, and keeps a bounded set', () => {
    let now = 0;
    const deduper = createEventDeduper({ ttlMs: 1000, maxEntries: 3, now: () => now });
    expect(deduper.firstSeen('Ev1')).toBe(true);
    expect(deduper.firstSeen('Ev1')).toBe(false);
    now = 1500;
    expect(deduper.firstSeen('Ev1')).toBe(true);
    for (const id of ['Ev2', 'Ev3', 'Ev4']) deduper.firstSeen(id);
    // Ev1 was the oldest of four: pushed out to keep three.
    expect(deduper.firstSeen('Ev1')).toBe(true);
    expect(deduper.firstSeen('Ev4')).toBe(false);
  });
});
