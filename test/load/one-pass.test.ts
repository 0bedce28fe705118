// `validate` lists schema, reference and date problems together, so one run shows everything to fix.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem, type LoadResult, loadDataset, loadDatasetText } from '../../src/index.ts';
import { MINI_CONF } from '../helpers/engines.ts';

const workspace = mkdtempSync(join(tmpdir(), 'hallway-one-pass-'));
afterAll(() => rmSync(workspace, { recursive: true, force: true }));

type Session = Record<string, unknown>;

/** Three sessions broken three ways: a kind outside the vocabulary, an unknown speaker, a start a year late. */
function breakThreeWays(sessions: Session[]): Session[] {
  const [opening, sardines, tiles, ...rest] = sessions;
  return [
    { ...opening, kind: 'lecture' },
    { ...sardines, speakers: ['nobody-at-all'] },
    { ...tiles, start: '2028-03-27T14:00:00+00:00', end: '2028-03-27T14:30:00+00:00' },
    ...rest,
  ];
}

const EXPECTED = [
  /\[0\]\.kind: Invalid option/,
  /\[1\]\.speakers\[0\].*unknown person id "nobody-at-all"/,
  /\[2\]\.start.*2028-03-27T14:00:00\+00:00 is outside 2027-03-27 to 2027-03-28/,
];

/** The problem lines of a load that must fail, after checking all three problems are among them. */
function expectAllThree(result: LoadResult): string[] {
  expect(result.ok).toBe(false);
  const lines = result.ok ? [] : result.problems.map(formatProblem);
  for (const pattern of EXPECTED)
    expect(
      lines.some((line) => pattern.test(line)),
      String(pattern),
    ).toBe(true);
  return lines;
}

describe('every problem in one pass', () => {
  it('a dataset directory', () => {
    const dir = join(workspace, 'directory');
    cpSync(MINI_CONF, dir, { recursive: true });
    const file = join(dir, 'sessions.json');
    writeFileSync(file, JSON.stringify(breakThreeWays(JSON.parse(readFileSync(file, 'utf8')))));
    const lines = expectAllThree(loadDataset(dir));
    expect(lines.every((line) => line.startsWith(`${dir}/sessions.json: `))).toBe(true);
  });

  it('a single-file dataset', () => {
    const json = Object.fromEntries(
      [
        'conference',
        'sources',
        'sessions',
        'people',
        'organizations',
        'projects',
        'announcements',
        'terms',
      ].map((key) => [key, JSON.parse(readFileSync(join(MINI_CONF, `${key}.json`), 'utf8'))]),
    );
    json.sessions = breakThreeWays(json.sessions);
    expectAllThree(loadDatasetText(JSON.stringify(json), 'one-file.json'));
  });
});
