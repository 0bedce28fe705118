// A conference whose data tries to ping, link and format: the KubeCon dataset plus a keynote and a talk on
// Thursday written by an attacker, and the checks that what Discord shows of it is inert.
import { expect } from 'vitest';
import type { Engine } from '../../src/index.ts';
import { kubeconWith } from './datasets.ts';

export const HOSTILE = {
  title: '**pwned** @everyone <@&500000000000000001> [click](https://evil.example) ||secret||',
  summary:
    '# Heading\n> quote `tick` @here <#300000000000000002> <@400000000000000001> [masked](https://evil.example) ~~strike~~ __under__',
  person: '<@400000000000000001> [Mallory](https://evil.example) @everyone',
  track: '@here [Track](https://evil.example) **bold**',
} as const;

/** The KubeCon data with the hostile keynote (topic "pwnage") and a hostile talk in a hostile track, on Thursday. */
export function hostileEngine(): Engine {
  return kubeconWith(
    {
      people: [{ id: 'mallory', name: HOSTILE.person, aliases: [], bio: '' }],
      sessions: [
        {
          id: 'hostile-keynote',
          title: HOSTILE.title,
          kind: 'keynote',
          start: '2026-03-26T17:00:00+01:00',
          end: '2026-03-26T17:10:00+01:00',
          room: 'Hall 12',
          summary: HOSTILE.summary,
          topics: ['pwnage'],
          speakers: ['mallory'],
        },
        {
          id: 'hostile-talk',
          title: `${HOSTILE.title} (the talk)`,
          kind: 'talk',
          start: '2026-03-26T15:00:00+01:00',
          end: '2026-03-26T15:30:00+01:00',
          room: 'Room <@&500000000000000001>',
          track: HOSTILE.track,
          summary: HOSTILE.summary,
          speakers: ['mallory'],
        },
      ],
    },
    Date.parse('2026-11-20T12:00:00Z'),
  );
}

type Embed = {
  title?: string;
  description?: string;
  fields?: { name: string; value: string }[];
  footer?: { text: string };
  author?: { name: string };
};
/** A message body as discord.js sends it: a channel message, an interaction response's data, or an edit. */
export type SentBody = { content?: string; embeds?: Embed[]; allowed_mentions?: unknown };

/** No mass mention, in any field (plain-text fields included: a footer cannot ping, but must not say @everyone). */
function expectNoMassMention(text: string): void {
  expect(text).not.toMatch(/@(everyone|here)/i);
}

/** Markdown fields: no mention, link, heading, quote or formatting from the data survives unescaped. */
export function expectInertMarkdown(text: string): void {
  expectNoMassMention(text);
  // `<@id>`, `<@&id>`, `<#id>`, `</cmd:id>`, `<t:…>`: only Hallway's own `<https://…>` links stay unescaped.
  expect(text).not.toMatch(/(?<!\\)<(?!https?:\/\/)/);
  // Every `[` escaped: no masked link can form.
  expect(text).not.toMatch(/(?<!\\)\[/);
  for (const marker of [/\*\*pwned/, /\|\|secret/, /`tick/, /~~strike/, /__under/, /\*\*bold/])
    expect(text).not.toMatch(new RegExp(`(?<!\\\\)${marker.source}`));
  expect(text).not.toMatch(/^#{1,3}\s/m);
  expect(text).not.toMatch(/^>\s/m);
}

/** Every string of a sent body checked, and pings turned off for the whole message. */
export function expectInertBody(body: SentBody): void {
  expect(body.allowed_mentions).toEqual({ parse: [] });
  if (body.content !== undefined) expectInertMarkdown(body.content);
  for (const embed of body.embeds ?? []) {
    for (const text of [
      embed.title,
      embed.description,
      ...(embed.fields ?? []).flatMap((f) => [f.name, f.value]),
    ])
      if (text !== undefined) expectInertMarkdown(text);
    for (const text of [embed.footer?.text, embed.author?.name])
      if (text !== undefined) expectNoMassMention(text);
  }
}

/** Everything a body shows, to check the hostile words did arrive (escaped), so the checks are not vacuous. */
export function shownText(body: SentBody): string {
  return [
    body.content ?? '',
    ...(body.embeds ?? []).flatMap((e) => [e.title, e.description, ...(e.fields ?? []).map((f) => f.value)]),
  ].join('\n');
}
