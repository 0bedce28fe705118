// One broken dataset per validation rule: each must be refused with its file, field path and a clear reason.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem, loadDataset } from '../../src/index.ts';
import { DEFAULT_DATASET, MINI_CONF } from '../helpers/engines.ts';

const workspace = mkdtempSync(join(tmpdir(), 'hallway-validation-'));
afterAll(() => rmSync(workspace, { recursive: true, force: true }));

type Json = Record<string, unknown> & { [key: string]: unknown };

/** A copy of the valid fixture with one file changed by `mutate`. */
function brokenCopy(name: string, file: string, mutate: (data: Json | Json[]) => void): string {
  const dir = join(workspace, name);
  cpSync(MINI_CONF, dir, { recursive: true });
  const path = join(dir, file);
  const data = JSON.parse(readFileSync(path, 'utf8')) as Json | Json[];
  mutate(data);
  writeFileSync(path, JSON.stringify(data, null, 2));
  return dir;
}

const first = (data: Json | Json[]): Json => (data as Json[])[0] as Json;

function problemsOf(dir: string): string[] {
  const result = loadDataset(dir);
  if (result.ok) throw new Error(`expected ${dir} to be invalid`);
  return result.problems.map(formatProblem).map((line) => line.replace(`${dir}/`, ''));
}

describe('valid datasets load', () => {
  it.each([DEFAULT_DATASET, MINI_CONF])('%s', (path) => {
    expect(loadDataset(path).ok).toBe(true);
  });
});

describe.each([
  {
    rule: 'a required field is missing',
    file: 'sessions.json',
    mutate: (d: Json | Json[]) => {
      delete first(d).title;
    },
    problem: 'sessions.json: [0].title: is required (expected string) (in record "opening")',
  },
  {
    rule: 'a value is outside its vocabulary',
    file: 'sessions.json',
    mutate: (d: Json | Json[]) => {
      first(d).kind = 'lecture';
    },
    problem: 'sessions.json: [0].kind: Invalid option',
  },
  {
    rule: 'a time has no offset',
    file: 'sessions.json',
    mutate: (d: Json | Json[]) => {
      first(d).start = '2027-03-27 09:00';
    },
    problem: 'sessions.json: [0].start: must be an ISO 8601 time with an offset',
  },
  {
    rule: 'a field is unknown (a typo in a key)',
    file: 'people.json',
    mutate: (d: Json | Json[]) => {
      first(d).organisation = 'harbour-labs';
    },
    problem: 'people.json: [0]: Unrecognized key: "organisation"',
  },
  {
    rule: 'the time zone is not an IANA zone',
    file: 'conference.json',
    mutate: (d: Json | Json[]) => {
      (d as Json).timeZone = 'Lisbon/Portugal';
    },
    problem: 'conference.json: timeZone: must be an IANA time zone',
  },
  {
    rule: 'an id is not a slug',
    file: 'organizations.json',
    mutate: (d: Json | Json[]) => {
      first(d).id = 'Harbour Labs';
    },
    problem: 'organizations.json: [0].id: must be a lower-case slug',
  },
  {
    rule: 'a record has no source',
    file: 'terms.json',
    mutate: (d: Json | Json[]) => {
      first(d).sources = [];
    },
    problem: 'terms.json: [0].sources: every record names at least one source',
  },
  {
    rule: 'two records share an id',
    file: 'people.json',
    mutate: (d: Json | Json[]) => {
      (d as Json[])[1] = { ...first(d) };
    },
    problem: 'people.json: [1].id (record "rita-mar"): duplicate id "rita-mar" (first used by record [0])',
  },
  {
    rule: 'a speaker does not exist',
    file: 'sessions.json',
    mutate: (d: Json | Json[]) => {
      first(d).speakers = ['rita'];
    },
    problem:
      'sessions.json: [0].speakers[0] (record "opening"): unknown person id "rita"; did you mean "rita-mar"?',
  },
  {
    rule: "a person's organisation does not exist",
    file: 'people.json',
    mutate: (d: Json | Json[]) => {
      first(d).organization = 'harbor-labs';
    },
    problem: 'people.json: [0].organization (record "rita-mar"): unknown organization id "harbor-labs"',
  },
  {
    rule: 'a source does not exist',
    file: 'projects.json',
    mutate: (d: Json | Json[]) => {
      first(d).sources = ['website'];
    },
    problem: 'projects.json: [0].sources[0] (record "tidewater"): unknown source id "website"',
  },
  {
    rule: 'an announcement partner does not exist',
    file: 'announcements.json',
    mutate: (d: Json | Json[]) => {
      first(d).partners = ['seagull'];
    },
    problem: 'announcements.json: [0].partners[0] (record "tidewater-2"): unknown organization id "seagull"',
  },
  {
    rule: 'a session is part of a session that does not exist',
    file: 'sessions.json',
    mutate: (d: Json | Json[]) => {
      first(d).partOf = 'showcase';
    },
    problem: 'sessions.json: [0].partOf (record "opening"): unknown session id "showcase"',
  },
  {
    rule: 'a session is outside the conference dates',
    file: 'sessions.json',
    mutate: (d: Json | Json[]) => {
      first(d).start = '2027-03-29T09:00:00+01:00';
      first(d).end = '2027-03-29T09:30:00+01:00';
    },
    problem:
      'sessions.json: [0].start (record "opening"): 2027-03-29T09:00:00+01:00 is outside 2027-03-27 to 2027-03-28',
  },
  {
    rule: 'a session ends before it starts',
    file: 'sessions.json',
    mutate: (d: Json | Json[]) => {
      first(d).end = '2027-03-27T08:00:00+00:00';
    },
    problem: 'sessions.json: [0].end (record "opening"): 2027-03-27T08:00:00+00:00 is before the start',
  },
  {
    rule: 'the conference ends before it starts',
    file: 'conference.json',
    mutate: (d: Json | Json[]) => {
      (d as Json).endDate = '2027-03-20';
    },
    problem: 'conference.json: endDate: ends (2027-03-20) before it starts (2027-03-27)',
  },
])('refused when $rule', ({ rule, file, mutate, problem }) => {
  it('names the file, the field and the reason', () => {
    const dir = brokenCopy(rule.replace(/\W+/g, '-'), file, mutate);
    expect(problemsOf(dir).join('\n')).toContain(problem);
  });
});

