// How a question is cut into words: clock times stay whole, but a room code is never read as a clock time.
import { describe, expect, it } from 'vitest';
import { LEXICON } from '../../src/understand/lexicon.ts';
import { questionTokens } from '../../src/understand/question-tokens.ts';

const words = (question: string) => questionTokens(question, LEXICON).words;

describe('question tokens', () => {
  it('keeps a clock time whole', () => {
    expect(words('what is on at 9.30 on sunday')).toContain('9.30');
    expect(words('anything at 14:30?')).toContain('14:30');
  });

  it('does not read a room code as a clock time', () => {
    expect(words('whats next in K.3.201')).toEqual(['what', 'is', 'next', 'in', 'k', '3', '201']);
    expect(words('what is in UB2.252A')).not.toContain('2.25');
  });

  it('marks quoted words, and nothing for an unclosed quote', () => {
    const tokens = questionTokens('who gave the "universal mesh" talk', LEXICON);
    expect([...tokens.quoted].map((index) => tokens.words[index])).toEqual(['universal', 'mesh']);
    expect(questionTokens('who said "universal mesh', LEXICON).quoted.size).toBe(0);
  });

  it('marks words typed in capitals, unless the whole question is', () => {
    const tokens = questionTokens('where is the HERE booth', LEXICON);
    expect([...tokens.capitals].map((index) => tokens.words[index])).toEqual(['here']);
    expect(questionTokens('WHERE IS THE HERE BOOTH', LEXICON).capitals.size).toBe(0);
  });
});
