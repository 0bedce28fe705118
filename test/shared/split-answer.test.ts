// A long answer becomes several, each within a budget, with nothing dropped and headings kept with their content.
import { describe, expect, it } from 'vitest';
import { splitAnswer } from '../../adapters/shared/split-answer.ts';
import type { Answer, AnswerBlock } from '../../src/index.ts';

function answer(blocks: AnswerBlock[]): Answer {
  return { question: 'q', intent: 'digest', answered: true, title: 'Day', blocks, results: [], text: '' };
}
const para = (text: string): AnswerBlock => ({ type: 'paragraph', text });
const heading = (text: string): AnswerBlock => ({ type: 'heading', text });
const sources: AnswerBlock = { type: 'sources', sources: [{ title: 'Sched' }] };
/** At most `n` blocks per part. */
const atMost = (n: number) => (part: Answer) => part.blocks.length <= n;

describe('splitAnswer', () => {
  it('returns an answer that fits as it is', () => {
    const whole = answer([para('a'), sources]);
    expect(splitAnswer(whole, atMost(5))).toEqual([whole]);
  });

  it('splits in order, keeps every block, and puts the sources once, last', () => {
    const blocks = [para('intro'), heading('A'), para('a1'), para('a2'), heading('B'), para('b1'), sources];
    const parts = splitAnswer(answer(blocks), atMost(3));
    expect(parts.flatMap((part) => part.blocks)).toEqual(blocks);
    expect(parts.every((part) => part.blocks.length <= 3)).toBe(true);
    expect(parts.slice(0, -1).some((part) => part.blocks.includes(sources))).toBe(false);
  });

  it('never ends a part with a heading', () => {
    const blocks = [para('1'), para('2'), heading('A'), para('a1'), para('a2')];
    const parts = splitAnswer(answer(blocks), atMost(3));
    expect(
      parts.map((part) =>
        part.blocks.map((b) => (b.type === 'paragraph' || b.type === 'heading' ? b.text : '')),
      ),
    ).toEqual([
      ['1', '2'],
      ['A', 'a1', 'a2'],
    ]);
  });

  it('numbers the later parts and gives each its own plain text', () => {
    const parts = splitAnswer(answer([para('one'), para('two'), para('three')]), atMost(1));
    expect(parts.map((part) => part.title)).toEqual(['Day', 'Day (2/3)', 'Day (3/3)']);
    expect(parts.map((part) => part.text)).toEqual(['one', 'two', 'three']);
  });

  it('gives a block too big for any part a part of its own', () => {
    const huge = para('x'.repeat(100));
    const parts = splitAnswer(answer([para('a'), huge, para('b')]), (part) =>
      part.blocks.every((block) => block.type !== 'paragraph' || block.text.length < 50),
    );
    expect(parts.map((part) => part.blocks)).toEqual([[para('a')], [huge], [para('b')]]);
  });
});
