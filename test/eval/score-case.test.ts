// The eval scorer: what makes an answer pass or fail a corpus question.
import { describe, expect, it } from 'vitest';
import type { EvalExpect } from '../../adapters/eval/eval-case.ts';
import { scoreAnswer } from '../../adapters/eval/score-case.ts';
import type { Answer, AnswerResult } from '../../src/index.ts';

function answer(text: string, answered = true, first?: Partial<AnswerResult>): Answer {
  const results: AnswerResult[] =
    first === undefined
      ? []
      : [{ type: 'session', id: 's', title: '', people: [], organizations: [], score: 1, ...first }];
  return { question: 'q', intent: 'search', answered, title: '', blocks: [], results, text };
}

describe('scoreAnswer', () => {
  it.each<[string, EvalExpect, Answer, string[]]>([
    [
      'accents and case are folded',
      { answered: true, mentions: ['jean-francois hubert'] },
      answer('Jean-François Hubert'),
      [],
    ],
    [
      'a mention is a whole word, not part of one',
      { answered: true, mentions: ['One'] },
      answer('someone spoke'),
      ['missing'],
    ],
    [
      'punctuation around a mention does not matter',
      { answered: true, mentions: ['Hall 12'] },
      answer('in Hall 12, Thu'),
      [],
    ],
    ['a missing mention fails', { answered: true, mentions: ['Hall 12'] }, answer('Hall 1'), ['missing']],
    [
      '"nothing found" fails an answerable question',
      { answered: true },
      answer('nothing', false),
      ['answered'],
    ],
    ['an answer fails a question with no answer', { answered: false }, answer('Abby Bangser'), ['answered']],
    ['one of anyOf is enough', { answered: true, anyOf: ['x', 'Perses'] }, answer('Perses demo'), []],
    ['none of anyOf fails', { answered: true, anyOf: ['x', 'y'] }, answer('Perses demo'), ['none-of']],
    [
      'an absent string present fails',
      { answered: true, absent: ['AI security'] },
      answer('spoke about AI security'),
      ['present'],
    ],
    [
      'first looks at the top result only',
      { answered: true, first: 'Welcome' },
      answer('Welcome', true, { title: 'Closing' }),
      ['first'],
    ],
    [
      'first matches people too',
      { answered: true, first: 'Jorge Castro' },
      answer('', true, { people: ['Jorge Castro'] }),
      [],
    ],
  ])('%s', (_name, expectation, given, misses) => {
    expect(scoreAnswer(expectation, given).map((m) => m.kind)).toEqual(misses);
  });
});
