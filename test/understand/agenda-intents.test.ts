// Agenda questions are read as agenda intents, with the session words, the day or the minutes they carry.
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/load/load-dataset.ts';
import { buildCatalog } from '../../src/model/catalog.ts';
import { buildTextIndex } from '../../src/search/text-index.ts';
import { leadMinutes } from '../../src/understand/agenda-intent.ts';
import { createUnderstanding } from '../../src/understand/understand.ts';

const loaded = loadDataset('data/kubecon-eu-2026');
if (!loaded.ok) throw new Error('the bundled dataset does not load');
const catalog = buildCatalog(loaded.dataset);
const understanding = createUnderstanding(catalog, buildTextIndex(catalog), new Set(['kubecon']));
const NOW = Date.parse('2026-03-24T10:00:00+01:00');
const read = (question: string) => understanding.read(question, NOW).intent;

describe('agenda questions', () => {
  it.each([
    ['remind me about the Agones keynote', 'agenda-add'],
    ["add Abby Bangser's talk to my agenda", 'agenda-add'],
    ['star the Universal Mesh keynote', 'agenda-add'],
    ["what's on my agenda today?", 'agenda-show'],
    ['show my agenda', 'agenda-show'],
    ['remove the Agones keynote from my agenda', 'agenda-remove'],
    ['clear my agenda', 'agenda-clear'],
    ['remind me 15 minutes before', 'agenda-lead'],
    ['forget me', 'forget-me'],
  ])('%s → %s', (question, kind) => {
    expect(read(question).kind).toBe(kind);
  });

  it('keeps the words that name the session, without the agenda framing', () => {
    expect(read('remind me about the Agones keynote')).toEqual({
      kind: 'agenda-add',
      subject: 'agones keynote',
    });
    const abby = read("add Abby Bangser's talk to my agenda");
    expect(abby.kind === 'agenda-add' && abby.subject).toBe('abby bangser');
  });

  it('reads the day of "what is on my agenda today" and the minutes of "remind me N minutes before"', () => {
    expect(read("what's on my agenda today?")).toEqual({
      kind: 'agenda-show',
      day: { kind: 'relative', offset: 0 },
    });
    expect(read('remind me 15 minutes before')).toEqual({ kind: 'agenda-lead', minutes: 15 });
    expect(leadMinutes(['remind', 'me', 'half', 'an', 'hour', 'before'])).toBe(30);
    expect(leadMinutes(['remind', 'me', '5min', 'before'])).toBe(5);
    expect(leadMinutes(['remind', 'me', 'before'])).toBeUndefined();
  });

  it('leaves the questions it did not teach alone', () => {
    expect(read('agenda for 26 March').kind).toBe('digest');
    expect(read('when is the Agones keynote?').kind).toBe('when');
  });
});
