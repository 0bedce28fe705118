// "What tracks are there?" lists every track of a big programme, not the first thirty.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/index.ts';
import { BUSY_DAY_0800, busyConference } from '../helpers/busy-conference.ts';

const engine = createEngine(busyConference(45), { clock: () => BUSY_DAY_0800 });

describe('listing the places of a big programme', () => {
  it('names every one of 45 tracks', () => {
    const answer = engine.ask('what tracks are there?');
    expect(answer.answered).toBe(true);
    for (const track of ['Track 01', 'Track 31', 'Track 45']) expect(answer.text).toContain(track);
    expect(answer.text).not.toMatch(/…and \d+ more tracks/);
  });
});
