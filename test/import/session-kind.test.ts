// A session's kind from the words of its title and category: a break is a short title, not a mention.
import { describe, expect, it } from 'vitest';
import { guessSessionKind } from '../../src/import/session-kind.ts';

describe('guessing a kind of session', () => {
  it.each([
    ['Badge Pick-Up', undefined, 'break'],
    ['Lunch', undefined, 'break'],
    ['Morning coffee break', undefined, 'break'],
    ['Cloakroom', 'REGISTRATION', 'break'],
    ['AI Native Summit Hosted by ETSI ISG NFV | SEPARATE REGISTRATION REQUIRED', 'CO-LOCATED EVENT', 'talk'],
    ['Keynote: Opening Remarks', undefined, 'keynote'],
  ] as const)('"%s" (%s) is a %s', (title, category, kind) => {
    expect(guessSessionKind(title, category)).toBe(kind);
  });
});
