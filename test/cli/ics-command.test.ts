// `hallway ics SESSION_ID…`: the calendar on stdout, read back with ical.js; unknown ids named, exit codes kept.
import { describe, expect, it } from 'vitest';
import { runCli } from '../../adapters/cli/main.ts';
import { icsEvents } from '../agenda/ics-events.ts';
import { MINI_CONF } from '../helpers/engines.ts';
import { captureIo } from '../helpers/streams.ts';

async function cli(args: string[]) {
  const io = captureIo('');
  const code = await runCli(args, io);
  return { code, out: io.out(), err: io.err() };
}

describe('hallway ics', () => {
  it('writes the sessions as an .ics with UTC starts and stable UIDs', async () => {
    const { code, out, err } = await cli(['ics', '--data', MINI_CONF, 'tram-demo', 'opening']);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain('X-WR-TIMEZONE:Europe/Lisbon');
    // 10:00 WEST on the 28th is 09:00 UTC.
    expect(icsEvents(out)).toEqual([
      { uid: 'tram-demo@mini-conf.hallway', startUtc: '2027-03-28T09:00:00.000Z' },
      { uid: 'opening@mini-conf.hallway', startUtc: '2027-03-27T09:00:00.000Z' },
    ]);
  });

  it('names an id the data does not have, in one line, and exits 1; no id at all is a usage error', async () => {
    const missing = await cli(['ics', '--data', MINI_CONF, 'opening', 'no-such-talk']);
    expect(missing).toEqual({
      code: 1,
      out: '',
      err: 'Cannot write the calendar: no session has the id "no-such-talk".\n',
    });
    const none = await cli(['ics', '--data', MINI_CONF]);
    expect(none.code).toBe(2);
    expect(none.err).toContain('ics needs at least one session id');
  });
});
