// Answers rendered for Discord, on literal answers: embeds, every limit, "…and N more", and escaping.
import { describe, expect, it } from 'vitest';
import { escapeDiscordText } from '../../adapters/discord/escape-text.ts';
import { fitPieces, truncate } from '../../adapters/discord/fit-text.ts';
import { DISCORD_LIMITS as L } from '../../adapters/discord/limits.ts';
import { contentFitsOneMessage, renderContent } from '../../adapters/discord/render-content.ts';
import {
  EMBED_COLORS,
  embedLength,
  fitsOneMessage,
  renderEmbeds,
} from '../../adapters/discord/render-embeds.ts';
import { type Answer, type AnswerBlock, type AnswerItem, renderPlainText } from '../../src/index.ts';

function answer(blocks: AnswerBlock[], title = 'On “platform engineering”', answered = true): Answer {
  return {
    question: 'who spoke about platform engineering?',
    intent: 'topic',
    answered,
    title,
    blocks,
    results: [],
    text: renderPlainText(blocks),
  };
}

const KEYNOTE: AnswerItem = {
  title: 'Keynote: From Cloud-Native Apps to Cloud-Native Platforms',
  url: 'https://kccnceu2026.sched.com/event/2HgPy/keynote',
  fields: [
    { label: 'People', value: 'Abby Bangser (Syntasso)' },
    { label: 'When', value: 'Thu 26 Mar, 09:34–09:44 CET' },
    { label: 'Where', value: 'Hall 12' },
    { label: 'Kind', value: 'keynote' },
  ],
  text: 'Abby Bangser on platform engineering and bottlenecks.',
};

const SOURCES: AnswerBlock = {
  type: 'sources',
  sources: [
    { title: 'Official schedule (Sched)', url: 'https://kccnceu2026.sched.com' },
    { title: 'Final Day Recap' },
  ],
};

/** Every limit of Discord's embed reference, checked on a rendered reply. */
function expectWithinLimits(embeds: ReturnType<typeof renderEmbeds>): void {
  expect(embeds.length).toBeGreaterThan(0);
  expect(embeds.length).toBeLessThanOrEqual(L.embedsPerMessage);
  expect(embeds.reduce((sum, embed) => sum + embedLength(embed), 0)).toBeLessThanOrEqual(L.embedTotal);
  for (const embed of embeds) {
    expect(embed.title?.length ?? 0).toBeLessThanOrEqual(L.embedTitle);
    expect(embed.description?.length ?? 0).toBeLessThanOrEqual(L.embedDescription);
    expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(L.embedFooterText);
    expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(L.embedFields);
    for (const field of embed.fields ?? []) {
      expect(field.name.length).toBeGreaterThan(0);
      expect(field.name.length).toBeLessThanOrEqual(L.embedFieldName);
      expect(field.value.length).toBeGreaterThan(0);
      expect(field.value.length).toBeLessThanOrEqual(L.embedFieldValue);
    }
  }
}

