// The one-sentence lead of a topic answer: "who spoke about X?" wants a who, so a nearly-as-good session with named
// speakers leads over one that names nobody; a clearly better unnamed one still leads.
import { describe, expect, it } from 'vitest';
import { composeTopic } from '../../src/answer/compose-sessions.ts';
import { loadDataset, type Session } from '../../src/index.ts';
import { buildCatalog } from '../../src/model/catalog.ts';
import type { TextHit } from '../../src/search/text-index.ts';
import { MINI_CONF } from '../helpers/engines.ts';
import { fixtureSession } from '../helpers/fixture-session.ts';

const loaded = loadDataset(MINI_CONF);
if (!loaded.ok) throw new Error('mini-conf fixture is invalid');
const unnamed = fixtureSession({
  id: 'tide-bof',
  title: 'Tidewater birds of a feather',
  start: '2027-03-28T12:00:00+01:00',
  end: '2027-03-28T12:30:00+01:00',
});
const catalog = buildCatalog({ ...loaded.dataset, sessions: [...loaded.dataset.sessions, unnamed] });
const demo = catalog.dataset.sessions.find((session) => session.title.startsWith('Live demo')) as Session;
const hit = (record: Session, score: number): TextHit => ({
  ref: { type: 'session', record },
  score,
  coverage: 1,
});
const lead = (hits: TextHit[]) =>
  composeTopic(
    { catalog, nowMs: Date.parse('2027-06-01T00:00:00Z'), question: 'who spoke about tidewater?' },
    { kind: 'topic', topic: 'tidewater', hits },
  ).blocks[0];

describe('the lead of a topic answer', () => {
  it('names the speakers of a nearly-as-good session rather than a session that names nobody', () => {
    expect(JSON.stringify(lead([hit(unnamed, 1), hit(demo, 0.8)]))).toContain('Rita Mar');
  });

  it('keeps a clearly better session that names nobody', () => {
    expect(JSON.stringify(lead([hit(unnamed, 1), hit(demo, 0.5)]))).toContain("my sources don't name who");
  });
});
