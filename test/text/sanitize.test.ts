// Any input gets a clean, bounded question: no control or bidi characters, at most 500 characters.
import { describe, expect, it } from 'vitest';
import { MAX_QUESTION_LENGTH, sanitizeQuestion } from '../../src/index.ts';
import { DEFAULT_DATASET, engineFor } from '../helpers/engines.ts';

describe('sanitizeQuestion', () => {
  it.each([
    ['who is\u0000 Chad\u0007 Beaudin?', 'who is Chad Beaudin?'],
    ['who is \u202eChad\u202c Beaudin?', 'who is Chad Beaudin?'],
    ['  who\tis\r\nChad  ', 'who is Chad'],
    ['zero\u200bwidth', 'zerowidth'],
  ])('%j → %j', (input, expected) => {
    expect(sanitizeQuestion(input).text).toBe(expected);
  });

  it('cuts a long question at a word boundary and says so', () => {
    const long = `who spoke about ${'platform engineering '.repeat(60)}`;
    const clean = sanitizeQuestion(long);
    expect(clean.truncated).toBe(true);
    expect(clean.text.length).toBeLessThanOrEqual(MAX_QUESTION_LENGTH);
    expect(clean.text.endsWith('engineering') || clean.text.endsWith('platform')).toBe(true);
  });

  it('a 100 kB paste is cut, not processed whole', () => {
    const clean = sanitizeQuestion('a'.repeat(100_000));
    expect(clean.text.length).toBe(MAX_QUESTION_LENGTH);
    expect(clean.truncated).toBe(true);
  });
});

describe('the engine answers any input', () => {
  const engine = engineFor(DEFAULT_DATASET);
  it.each([
    '',
    '   ',
    '???',
    '🤖🤖🤖',
    '\u0000\u0000',
    'مرحبا من هو',
    'x'.repeat(100_000),
    '<!channel> @everyone',
  ])('%j gets an answer', (input) => {
    const answer = engine.ask(input);
    expect(answer.text.length).toBeGreaterThan(0);
    expect(answer.question.length).toBeLessThanOrEqual(MAX_QUESTION_LENGTH);
  });

  it('a question over 500 characters is still understood from its start', () => {
    const answer = engine.ask(`who spoke about telecom ${' '.repeat(10)}${'and more '.repeat(100)}`);
    expect(answer.question.length).toBeLessThanOrEqual(MAX_QUESTION_LENGTH);
  });
});
