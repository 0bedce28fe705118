// The tests that need ../shared never skip unseen: only a clone without it, outside CI, may skip them.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sharedVerdict } from '../helpers/shared.ts';

const root = mkdtempSync(join(tmpdir(), 'hallway-shared-'));
const present = join(root, 'shared');
const absent = join(root, 'nothing-here');
mkdirSync(join(present, 'datasets'), { recursive: true });
writeFileSync(join(present, 'datasets', 'schedule.ics'), 'BEGIN:VCALENDAR\n');
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('what happens to a test needing ../shared', () => {
  it('runs when the folder holds every file it needs, in CI or not', () => {
    for (const ci of [false, true]) {
      expect(sharedVerdict(present, ['datasets/schedule.ics'], ci)).toEqual({ kind: 'run' });
    }
  });

  it('skips on a new user’s clone without the folder', () => {
    expect(sharedVerdict(absent, ['datasets/schedule.ics'], false)).toEqual({ kind: 'skip' });
  });

  it('fails in CI when the folder is missing, naming it', () => {
    const verdict = sharedVerdict(absent, ['datasets/schedule.ics'], true);
    expect(verdict.kind).toBe('fail');
    if (verdict.kind === 'fail') expect(verdict.problem).toContain(`CI is set but ${absent} is missing`);
  });

  it('fails, naming the file, when the folder is there but a file it needs is not', () => {
    const verdict = sharedVerdict(present, ['datasets/schedule.ics', 'eval/questions.dev.jsonl'], false);
    expect(verdict).toEqual({
      kind: 'fail',
      problem: `${present} is present but lacks eval/questions.dev.jsonl: these tests must not skip`,
    });
  });
});
