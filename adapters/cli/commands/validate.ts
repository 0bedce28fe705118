// `hallway validate [PATH]…`: checks datasets and prints every problem with its file and field.
import { formatProblem, loadDataset } from '../../../src/index.ts';
import { DEFAULT_DATASET } from '../../shared/paths.ts';
import type { CommandIo } from '../command-io.ts';

export function validateCommand(paths: readonly string[], io: CommandIo): number {
  let failures = 0;
  for (const path of paths.length > 0 ? paths : [DEFAULT_DATASET]) {
    const result = loadDataset(path);
    if (result.ok) {
      const { dataset } = result;
      io.stdout.write(
        `ok ${path}: ${dataset.sessions.length} sessions, ${dataset.people.length} people, ${dataset.organizations.length} organizations, ${dataset.announcements.length} announcements, ${dataset.projects.length} projects, ${dataset.terms.length} terms\n`,
      );
    } else {
      failures++;
      const count = result.problems.length === 1 ? '1 problem' : `${result.problems.length} problems`;
      io.stderr.write(
        `invalid ${path}: ${count}\n${result.problems.map((p) => `  ${formatProblem(p)}`).join('\n')}\n`,
      );
    }
  }
  return failures === 0 ? 0 : 1;
}
