// A problem found in a dataset: which file, where in it, and what is wrong. Every loader reports these.

/** One thing wrong with a dataset, precise enough to fix without guessing. */
export interface Problem {
  /** The file as the user named it (or the directory plus file name). */
  readonly file: string;
  /** Where in the file: a field path such as `[3].speakers[1]`, or a line and column for syntax errors. */
  readonly path: string;
  readonly message: string;
  /** Set when the fix is on the command line rather than in the file: a source that needs `--time-zone`. */
  readonly code?: 'time-zone-required';
}

/** `file: path: message`, one line per problem, the way compilers print them. */
export function formatProblem(problem: Problem): string {
  return problem.path.length > 0
    ? `${problem.file}: ${problem.path}: ${problem.message}`
    : `${problem.file}: ${problem.message}`;
}

/** Thrown by loaders when a dataset cannot be used; carries every problem, not just the first. */
export class DatasetError extends Error {
  readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[]) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    super(
      `The dataset has ${count}:\n${problems.map((problem) => `  ${formatProblem(problem)}`).join('\n')}`,
    );
    this.name = 'DatasetError';
    this.problems = problems;
  }
}

/** Renders a zod-style path (`['sessions', 3, 'speakers', 1]`) as `sessions[3].speakers[1]`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text.length === 0 ? String(key) : `.${String(key)}`;
  }
  return text;
}