describe('renderEmbeds', () => {
  it('renders the lead, one embed per item with People/When/Where fields and its link, and sources in the footer', () => {
    const embeds = renderEmbeds(
      answer([
        { type: 'paragraph', text: 'Abby Bangser (Syntasso) spoke about platform engineering.' },
        { type: 'item', item: KEYNOTE },
        SOURCES,
      ]),
    );
    expect(embeds).toEqual([
      {
        color: EMBED_COLORS.answered,
        title: 'On “platform engineering”',
        url: 'https://kccnceu2026.sched.com/',
        description: 'Abby Bangser (Syntasso) spoke about platform engineering.',
      },
      {
        color: EMBED_COLORS.answered,
        title: 'Keynote: From Cloud-Native Apps to Cloud-Native Platforms',
        url: 'https://kccnceu2026.sched.com/event/2HgPy/keynote',
        description: 'Abby Bangser on platform engineering and bottlenecks.',
        fields: [
          { name: 'People', value: 'Abby Bangser (Syntasso)', inline: true },
          { name: 'When', value: 'Thu 26 Mar, 09:34–09:44 CET', inline: true },
          { name: 'Where', value: 'Hall 12', inline: true },
        ],
        footer: { text: 'Sources: Official schedule (Sched) · Final Day Recap' },
      },
    ]);
  });

  it('renders bullets, suggestions and the answer’s own "…and N more", grey when nothing was found', () => {
    const embeds = renderEmbeds(
      answer(
        [
          { type: 'paragraph', text: 'I found nothing about “quantum computing”.' },
          { type: 'bullets', items: ['feedback loop', 'end users'] },
          { type: 'more', count: 3, noun: 'topics' },
          { type: 'suggestions', items: ['who spoke about end users?', 'help'] },
        ],
        'Nothing found',
        false,
      ),
    );
    expect(embeds).toHaveLength(1);
    expect(embeds[0]?.color).toBe(EMBED_COLORS.notFound);
    expect(embeds[0]?.description).toBe(
      'I found nothing about “quantum computing”.\n\n• feedback loop\n• end users\n\n…and 3 more topics.\n\nTry: “who spoke about end users?”, “help”',
    );
  });

  it('keeps to ten embeds and counts the items it leaves out, with those the answer already left out', () => {
    const items: AnswerBlock[] = Array.from({ length: 14 }, (_, i) => ({
      type: 'item',
      item: { ...KEYNOTE, title: `Session ${i + 1}` },
    }));
    const embeds = renderEmbeds(
      answer([
        { type: 'paragraph', text: '20 sessions:' },
        ...items,
        { type: 'more', count: 6, noun: 'sessions' },
      ]),
    );
    expectWithinLimits(embeds);
    expect(embeds).toHaveLength(10);
    expect(embeds[9]?.title).toBe('Session 9');
    // Sessions 10 to 14 were cut (5), and the answer had already left out 6 more.
    expect(embeds[9]?.description).toMatch(/\n\n…and 11 more\.$/);
  });

  it('keeps 6,000 characters in total by cutting whole items and saying how many', () => {
    const long = 'word '.repeat(180).trim();
    const items: AnswerBlock[] = Array.from({ length: 9 }, (_, i) => ({
      type: 'item',
      item: { ...KEYNOTE, title: `Session ${i + 1}`, text: long },
    }));
    const embeds = renderEmbeds(answer([{ type: 'paragraph', text: 'Nine long ones:' }, ...items, SOURCES]));
    expectWithinLimits(embeds);
    expect(embeds.length).toBeLessThan(10);
    const cut = 9 - (embeds.length - 1);
    expect(embeds.at(-1)?.description).toContain(`…and ${cut} more.`);
    expect(embeds.at(-1)?.footer?.text).toContain('Sources:');
  });

  it('cuts a description over 4,096 characters by whole bullets with "…and N more"', () => {
    const names = Array.from({ length: 400 }, (_, i) => `Speaker number ${i + 1} (Some Organisation)`);
    const [embed] = renderEmbeds(
      answer([
        { type: 'paragraph', text: '400 speakers:' },
        { type: 'bullets', items: names },
      ]),
    );
    expect(embed?.description?.length).toBeLessThanOrEqual(L.embedDescription);
    const shown = (embed?.description?.match(/^• /gm) ?? []).length;
    expect(shown).toBeGreaterThan(50);
    expect(embed?.description).toMatch(new RegExp(`…and ${400 - shown} more\\.$`));
  });

  it('cuts titles, field names and field values to their limits, and drops empty fields Discord would reject', () => {
    const embeds = renderEmbeds(
      answer(
        [
          {
            type: 'item',
            item: {
              title: 'T'.repeat(400),
              fields: [
                { label: 'L'.repeat(300), value: 'v' },
                { label: 'People', value: 'x '.repeat(800) },
                { label: 'Where', value: '   ' },
                ...Array.from({ length: 30 }, (_, i) => ({ label: `F${i}`, value: 'v' })),
              ],
            },
          },
        ],
        'A'.repeat(300),
      ),
    );
    expectWithinLimits(embeds);
    const item = embeds[0];
    expect(item?.title?.endsWith('…')).toBe(true);
    expect(item?.author?.name.length).toBeLessThanOrEqual(L.embedAuthorName);
    expect(item?.fields).toHaveLength(25);
    expect(item?.fields?.some((field) => field.name === 'Where')).toBe(false);
  });

  it('escapes markdown, links and mentions coming from the data or the question', () => {
    const embeds = renderEmbeds(
      answer(
        [
          {
            type: 'paragraph',
            text: '**bold** [click](https://evil.example) and [two](https://evil.example) @everyone',
          },
          {
            type: 'item',
            item: {
              title: '# Heading <@123456789012345678>',
              url: 'javascript:alert(1)',
              fields: [{ label: 'People', value: '<@&223456789012345678> @here ||spoiler||' }],
            },
          },
          { type: 'sources', sources: [{ title: 'Ping @everyone' }] },
        ],
        'On “__x__ `code`”',
      ),
    );
    const [lead, item] = embeds;
    expect(lead?.title).toBe('On “\\_\\_x\\_\\_ \\`code\\`”');
    expect(lead?.description).toBe(
      '\\*\\*bold\\*\\* \\[click](https://evil.example) and \\[two](https://evil.example) @\u200beveryone',
    );
    expect(item?.title).toBe('\\# Heading \\<@123456789012345678>');
    expect(item?.url).toBeUndefined();
    expect(item?.fields?.[0]?.value).toBe('\\<@&223456789012345678> @\u200bhere \\|\\|spoiler\\|\\|');
    expect(item?.footer?.text).toBe('Sources: Ping @\u200beveryone');
  });
});