describe('malformed files', () => {
  it('a truncated JSON file is named with the line and column where it ends', () => {
    const dir = join(workspace, 'truncated');
    cpSync(MINI_CONF, dir, { recursive: true });
    const text = readFileSync(join(dir, 'sessions.json'), 'utf8');
    writeFileSync(join(dir, 'sessions.json'), text.slice(0, 300));
    const [problem] = problemsOf(dir);
    expect(problem).toMatch(/^sessions\.json: line \d+, column \d+: the JSON ends too early .*truncated\?/);
  });

  it('a syntax error is located precisely', () => {
    const dir = join(workspace, 'syntax');
    cpSync(MINI_CONF, dir, { recursive: true });
    writeFileSync(join(dir, 'terms.json'), '[\n  { "id": "a" "term": "b" }\n]\n');
    expect(problemsOf(dir)).toEqual(['terms.json: line 2, column 15: invalid JSON: comma expected']);
  });

  it('every broken file is reported, not only the first', () => {
    const dir = join(workspace, 'two-broken');
    cpSync(MINI_CONF, dir, { recursive: true });
    writeFileSync(join(dir, 'terms.json'), '[');
    writeFileSync(join(dir, 'projects.json'), '{');
    const problems = problemsOf(dir);
    expect(problems.some((p) => p.startsWith('terms.json'))).toBe(true);
    expect(problems.some((p) => p.startsWith('projects.json'))).toBe(true);
  });

  it('a directory without conference.json is not a dataset', () => {
    expect(problemsOf(join(MINI_CONF, '..')).join()).toContain('conference.json is missing');
  });

  it('a path that does not exist says so', () => {
    const path = join(workspace, 'nowhere');
    expect(problemsOf(path)).toEqual([`${path}: no such file or directory`]);
  });
});

describe('the single-file layout', () => {
  it('loads a dataset held in one JSON object, with paths prefixed by collection', () => {
    const combined: Record<string, unknown> = {};
    for (const name of ['conference', 'sources', 'sessions', 'people', 'organizations']) {
      combined[name] = JSON.parse(readFileSync(join(MINI_CONF, `${name}.json`), 'utf8'));
    }
    const file = join(workspace, 'single.json');
    writeFileSync(file, JSON.stringify(combined));
    expect(loadDataset(file).ok).toBe(false); // projects.json is left out, so "tidewater" dangles
    const result = loadDataset(file);
    if (result.ok) return;
    expect(result.problems.map(formatProblem)).toContain(
      `${file}: sessions[0].projects[0] (record "opening"): unknown project id "tidewater"`,
    );
  });
});
