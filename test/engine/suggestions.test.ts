// What a miss suggests on an imported schedule: subjects to ask about, not formats such as "Talk" or "DJ Set".
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createEngine, loadDataset } from '../../src/index.ts';
import { engineFor } from '../helpers/engines.ts';

const MINI_FRAB = fileURLToPath(new URL('../fixtures/formats/mini-frab.json', import.meta.url));
const engine = engineFor(MINI_FRAB);

describe('suggestions on a miss', () => {
  const answer = engine.ask('who spoke about zorbleflux?');

  it('offers the tracks people can ask about, never session formats', () => {
    expect(answer.answered).toBe(false);
    expect(answer.text).toContain('Topics I can answer about include “Hardware”');
    expect(answer.text).not.toMatch(/“(?:Talk|DJ Set)”/);
  });

  it('points to a list the dataset has: tracks, when it names no organisations', () => {
    const suggested = answer.blocks.flatMap((block) => (block.type === 'suggestions' ? block.items : []));
    expect(suggested).toContain('who spoke about Hardware?');
    expect(suggested).toContain('list tracks');
    expect(suggested).not.toContain('list organizations');
  });

  it('"who are the sponsors?" over a schedule without any says so, naming what was asked', () => {
    const sponsors = engine.ask('who are the sponsors?');
    expect(sponsors.answered).toBe(false);
    expect(sponsors.text).toContain('I found nothing about “sponsors”');
  });

  it('help names a person as its example speaker, not a group such as the programme committee', () => {
    const loaded = loadDataset(MINI_FRAB);
    if (!loaded.ok) throw new Error('mini-frab fixture is invalid');
    const { dataset } = loaded;
    const committee = {
      id: 'committee',
      name: 'Programme Committee',
      aliases: [],
      bio: '',
      sources: ['fixture'],
    };
    const [first, ...rest] = dataset.sessions;
    if (first === undefined) throw new Error('mini-frab has no sessions');
    const withCommittee = {
      ...dataset,
      people: [committee, ...dataset.people],
      sessions: [{ ...first, speakers: ['committee', ...first.speakers] }, ...rest],
    };
    const help = createEngine(withCommittee).ask('help').text;
    expect(help).toContain('who is Ringo Stern?');
    expect(help).not.toContain('who is Programme Committee?');
  });
});
