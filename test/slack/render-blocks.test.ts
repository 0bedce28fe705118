// Answers rendered as Block Kit, on literal answers: the layout, Slack's limits, and inert data.
import { describe, expect, it } from 'vitest';
import { SLACK_LIMITS } from '../../adapters/slack/limits.ts';
import { fitsOneMessage, renderAnswer, type SlackBlock } from '../../adapters/slack/render-blocks.ts';
import { privateAnswer, sharedAnswer } from '../../adapters/slack/surfaces.ts';
import type { Answer, AnswerBlock, AnswerItem } from '../../src/index.ts';
import { blockTexts } from './block-texts.ts';

function answer(blocks: AnswerBlock[], overrides: Partial<Answer> = {}): Answer {
  return {
    question: 'who spoke about platform engineering?',
    intent: 'topic',
    answered: true,
    title: 'On “platform engineering”',
    blocks,
    results: [],
    text: 'plain text rendering',
    ...overrides,
  };
}

const keynote: AnswerItem = {
  title: 'Keynote: From Cloud-Native Apps to Cloud-Native Platforms',
  url: 'https://kccnceu2026.sched.com/event/2HgPy',
  fields: [
    { label: 'People', value: 'Abby Bangser (Syntasso)' },
    { label: 'When', value: 'Thu 26 Mar, 09:34–09:44 CET' },
    { label: 'Where', value: 'Hall 12' },
    { label: 'Kind', value: 'keynote' },
  ],
  text: 'Abby Bangser on platform engineering and bottlenecks.',
};

function item(index: number): AnswerBlock {
  return {
    type: 'item',
    item: { title: `Session ${index}`, fields: [{ label: 'Where', value: 'Hall 12' }] },
  };
}

/** Every text in the blocks, as Slack would receive it. */
const texts = (blocks: readonly SlackBlock[]): string[] => blockTexts(blocks);

describe('renderAnswer: layout', () => {
  it('renders header, paragraph, item with linked title and fields, item text, more, suggestions, sources', () => {
    const message = renderAnswer(
      answer([
        { type: 'paragraph', text: 'Abby Bangser (Syntasso) spoke about platform engineering.' },
        { type: 'item', item: keynote },
        { type: 'more', count: 2, noun: 'sessions' },
        { type: 'suggestions', items: ['who spoke about GPU sharing?', 'help'] },
        {
          type: 'sources',
          sources: [
            { title: 'Official schedule (Sched)', url: 'https://kccnceu2026.sched.com' },
            { title: 'Final Day Recap' },
          ],
        },
      ]),
    );
    expect(message.text).toBe('plain text rendering');
    expect(message.blocks).toEqual([
      { type: 'header', text: { type: 'plain_text', text: 'On “platform engineering”', emoji: false } },
      {
        type: 'section',
        text: {
          type: 'plain_text',
          text: 'Abby Bangser (Syntasso) spoke about platform engineering.',
          emoji: false,
        },
      },
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: '*<https://kccnceu2026.sched.com/event/2HgPy|Keynote: From Cloud-Native Apps to Cloud-Native Platforms>*',
          verbatim: true,
        },
        fields: [
          { type: 'plain_text', text: 'People: Abby Bangser (Syntasso)', emoji: false },
          { type: 'plain_text', text: 'When: Thu 26 Mar, 09:34–09:44 CET', emoji: false },
          { type: 'plain_text', text: 'Where: Hall 12', emoji: false },
        ],
      },
      {
        type: 'section',
        text: {
          type: 'plain_text',
          text: 'Abby Bangser on platform engineering and bottlenecks.',
          emoji: false,
        },
      },
      { type: 'context', elements: [{ type: 'plain_text', text: '…and 2 more sessions.', emoji: false }] },
      {
        type: 'context',
        elements: [{ type: 'plain_text', text: 'Try: “who spoke about GPU sharing?”, “help”', emoji: false }],
      },
      {
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text: 'Sources: <https://kccnceu2026.sched.com/|Official schedule (Sched)> · Final Day Recap',
            verbatim: true,
          },
        ],
      },
    ]);
  });

  it('shows an item without a url as a bold, unlinked title, and bullets as one section', () => {
    const message = renderAnswer(
      answer([
        { type: 'item', item: { title: 'Live demo: HAMi', fields: [] } },
        { type: 'bullets', items: ['list speakers', 'list rooms'] },
        { type: 'heading', text: 'Thursday' },
      ]),
    );
    expect(message.blocks.slice(1)).toEqual([
      { type: 'section', text: { type: 'mrkdwn', text: '*Live demo: HAMi*', verbatim: true } },
      { type: 'section', text: { type: 'plain_text', text: '• list speakers\n• list rooms', emoji: false } },
      { type: 'section', text: { type: 'mrkdwn', text: '*Thursday*', verbatim: true } },
    ]);
  });

  it('a private answer ends in the "Share to channel" button; a shared one names who shared it', () => {
    const base = answer([{ type: 'paragraph', text: 'An answer.' }]);
    expect(privateAnswer(base).blocks.at(-1)).toEqual({
      type: 'actions',
      elements: [
        {
          type: 'button',
          action_id: 'hallway_share',
          text: { type: 'plain_text', text: 'Share to channel', emoji: false },
          value: 'who spoke about platform engineering?',
        },
      ],
    });
    expect(texts(sharedAnswer(base, 'alice').blocks).at(-1)).toBe(
      'Shared by alice, who asked “who spoke about platform engineering?”',
    );
  });
});

