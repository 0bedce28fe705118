// Spans of clock times: "between 9 and 10", "between 1 and 3pm", "14:00-15:30", and what is not one ("Hall 1-5").
import { describe, expect, it } from 'vitest';
import { timeParser } from '../../src/understand/time-parser.ts';

const THURSDAY_NOON = new Date(Date.UTC(2026, 2, 26, 12));
/** The first span chrono reads in `text`, as [start hour, start minute, end hour, end minute]. */
function span(text: string): number[] | undefined {
  const [result] = timeParser.parse(text, { instant: THURSDAY_NOON, timezone: 0 });
  if (result?.end === undefined || result.end === null) return undefined;
  return [
    result.start.get('hour') ?? -1,
    result.start.get('minute') ?? -1,
    result.end.get('hour') ?? -1,
    result.end.get('minute') ?? -1,
  ];
}

describe('spans of clock times', () => {
  it.each([
    ['anything on between 9 and 10 on thursday', [9, 0, 10, 0]],
    ['between 1 and 3pm', [13, 0, 15, 0]],
    ['talks between 14:00 and 15:30', [14, 0, 15, 30]],
    ['14:00-15:30 talks', [14, 0, 15, 30]],
    ['2pm-4pm friday', [14, 0, 16, 0]],
    ['from 9 to 10', [9, 0, 10, 0]],
  ])('"%s" is a span', (text, expected) => {
    expect(span(text)).toEqual(expected);
  });

  it.each([['what is in Hall 1-5'], ['room 2-3'], ['between 25 and 26']])('"%s" is no span', (text) => {
    expect(span(text)).toBeUndefined();
  });

  it('keeps the day said with the span', () => {
    const [result] = timeParser.parse('between 9 and 10 on friday', { instant: THURSDAY_NOON, timezone: 0 });
    expect(result?.start.get('day')).toBe(27);
  });
});
