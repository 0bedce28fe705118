// `hallway stats [--data PATH|URL]… [--json]`: what the loaded (and merged) data holds.
import { datasetStats } from '../../../src/index.ts';
import type { CommandIo } from '../command-io.ts';
import { type DataSelection, openSelectedData } from '../open-selected-data.ts';

export async function statsCommand(
  options: DataSelection & { json: boolean },
  io: CommandIo,
): Promise<number> {
  const live = await openSelectedData(options, io);
  if (live === undefined) return 1;
  const dataset = live.dataset();
  const stats = datasetStats(dataset);
  const merged = live.merged();
  const { conference } = dataset;
  if (options.json) {
    io.stdout.write(
      `${JSON.stringify({
        conference: {
          name: conference.name,
          timeZone: conference.timeZone,
          startDate: conference.startDate,
          endDate: conference.endDate,
        },
        ...stats,
        merged,
      })}\n`,
    );
    return 0;
  }
  const lines = [
    `${conference.name} (${conference.startDate} to ${conference.endDate}, ${conference.timeZone})`,
    ...Object.entries(stats).map(([key, value]) => `  ${key.padEnd(14)} ${value}`),
    `  merged         ${merged.sessions} sessions, ${merged.people} people, ${merged.organizations} organizations found in more than one source`,
  ];
  io.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
