// Coverage: the data knows what it covers, and answers say so instead of calling a gap in the data an empty day.
import { describe, expect, it } from 'vitest';
import { coverageOf, createEngine, loadDataset } from '../../src/index.ts';
import { DEFAULT_DATASET, engineFor } from '../helpers/engines.ts';
import { canUseShared, describeWithShared, sharedPath } from '../helpers/shared.ts';

const BUNDLED_COVERAGE =
  'my schedule for KubeCon EU 2026 covers only Thu 26 Mar, 09:00–10:30, Hall 12 (14 sessions).';

describe('coverageOf', () => {
  it('the bundled data: one day of keynotes in one hall, fewer days than the conference declares', () => {
    const loaded = loadDataset(DEFAULT_DATASET);
    if (!loaded.ok) throw new Error('bundled data is invalid');
    expect(coverageOf(loaded.dataset)).toMatchObject({
      days: [{ date: '2026-03-26', from: '09:00', to: '10:30', sessions: 13 }],
      rooms: ['Hall 12'],
      sessions: 14,
      untimed: 1,
      partial: true,
    });
  });
});

describe('answers on the bundled data state its coverage', () => {
  const engine = engineFor(DEFAULT_DATASET);

  it.each([
    "what's on Tuesday afternoon?",
    "what's on Monday?",
    "what's on at 7am on Thursday?",
    "what's on Thursday evening?",
  ])('%s', (question) => {
    const answer = engine.ask(question);
    expect(answer.answered).toBe(false);
    expect(answer.text).toContain(BUNDLED_COVERAGE);
    expect(answer.text).not.toContain('Nothing is scheduled');
  });

  it('counts say whose they are', () => {
    const answer = engine.ask('how many talks are there?');
    expect(answer.text).toMatch(/^My data for KubeCon EU 2026 has \d+ sessions:/);
    expect(answer.text).toContain(BUNDLED_COVERAGE.replace(/^my/, 'My'));
    expect(engine.ask('list rooms').text).toMatch(/^My data has 1 room:/);
  });

  it('help says what the data covers', () => {
    expect(engine.ask('help').text).toContain(BUNDLED_COVERAGE.replace(/^my/, 'My'));
  });

  it('a day inside the covered hours still lists its sessions', () => {
    expect(engine.ask("what's on Thursday morning?").text).toContain('Welcome Back + Opening Remarks');
  });
});

describeWithShared(
  'answers on a real schedule (Scottish Summit 2026, Sessionize)',
  ['datasets/sessionize-scottish-summit-2026/sessionize.json'],
  () => {
    const loaded = canUseShared(['datasets/sessionize-scottish-summit-2026/sessionize.json'])
      ? loadDataset(sharedPath('datasets/sessionize-scottish-summit-2026/sessionize.json'), {
          timeZone: 'Europe/London',
        })
      : undefined;
    const engine =
      loaded?.ok === true
        ? createEngine(loaded.dataset, { clock: () => Date.parse('2026-09-01T12:00:00+01:00') })
        : undefined;
    const ask = (question: string) => {
      if (engine === undefined) throw new Error('the Sessionize export did not load');
      return engine.ask(question);
    };

    it("both days are covered, so a late hour is a quiet time, with the day's hours", () => {
      expect(ask("what's on at 7pm on Saturday?").text).toContain(
        'Nothing is scheduled on Sat 3 Oct at 19:00, as far as my sources go; that day my schedule runs 09:00–17:45.',
      );
    });

    it('a day outside the conference: its days, the workshop day included', () => {
      expect(ask("what's on Sunday?").text).toContain(
        'Scottish Summit 2026 runs Fri 2 Oct to Sat 3 Oct 2026; Sunday is not one of its days.',
      );
      expect(ask('help').text).toContain(
        'My schedule for Scottish Summit 2026 covers Fri 2 Oct, 09:00–17:00 and Sat 3 Oct, 09:00–17:45, in 7 rooms (61 sessions).',
      );
    });

    it('when the conference runs: both days, and no made-up website', () => {
      const answer = ask('what time does the conference end?').text;
      expect(answer).toContain(
        'Scottish Summit 2026 runs Fri 2 Oct to Sat 3 Oct 2026 (times in Europe/London).',
      );
      expect(answer).not.toContain('.invalid');
    });

    it('full-day workshops are what is on all that day', () => {
      const answer = ask("what's on Friday afternoon?");
      expect(answer.answered).toBe(true);
      expect(answer.results).toHaveLength(5);
      expect(answer.results.every((result) => /Workshop/.test(result.title))).toBe(true);
    });
  },
);
