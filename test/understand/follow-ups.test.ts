// Follow-ups: "when is it?", "what else is she giving?" refer to the previous answer through the context it returns.
import { describe, expect, it } from 'vitest';
import type { Answer, Engine } from '../../src/index.ts';
import { DEFAULT_DATASET, engineFor } from '../helpers/engines.ts';

const engine: Engine = engineFor(DEFAULT_DATASET, Date.parse('2026-03-26T08:00:00+01:00'));

/** Asks `first`, then `then` with the context `first` left. */
function followUp(first: string, then: string): Answer {
  const previous = engine.ask(first);
  return engine.ask(then, previous.context === undefined ? {} : { context: previous.context });
}

describe('a follow-up question', () => {
  it.each([
    ['which demo showed GPU sharing?', 'when is it?', '10:03'],
    ['who gave the Agones keynote?', 'where is it?', 'Hall 12'],
    ['who is Mark Mandel?', 'who else spoke there?', 'Jean-François Hubert'],
    ['what did Spectro Cloud announce?', 'who works there?', 'Anthony Newman'],
    ['who spoke about platform engineering?', 'what company is she from?', 'Syntasso'],
    ['who spoke about platform engineering?', 'cool, tell me more about that talk', 'bike traffic'],
    ['which demo showed GPU sharing?', 'what room?', 'Hall 12'],
  ])('"%s" then "%s" answers about the first answer (%s)', (first, then, expected) => {
    expect(followUp(first, then).text).toContain(expected);
  });

  it('without a context, "when is it?" claims nothing', () => {
    const answer = engine.ask('when is it?');
    expect(answer.text).not.toContain('10:03');
    expect(answer.results).toHaveLength(0);
  });

  it('carries the previous focus through an answer that found nothing', () => {
    const first = engine.ask('which demo showed GPU sharing?');
    const miss = engine.ask(
      'who spoke about cobol?',
      first.context === undefined ? {} : { context: first.context },
    );
    expect(miss.answered).toBe(false);
    expect(miss.context).toEqual(first.context);
  });

  it('is plain JSON, so adapters can store it anywhere', () => {
    const { context } = engine.ask('who is Chad Beaudin?');
    expect(JSON.parse(JSON.stringify(context))).toEqual(context);
    expect(context?.focus).toMatchObject({
      type: 'person',
      subject: 'Chad Beaudin',
      organizations: ['Boeing'],
    });
  });
});
