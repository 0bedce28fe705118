// Bidi controls and zero-width characters in imported data are cleaned at import, as questions are.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createEngine, loadDatasetText } from '../../src/index.ts';

const SCHEDULE = readFileSync(
  fileURLToPath(new URL('../fixtures/formats/mini-sched.ics', import.meta.url)),
  'utf8',
);
// A right-to-left override flips what follows it on screen; zero-width spaces hide inside words.
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u061c]/u;
const HOSTILE = SCHEDULE.replace('SUMMARY:Lunch', 'SUMMARY:Lu\u200bnch \u202egnol\u202c break')
  .replace('LOCATION:Room Verde', 'LOCATION:Room\u2066 Verde\u2069')
  .replace('Rita Mar\\, Principal', 'Rita\u200d Mar\\, Principal');

function engineOver(text: string, label: string) {
  const loaded = loadDatasetText(text, label);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  return { dataset: loaded.dataset, engine: createEngine(loaded.dataset, { clock: () => 0 }) };
}

describe('invisible characters in imported data', () => {
  it('a Sched export: titles, rooms and names carry none, and answers show none', () => {
    const { dataset, engine } = engineOver(HOSTILE, 'all.ics');
    const lunch = dataset.sessions.find((session) => session.title.startsWith('Lunch'));
    expect(lunch?.title).toBe('Lunch gnol break');
    expect(JSON.stringify(dataset)).not.toMatch(INVISIBLE);
    for (const question of ['when is lunch?', 'who is Rita Mar?', "what's in Room Verde?"]) {
      const answer = engine.ask(question);
      expect(answer.answered, question).toBe(true);
      expect(answer.text, question).not.toMatch(INVISIBLE);
    }
  });

  it('a frab JSON schedule with the characters written as \\u escapes', () => {
    const json = readFileSync(
      fileURLToPath(new URL('../fixtures/formats/mini-frab.json', import.meta.url)),
      'utf8',
    );
    const { dataset } = engineOver(
      json.replace(/"title": "([^"]+)"/, '"title": "\\u202e$1\\u200b"'),
      'x.json',
    );
    expect(JSON.stringify(dataset)).not.toMatch(INVISIBLE);
  });
});