describe('renderAnswer: Slack limits', () => {
  it('keeps at most 50 blocks, ends the items in "…and N more results." and keeps the sources', () => {
    const blocks: AnswerBlock[] = [
      { type: 'paragraph', text: '80 matches, best first:' },
      ...Array.from({ length: 80 }, (_, index) => item(index + 1)),
      { type: 'sources', sources: [{ title: 'Schedule', url: 'https://example.org/s' }] },
    ];
    const message = renderAnswer(answer(blocks));
    expect(message.blocks).toHaveLength(SLACK_LIMITS.blocksPerMessage);
    // header + paragraph + 46 items + "more" + sources = 50
    const all = texts(message.blocks);
    expect(all).toContain('…and 34 more results.');
    expect(all.at(-1)).toBe('Sources: <https://example.org/s|Schedule>');
    expect(all).toContain('*Session 46*');
    expect(all).not.toContain('*Session 47*');
  });

  it('adds a dropped "more" block to the count, and leaves room for the share button', () => {
    const blocks: AnswerBlock[] = [
      ...Array.from({ length: 60 }, (_, index) => item(index + 1)),
      { type: 'more', count: 5, noun: 'sessions' },
    ];
    const message = privateAnswer(answer(blocks));
    // header + 47 items + "…and 13 + 5 more" + the button = 50
    expect(message.blocks).toHaveLength(50);
    expect(message.blocks.at(-1)?.type).toBe('actions');
    expect(texts(message.blocks)).toContain('…and 18 more sessions.');
  });

  it('cuts a header to 150 characters, a section to 3,000, and fields to 10 of 2,000', () => {
    const long = 'x'.repeat(5000);
    const fields = Array.from({ length: 14 }, (_, index) => ({ label: `F${index}`, value: long }));
    const message = renderAnswer(
      answer(
        [
          { type: 'paragraph', text: long },
          { type: 'item', item: { title: 'T', fields } },
        ],
        { title: long },
      ),
    );
    const [head, paragraph, itemSection] = message.blocks as unknown as [
      { text: { text: string } },
      { text: { text: string } },
      { fields: { text: string }[] },
    ];
    expect(head.text.text).toHaveLength(SLACK_LIMITS.headerText);
    expect(head.text.text.endsWith('…')).toBe(true);
    expect(paragraph.text.text).toHaveLength(SLACK_LIMITS.sectionText);
    expect(itemSection.fields).toHaveLength(SLACK_LIMITS.fieldsPerSection);
    expect(Math.max(...itemSection.fields.map((field) => field.text.length))).toBe(SLACK_LIMITS.fieldText);
    expect(itemSection.fields.at(-1)?.text).toBe('…and 5 more');
  });

  it('ends a bullet list that passes 3,000 characters in "…and N more", and cuts the fallback text', () => {
    const lines = Array.from({ length: 200 }, (_, index) => `speaker number ${index} with a long name`);
    const message = renderAnswer(answer([{ type: 'bullets', items: lines }], { text: 'y'.repeat(10_000) }));
    const bullets = texts(message.blocks)[1] as string;
    expect(bullets.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    expect(bullets).toMatch(/\n…and \d+ more$/);
    const shown = bullets.split('\n').length - 1;
    expect(bullets).toContain(`…and ${200 - shown} more`);
    expect(message.text).toHaveLength(SLACK_LIMITS.fallbackText);
  });
});

describe('fitsOneMessage', () => {
  const withItems = (count: number): Answer =>
    answer([
      { type: 'paragraph', text: `${count} matches:` },
      ...Array.from({ length: count }, (_, index) => item(index + 1)),
      { type: 'sources', sources: [{ title: 'Schedule' }] },
    ]);
  const cut = (message: { blocks: readonly SlackBlock[] }) =>
    texts(message.blocks).some((text) => /^…and \d+ more (results|parts)\.$/.test(text));

  it.each([1, 46, 47, 48, 60])(
    'with %i items says "fits" exactly when rendering would cut nothing',
    (count) => {
      const long = withItems(count);
      expect(fitsOneMessage(long)).toBe(!cut(renderAnswer(long)));
      // header + paragraph + items + sources: 47 items make 50 blocks.
      expect(fitsOneMessage(long)).toBe(count <= 47);
    },
  );

  it('counts the blocks a caller reserves (the share button)', () => {
    expect(fitsOneMessage(withItems(47))).toBe(true);
    expect(fitsOneMessage(withItems(47), { reserveBlocks: 1 })).toBe(false);
  });
});

describe('renderAnswer: escaping', () => {
  const hostile: AnswerItem = {
    title: '*Free* <!channel> & <https://evil.example|click>',
    url: 'javascript:alert(1)',
    fields: [{ label: 'People', value: '<@U0BOSS> & <!here>' }],
    text: 'Ping <!everyone> > now',
  };

  it('escapes &, < and > in data, so <!channel>, <@U…> and forged links stay text', () => {
    const message = renderAnswer(
      answer(
        [
          { type: 'paragraph', text: 'I found nothing about “<!channel> & <@U0BOB>”.' },
          { type: 'item', item: hostile },
          {
            type: 'sources',
            sources: [{ title: '<!here> _recap_', url: 'https://example.org/a?b=1&c=<2>' }],
          },
        ],
        { title: '<!channel> alert', text: 'Fallback <!channel> & <@U0BOB>' },
      ),
    );
    const all = texts(message.blocks);
    for (const text of [...all, message.text]) expect(text).not.toMatch(/<[!@#]/);
    expect(all[0]).toBe('&lt;!channel&gt; alert');
    expect(all[1]).toBe('I found nothing about “&lt;!channel&gt; &amp; &lt;@U0BOB&gt;”.');
    // A javascript: URL is not linked; * in the title cannot bold, <…> cannot link.
    expect(all[2]).toBe('*∗Free∗ &lt;!channel&gt; &amp; &lt;https://evil.example|click&gt;*');
    expect(all[3]).toBe('People: &lt;@U0BOSS&gt; &amp; &lt;!here&gt;');
    expect(all[4]).toBe('Ping &lt;!everyone&gt; &gt; now');
    expect(all[5]).toBe('Sources: <https://example.org/a?b=1&amp;c=%3C2%3E|&lt;!here&gt; ˍrecapˍ>');
    expect(message.text).toBe('Fallback &lt;!channel&gt; &amp; &lt;@U0BOB&gt;');
  });

  it('never cuts an escaped entity in half when truncating', () => {
    const message = renderAnswer(answer([], { title: `${'a'.repeat(146)}&&&&` }));
    const header = texts(message.blocks)[0] as string;
    expect(header.length).toBeLessThanOrEqual(SLACK_LIMITS.headerText);
    expect(header).toBe(`${'a'.repeat(146)}…`);
  });
});
