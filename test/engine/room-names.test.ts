// Rooms by the names people call them: the part in brackets ("La Fontaine"), one side of "Hall 7 | Room B", and a
// room number typed exactly, never read as a typo of a neighbouring room's.
import { describe, expect, it } from 'vitest';
import { createEngine, loadDataset, type Session } from '../../src/index.ts';
import { MINI_CONF } from '../helpers/engines.ts';
import { fixtureSession } from '../helpers/fixture-session.ts';

const loaded = loadDataset(MINI_CONF);
if (!loaded.ok) throw new Error('mini-conf fixture is invalid');
const talk = (id: string, title: string, room: string, hour: number): Session =>
  fixtureSession({
    id,
    title,
    room,
    start: `2027-03-27T${String(hour).padStart(2, '0')}:00:00+00:00`,
    end: `2027-03-27T${String(hour).padStart(2, '0')}:45:00+00:00`,
  });
const engine = createEngine(
  {
    ...loaded.dataset,
    sessions: [
      ...loaded.dataset.sessions,
      talk('lf-1', 'Compositors for fun', 'K.1.105 (La Fontaine)', 10),
      talk('lf-2', 'Shaders after lunch', 'K.1.105 (La Fontaine)', 14),
      talk('h13', 'Hypervisor accelerators', 'H.2213', 11),
      talk('h15', 'Fediverse sovereignty', 'H.2215 (Ferrer)', 11),
    ],
  },
  { clock: () => Date.parse('2027-03-27T08:00:00Z') },
);

describe('rooms by the names people use', () => {
  it('knows a room by the name in its brackets', () => {
    const answer = engine.ask('La Fontaine on Saturday: what comes first?');
    expect(answer.answered).toBe(true);
    expect(answer.text).toContain('Compositors for fun');
    expect(answer.text).not.toContain('Shaders after lunch');
  });

  it('knows "in room X" is that room', () => {
    const answer = engine.ask('what is in room H.2215');
    expect(answer.text).toContain('Fediverse sovereignty');
    expect(answer.text).not.toContain('Hypervisor accelerators');
  });

  it('takes "the first one" after an answer as the first in its room', () => {
    const before = engine.ask('when is the shaders talk?');
    expect(before.results[0]?.title).toBe('Shaders after lunch');
    const first = engine.ask(
      'who is giving the first one?',
      before.context === undefined ? {} : { context: before.context },
    );
    expect(first.text).toContain('Compositors for fun');
  });

  it('reads a room number as typed, not as the room one digit away', () => {
    const answer = engine.ask('what is in room H.2215 on Saturday?');
    expect(answer.text).toContain('Fediverse sovereignty');
    expect(answer.text).not.toContain('Hypervisor accelerators');
  });
});
