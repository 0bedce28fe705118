// `hallway stats [--data PATH|URL]… [--time-zone ZONE] [--json]`: what the loaded (and merged) data holds and covers.
import { coverageOf, coverageSentence, datasetStats } from '../../../src/index.ts';
import type { CommandIo } from '../command-io.ts';
import { type DataSelection, openSelectedData } from '../open-selected-data.ts';

export async function statsCommand(
  options: DataSelection & { json: boolean },
  io: CommandIo,
): Promise<number> {
  const live = await openSelectedData(options, io);
  if (typeof live === 'number') return live;
  const dataset = live.dataset();
  const stats = datasetStats(dataset);
  const merged = live.merged();
  const { conference } = dataset;
  const coverage = coverageOf(dataset);
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
        coverage: {
          days: coverage.days.map(({ date, from, to, sessions }) => ({ date, from, to, sessions })),
          rooms: coverage.rooms,
          sessions: coverage.sessions,
          untimed: coverage.untimed,
          partial: coverage.partial,
        },
      })}\n`,
    );
    return 0;
  }
  const lines = [
    `${conference.name} (${conference.startDate} to ${conference.endDate}, ${conference.timeZone})`,
    ...Object.entries(stats).map(([key, value]) => `  ${key.padEnd(14)} ${value}`),
    `  merged         ${merged.sessions} sessions, ${merged.people} people, ${merged.organizations} organizations found in more than one source`,
    '',
    coverageSentence(conference, coverage),
    ...coverage.days.map((day) => `  ${day.date}  ${day.from}–${day.to}  ${day.sessions} sessions`),
  ];
  io.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
