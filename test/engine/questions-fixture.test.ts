// Every intent over a small conference of our own, including a clock injected around a daylight-saving change.
import { describe, expect, it } from 'vitest';
import { createEngine, loadDataset } from '../../src/index.ts';
import { engineFor, MINI_CONF, visibleText } from '../helpers/engines.ts';

// Mini Conf runs 27–28 March 2027 in Lisbon; Portugal moves from WET (UTC+0) to WEST (UTC+1) on the 28th.
const at = (iso: string) => engineFor(MINI_CONF, Date.parse(iso));
const before = at('2027-03-01T10:00:00Z');
const during = at('2027-03-27T11:10:00Z');
const after = at('2027-04-10T10:00:00Z');

describe.each([
  {
    q: 'who spoke about bin packing?',
    intent: 'topic',
    expect: ['Tomás Pereira', 'Inês Duarte', 'Sardinha Cloud'],
  },
  { q: 'who talked about k8s schedulers', intent: 'topic', expect: ['Packing sardines'] },
  { q: 'who talked about kubernetes scheduling', intent: 'topic', expect: ['Packing sardines'] },
  { q: 'which demo showed traffic routing?', intent: 'topic', expect: ['routing trams'] },
  { q: 'what did Harbour Labs announce?', intent: 'activity', expect: ['Tidewater 2.0'] },
  { q: 'what did harbor labs present', intent: 'activity', expect: ['Lighthouses and load balancers'] },
  {
    q: 'did anyone announce a partnership with Gull Systems?',
    intent: 'partnership',
    expect: ['Tidewater 2.0'],
  },
  { q: 'who is Ines Duarte?', intent: 'identify', expect: ['Sardinha Cloud', 'Azulejo'] },
  { q: 'who is Rita do Mar', intent: 'identify', expect: ['Rita Mar'] },
  { q: 'who works at Sardinha Cloud?', intent: 'members', expect: ['Tomás Pereira', 'Inês Duarte'] },
  { q: 'what is Tidewater?', intent: 'identify', expect: ['traffic router'] },
  { q: 'what is bin-packing?', intent: 'identify', expect: ['as few bins'] },
  { q: 'where is the closing keynote?', intent: 'where', expect: ['Main Stage', '17:00'] },
  { q: 'when is the tiles talk?', intent: 'when', expect: ['Sat 27 Mar, 14:00–14:30 WET'] },
  { q: 'who is at booth B12?', intent: 'booth', expect: ['Harbour Labs'] },
  // A profile gives the booth and the sponsorship tier.
  { q: 'what is Harbour Labs?', intent: 'identify', expect: ['Booth: B12.', 'Tier: Gold.'] },
  { q: 'what is on Saturday afternoon?', intent: 'schedule', expect: ['Azulejo'] },
  { q: 'who opened the conference?', intent: 'opener', expect: ['Rita Mar'] },
  { q: 'list tracks', intent: 'list', expect: ['Keynotes', 'Scheduling', 'Operations'] },
  { q: 'help', intent: 'help', expect: ['who spoke about', 'Harbour Labs'] },
])('$q', ({ q, intent, expect: expected }) => {
  it('is understood and answered with the right records', () => {
    const answer = during.ask(q);
    expect(answer.intent).toBe(intent);
    expect(answer.answered).toBe(true);
    for (const text of expected) expect(visibleText(answer)).toContain(text);
  });
});

describe.each([
  { q: 'who spoke about quantum computing?', says: 'I found nothing about “quantum computing”' },
  { q: 'what did Initech announce?', says: 'I have no sessions, speakers or announcements from “Initech”' },
  { q: 'what is on Monday?', says: 'is not one of its days' },
  { q: 'who is at booth Z99?', says: 'booth z99' },
])('$q', ({ q, says }) => {
  it('says plainly that nothing fits', () => {
    const answer = during.ask(q);
    expect(answer.answered).toBe(false);
    expect(answer.results).toEqual([]);
    expect(answer.text).toContain(says);
  });
});

describe('times follow the injected clock and the conference time zone', () => {
  it('"what is on now" lists the session running at that moment', () => {
    const answer = during.ask("what's on now?");
    expect(answer.results.map((result) => result.id)).toEqual(['sardines']);
    expect(answer.text).toContain('On now (11:10 WET)');
  });

  it('"what is next" gives the next slot, in local time', () => {
    const answer = at('2027-03-27T12:00:00Z').ask("what's next?");
    expect(answer.results.map((result) => result.id)).toEqual(['tiles']);
    expect(answer.text).toContain('Sat 27 Mar, 14:00 WET');
  });

  it('before the conference, "now" points at the start and "next" at the first session', () => {
    expect(before.ask("what's on now?").text).toContain('has not started yet');
    expect(before.ask("what's next?").results[0]?.id).toBe('opening');
  });

  it('after the conference, both say it is over', () => {
    for (const question of ["what's on now?", "what's next?"]) {
      const answer = after.ask(question);
      expect(answer.answered).toBe(false);
      expect(answer.text).toContain('is over');
    }
  });

  it('"tomorrow" is relative to the clock, across the daylight-saving change', () => {
    const answer = during.ask("what's on tomorrow morning?");
    expect(answer.results.map((result) => result.id)).toEqual(['tram-demo']);
    expect(answer.text).toContain('10:00–10:20 WEST');
  });

  it('the second day (23 hours long) still holds its evening keynote', () => {
    const answer = during.ask('what is on Sunday evening?');
    expect(answer.results.map((result) => result.id)).toEqual(['closing']);
  });

  it('answers speak in the past tense once a session is over', () => {
    expect(after.ask('who spoke about bin packing?').text).toContain('spoke about bin packing');
    expect(before.ask('who spoke about bin packing?').text).toContain('speak about bin packing');
  });
});

describe("an organisation's website", () => {
  const loaded = loadDataset(MINI_CONF);
  if (!loaded.ok) throw new Error('mini-conf fixture is invalid');
  const withSite = createEngine({
    ...loaded.dataset,
    organizations: loaded.dataset.organizations.map((organization) =>
      organization.id === 'gull-systems'
        ? { ...organization, url: 'https://gull.example.org/' }
        : organization,
    ),
  });

  it('is in its profile, however the question asks for it', () => {
    for (const question of [
      'what is Gull Systems?',
      "what's the website of Gull Systems?",
      'gull systems website',
    ])
      expect(withSite.ask(question).text, question).toContain('Website: https://gull.example.org/');
  });
});

describe('a company named like an everyday word', () => {
  const loaded = loadDataset(MINI_CONF);
  if (!loaded.ok) throw new Error('mini-conf fixture is invalid');
  const withHere = createEngine({
    ...loaded.dataset,
    organizations: [
      ...loaded.dataset.organizations,
      {
        id: 'here',
        name: 'HERE',
        aliases: [],
        kind: 'sponsor',
        description: 'Maps.',
        booths: ['1212'],
        sources: ['fixture'],
      },
    ],
  });

  it('is found when typed in capitals', () => {
    for (const question of ['channel where is the HERE booth', 'here anyone know where the HERE booth is'])
      expect(withHere.ask(question).text, question).toContain('booth 1212');
  });

  it('is not read into an ordinary "here"', () => {
    expect(withHere.ask('what is on here tomorrow?').text).not.toContain('1212');
  });
});