describe('renderContent (channels without Embed Links)', () => {
  it('fits an answer over 2,000 characters into one message, cut by items with "…and N more", sources kept', () => {
    const items: AnswerBlock[] = Array.from({ length: 12 }, (_, i) => ({
      type: 'item',
      item: { ...KEYNOTE, title: `Session ${i + 1}`, text: 'A long summary of the session. '.repeat(5) },
    }));
    const full = answer([{ type: 'paragraph', text: '12 sessions:' }, ...items, SOURCES]);
    expect(full.text.length).toBeGreaterThan(L.messageContent);
    const content = renderContent(full);
    expect(content.length).toBeLessThanOrEqual(L.messageContent);
    expect(content.startsWith('**On “platform engineering”**\n\n12 sessions:')).toBe(true);
    const shown = (content.match(/^\*\*Session \d+\*\*$/gm) ?? []).length;
    expect(content).toContain(`…and ${12 - shown} more.`);
    expect(content).toMatch(
      /Sources: Official schedule \(Sched\) <https:\/\/kccnceu2026\.sched\.com\/>; Final Day Recap$/,
    );
    expect(content).toContain(
      'People: Abby Bangser (Syntasso) · When: Thu 26 Mar, 09:34–09:44 CET · Where: Hall 12',
    );
  });
});

describe('whether an answer fits one message with nothing cut (what the digest is split by)', () => {
  const items = (count: number, text?: string): AnswerBlock[] =>
    Array.from({ length: count }, (_, i) => ({
      type: 'item',
      item: { ...KEYNOTE, title: `Session ${i + 1}`, ...(text === undefined ? {} : { text }) },
    }));
  const lead: AnswerBlock = { type: 'paragraph', text: 'Lead' };
  const manyFields = Array.from({ length: 26 }, (_, i) => ({ label: `F${i}`, value: 'v' }));
  const longSources: AnswerBlock = {
    type: 'sources',
    sources: Array.from({ length: 15 }, (_, i) => ({ title: `A source with a long title ${i}` })),
  };

  it.each<[string, boolean, AnswerBlock[]]>([
    ['a lead and nine items', true, [lead, ...items(9), SOURCES]],
    ['a lead and ten items (eleven embeds)', false, [lead, ...items(10)]],
    ['nine items of 700 characters (over 6,000 in all)', false, items(9, 'x'.repeat(700))],
    ['a paragraph over 4,096 characters', false, [{ type: 'paragraph', text: 'word '.repeat(900) }]],
    [
      'an item title over 256 characters',
      false,
      [{ type: 'item', item: { ...KEYNOTE, title: 'T'.repeat(300) } }],
    ],
    ['an item with 26 fields', false, [{ type: 'item', item: { ...KEYNOTE, fields: manyFields } }]],
  ])('as embeds: %s → %s', (_what, fits, blocks) => {
    const a = answer(blocks);
    expect(fitsOneMessage(a)).toBe(fits);
    // What fits is rendered whole: no "…and N more" and no "…" added by the renderer.
    if (fits) expect(JSON.stringify(renderEmbeds(a))).not.toContain('…');
  });

  it.each<[string, boolean, AnswerBlock[]]>([
    ['three short items and the sources', true, [...items(3), SOURCES]],
    ['twelve items with summaries (over 2,000 characters)', false, items(12, 'A long summary. '.repeat(10))],
    ['sources over 400 characters', false, [longSources]],
  ])('as content: %s → %s', (_what, fits, blocks) => {
    const a = answer(blocks);
    expect(contentFitsOneMessage(a)).toBe(fits);
    if (fits) expect(renderContent(a)).not.toContain('…');
  });
});

describe('text helpers', () => {
  it('truncate cuts at a word boundary, keeps surrogate pairs whole and never leaves a dangling backslash', () => {
    expect(truncate('short', 10)).toBe('short');
    expect(truncate('alpha beta gamma delta', 20)).toBe('alpha beta gamma…');
    expect(truncate('ab😀cd', 4)).toBe('ab…');
    expect(truncate('abcdefgh\\*tail', 10)).toBe('abcdefgh…');
  });

  it('fitPieces says "…" when only prose was cut, and counts cut results', () => {
    const prose = [
      { text: 'a'.repeat(50), separator: '', counts: 0 },
      { text: 'b'.repeat(50), separator: '\n\n', counts: 0 },
    ];
    expect(fitPieces(prose, 100).text).toBe(`${'a'.repeat(50)}\n\n…`);
    const bullets = Array.from({ length: 10 }, (_, i) => ({
      text: `• ${i}`.padEnd(20, '.'),
      separator: '\n',
      counts: 1,
    }));
    // 40 characters stay free for the "…and N more" line: three bullets fit in 120, seven are counted.
    expect(fitPieces(bullets, 120).text).toMatch(/^(• \d\.+\n){2}• \d\.+\n\n…and 7 more\.$/);
  });

  it('escapeDiscordText leaves plain words alone', () => {
    expect(escapeDiscordText('Abby Bangser (Syntasso) — Hall 12, 09:34–09:44')).toBe(
      'Abby Bangser (Syntasso) — Hall 12, 09:34–09:44',
    );
  });
});
