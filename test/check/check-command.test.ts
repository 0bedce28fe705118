// `hallway check`: format, counts, coverage, warnings and sample answers, with exit codes 0, 1, 2 and 3.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../adapters/cli/main.ts';
import { DEFAULT_DATASET, MINI_CONF } from '../helpers/engines.ts';
import { describeWithShared, sharedPath } from '../helpers/shared.ts';
import { captureIo } from '../helpers/streams.ts';

async function cli(args: string[]) {
  const io = captureIo();
  const code = await runCli(args, io);
  return { code, out: io.out(), err: io.err() };
}

describe('hallway check', () => {
  it('a sound dataset: counts, coverage, three sample answers, exit 0', async () => {
    const { code, out } = await cli(['check', MINI_CONF]);
    expect(code).toBe(0);
    expect(out).toContain(`${MINI_CONF}: hallway dataset directory, 5 sessions, 4 people`);
    expect(out).toContain('My schedule for MiniConf covers Sat 27 Mar, 09:00–');
    expect(out).toContain('No warnings.');
    expect(out.match(/^ {2}> /gm)).toHaveLength(3);
  });

  it('warnings only: exit 3, each warning named', async () => {
    const { code, out } = await cli(['check', DEFAULT_DATASET]);
    expect(code).toBe(3);
    expect(out).toContain(
      'My schedule for KubeCon EU 2026 covers only Thu 26 Mar, 09:00–10:30, Hall 12 (14 sessions).',
    );
    expect(out).toMatch(/Warnings:\n {2}- every one of the 13 sessions is in one room, "Hall 12"/);
  });

  it('a source that cannot be read: exit 1 with the problem', async () => {
    const { code, out } = await cli(['check', '/nonexistent/schedule.json']);
    expect(code).toBe(1);
    expect(out).toContain('/nonexistent/schedule.json: no such file or directory');
  });

  it('sources of two conferences: exit 1, naming the dates of each', async () => {
    const { code, out } = await cli(['check', DEFAULT_DATASET, MINI_CONF]);
    expect(code).toBe(1);
    expect(out).toContain('runs 2027-03-27 to 2027-03-28');
  });

  it('no source is a usage error', async () => {
    expect((await cli(['check'])).code).toBe(2);
  });
});

describeWithShared(
  'hallway check over a Sessionize export',
  ['datasets/sessionize-scottish-summit-2026/sessionize.json'],
  () => {
    const file = sharedPath('datasets/sessionize-scottish-summit-2026/sessionize.json');

    it('without --time-zone: exit 2, saying how to give one', async () => {
      const { code, out } = await cli(['check', file]);
      expect(code).toBe(2);
      expect(out).toContain('pass --time-zone ZONE');
    });

    it('with one: the format, the counts, both days and no warnings', async () => {
      const { code, out } = await cli(['check', file, '--time-zone', 'Europe/London']);
      expect(code).toBe(0);
      expect(out).toContain(
        `${file}: sessionize-json, 61 sessions, 76 people, 28 organizations, 7 rooms, 6 tracks`,
      );
      expect(out).toContain('2026-10-02  09:00–17:00  5 sessions');
      expect(out).toContain('2026-10-03  09:00–17:45  56 sessions');
      expect(out).toContain('No warnings.');
    });
  },
);

describe('hallway check over a URL', () => {
  it('fetches it as the bot would and names the format detected', async () => {
    const view = [
      {
        groupName: 'All',
        sessions: [
          {
            id: '1',
            title: 'Governing Copilot agents',
            startsAt: '2026-10-03T10:00:00',
            endsAt: '2026-10-03T10:45:00',
            speakers: [{ id: 's1', name: 'Ada Lovelace' }],
            categories: [],
            room: 'Moncreiff 1 (33)',
          },
          {
            id: '2',
            title: 'Fabric for analysts',
            startsAt: '2026-10-03T11:00:00',
            endsAt: '2026-10-03T11:45:00',
            speakers: [{ id: 's2', name: 'Grace Hopper' }],
            categories: [],
            room: 'Moncreiff 2 (33)',
          },
        ],
      },
    ];
    const server = createServer((_request, response) => response.end(JSON.stringify(view)));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const where = `127.0.0.1:${(server.address() as AddressInfo).port}/api/v2/x/view/Sessions`;
      // A private feed's key is never printed: the source shows as host and path.
      const { code, out } = await cli([
        'check',
        `http://${where}?key=secret`,
        '--time-zone',
        'Europe/London',
      ]);
      expect(out).toContain(
        `${where}: sessionize-json, 2 sessions, 2 people, 0 organizations, 2 rooms, 0 tracks`,
      );
      expect(out).not.toContain('secret');
      expect(out).toContain('2026-10-03  10:00–11:45  2 sessions');
      expect(code).toBe(0);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
