// Impossible dates and unrelated sources are one-line usage or data errors, never a stack trace.
import { describe, expect, it } from 'vitest';
import { runCli } from '../../adapters/cli/main.ts';
import { DEFAULT_DATASET, MINI_CONF } from '../helpers/engines.ts';
import { captureIo } from '../helpers/streams.ts';

async function cli(args: string[]) {
  const io = captureIo();
  const code = await runCli(args, io);
  return { code, out: io.out(), err: io.err() };
}

describe('impossible dates are usage errors (exit 2)', () => {
  it.each([
    [
      ['digest', '--date', '2026-02-30'],
      '--date must be a real date such as 2026-03-26; "2026-02-30" does not exist',
    ],
    [
      ['digest', '--date', '2026-13-45'],
      '--date must be a real date such as 2026-03-26; "2026-13-45" does not exist',
    ],
    [['digest', '--date', 'Thursday'], '--date must be a date such as 2026-03-26, not "Thursday"'],
    [['digest', '--now', '2026-02-30T09:00:00+01:00'], '--now must be an ISO 8601 time that exists'],
    [['ask', '--now', '2026-02-30T09:00:00Z', 'hi'], '--now must be an ISO 8601 time that exists'],
    [['ask', '--now', '2026-13-45T09:00:00Z', 'hi'], '--now must be an ISO 8601 time that exists'],
  ])('%j', async (args, message) => {
    const { code, err, out } = await cli(args);
    expect(code).toBe(2);
    expect(err).toContain(message);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(out).toBe('');
  });

  it('a real date still gives the digest, and --now picks the day', async () => {
    const byDate = await cli(['digest', '--date', '2026-03-26']);
    expect(byDate.code).toBe(0);
    expect(byDate.out).toContain('Thu 26 Mar');
    const byNow = await cli(['digest', '--now', '2026-03-26T08:00:00+01:00']);
    expect(byNow.out).toBe(byDate.out);
  });
});

describe('sources whose dates do not overlap', () => {
  it('are refused, naming the dates of each (exit 1)', async () => {
    const { code, err } = await cli(['stats', '--data', DEFAULT_DATASET, '--data', MINI_CONF]);
    expect(code).toBe(1);
    expect(err).toContain('do not share any date');
    expect(err).toContain(
      `${DEFAULT_DATASET} (KubeCon + CloudNativeCon Europe 2026) runs 2026-03-23 to 2026-03-26`,
    );
    expect(err).toContain(`${MINI_CONF} (Mini Conf 2027) runs 2027-03-27 to 2027-03-28`);
  });
});
