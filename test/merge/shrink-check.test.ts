// A new version of a source that lost most of its programme is told apart from an ordinary change.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkShrink, type Dataset, loadDatasetText } from '../../src/index.ts';

const SCHEDULE = readFileSync(
  fileURLToPath(new URL('../fixtures/formats/mini-sched.ics', import.meta.url)),
  'utf8',
);
/** The six sessions: a1–a3 on Sat 27 March, a4–a6 on Sun 28 March (Lisbon). */
const ALL = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6'];

function withOnly(uids: readonly string[]): Dataset {
  const events = SCHEDULE.split('BEGIN:VEVENT\r\n');
  const kept = events.slice(1).filter((event) => uids.some((uid) => event.includes(`UID:${uid}\r\n`)));
  let text = [events[0], ...kept].join('BEGIN:VEVENT\r\n');
  if (!text.includes('END:VCALENDAR')) text += 'END:VCALENDAR\r\n';
  const loaded = loadDatasetText(text, 'all.ics');
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  return loaded.dataset;
}

const BEFORE_CONFERENCE = Date.parse('2027-03-20T12:00:00Z');
const ON_SATURDAY = Date.parse('2027-03-27T18:00:00Z');
const AFTER_CONFERENCE = Date.parse('2027-04-02T12:00:00Z');

describe('checkShrink', () => {
  it.each([
    ['an empty calendar', [], BEFORE_CONFERENCE, 'lost-most-sessions'],
    ['four of six sessions gone', ['a1', 'a4'], BEFORE_CONFERENCE, 'lost-most-sessions'],
    ['every Sunday session gone (half)', ['a1', 'a2', 'a3'], BEFORE_CONFERENCE, 'lost-a-day'],
    ['every Sunday session gone, seen on Saturday', ['a1', 'a2', 'a3'], ON_SATURDAY, 'lost-a-day'],
  ])('%s is a shrink (%#)', (_what, uids, now, reason) => {
    expect(checkShrink(withOnly(ALL), withOnly(uids), now)).toMatchObject({
      kind: 'shrunk',
      reason,
      before: 6,
      after: uids.length,
    });
  });

  it.each([
    ['nothing changed', ALL, BEFORE_CONFERENCE],
    ['one session cancelled', ['a1', 'a2', 'a3', 'a4', 'a5'], BEFORE_CONFERENCE],
    ['half gone, one of each day left', ['a1', 'a2', 'a4'], BEFORE_CONFERENCE],
    ['Saturday emptied once Saturday is over', ['a4', 'a5', 'a6'], Date.parse('2027-03-28T08:00:00Z')],
    ['a past day emptied after the conference', ['a1', 'a2', 'a3'], AFTER_CONFERENCE],
  ])('%s is not (%#)', (_what, uids, now) => {
    expect(checkShrink(withOnly(ALL), withOnly(uids), now)).toEqual({ kind: 'kept-most' });
  });

  it('names the day that lost every session', () => {
    expect(checkShrink(withOnly(ALL), withOnly(['a1', 'a2', 'a3']), BEFORE_CONFERENCE)).toMatchObject({
      day: '2027-03-28',
    });
  });

  it('a source that had no sessions cannot shrink', () => {
    expect(checkShrink(withOnly([]), withOnly([]), BEFORE_CONFERENCE)).toEqual({ kind: 'kept-most' });
  });
});
