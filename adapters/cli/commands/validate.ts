// `hallway validate [PATH]… [--time-zone ZONE]`: checks datasets and prints every problem with its file and field.
import { formatProblem, type LoadTextOptions, loadDataset } from '../../../src/index.ts';
import { DEFAULT_DATASET } from '../../shared/paths.ts';
import type { CommandIo } from '../command-io.ts';

/** Exit code 1 when any dataset has a problem, 2 when one needs --time-zone and none was given. */
export function validateCommand(
  paths: readonly string[],
  io: CommandIo,
  options: Pick<LoadTextOptions, 'timeZone'> = {},
): number {
  let failures = 0;
  let needsTimeZone = false;
  for (const path of paths.length > 0 ? paths : [DEFAULT_DATASET]) {
    const result = loadDataset(path, options);
    if (result.ok) {
      const { dataset } = result;
      io.stdout.write(
        `ok ${path}: ${dataset.sessions.length} sessions, ${dataset.people.length} people, ${dataset.organizations.length} organizations, ${dataset.announcements.length} announcements, ${dataset.projects.length} projects, ${dataset.terms.length} terms\n`,
      );
    } else {
      failures++;
      needsTimeZone ||= result.problems.some((problem) => problem.code === 'time-zone-required');
      const count = result.problems.length === 1 ? '1 problem' : `${result.problems.length} problems`;
      io.stderr.write(
        `invalid ${path}: ${count}\n${result.problems.map((p) => `  ${formatProblem(p)}`).join('\n')}\n`,
      );
    }
  }
  return failures === 0 ? 0 : needsTimeZone ? 2 : 1;
}
