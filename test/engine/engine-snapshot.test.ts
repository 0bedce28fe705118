// An engine read back from its snapshot answers exactly as one built from the dataset; a snapshot built from other
// data, by another format, or damaged in any way is refused with a reason, never read into wrong answers.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { benchQuestions } from '../../adapters/bench/bench-questions.ts';
import {
  buildSnapshotEngine,
  createEngine,
  type Dataset,
  type Engine,
  loadDataset,
  restoreEngine,
  SNAPSHOT_FORMAT,
} from '../../src/index.ts';
import { AFTER_KUBECON, DEFAULT_DATASET } from '../helpers/engines.ts';
import { describeWithShared, sharedPath } from '../helpers/shared.ts';

const MERGED = { sessions: 0, people: 0, organizations: 0 };

/** What users ask: the README's questions, typos, times, follow-ups' openers, and a sample of every bench kind. */
const QUESTIONS = [
  'who spoke about platform engineering?',
  'who talked about k8s as the narrow waist?',
  'who is George Castro?',
  'who is Abby Bnagser?',
  'what is HAMi?',
  'what is a DPU?',
  'where is the Agones keynote?',
  'when is the Red Hat keynote?',
  'which demo showed GPU sharing?',
  'who kicked off the final day?',
  'spectro clod',
  'what did NVIDIA announce?',
  'main themes',
  'summarize the conference',
  'what is on now?',
  'what is next on thursday at 10?',
  'talks about quantum computing',
  'engneering',
  'help',
  '',
];

function load(path: string): Dataset {
  const loaded = loadDataset(path);
  if (!loaded.ok) throw new Error(`${path} is invalid`);
  return loaded.dataset;
}

function expectSameAnswers(fresh: Engine, restored: Engine, questions: readonly string[]): void {
  for (const question of questions) {
    const expected = fresh.ask(question);
    expect(restored.ask(question), question).toEqual(expected);
    // A follow-up reads the answer's context: it must lead the restored engine to the same place.
    const followUp = { context: expected.context ?? {} };
    expect(restored.ask('when is it?', followUp), `${question} → when is it?`).toEqual(
      fresh.ask('when is it?', followUp),
    );
  }
}

function restored(dataset: Dataset, source = 'the sources'): Engine {
  const file = buildSnapshotEngine(dataset, MERGED).snapshot(source);
  const read = restoreEngine(file, source, { clock: () => AFTER_KUBECON });
  if (!read.ok) throw new Error(read.reason);
  return read.engine;
}

describe('an engine restored from its snapshot', () => {
  const dataset = load(DEFAULT_DATASET);
  const fresh = createEngine(dataset, { clock: () => AFTER_KUBECON });
  const engine = restored(dataset);

  it('answers every question exactly as a freshly built one', () => {
    const generated = benchQuestions(dataset, 200).map((question) => question.text);
    expectSameAnswers(fresh, engine, [...QUESTIONS, ...generated]);
  });

  it('gives the same digest and knows the same dataset', () => {
    expect(engine.digest({ date: '2026-03-26' })).toEqual(fresh.digest({ date: '2026-03-26' }));
    expect(engine.catalog.dataset).toEqual(dataset);
  });
});

describe('a snapshot that does not fit', () => {
  const dataset = load(DEFAULT_DATASET);
  const file = buildSnapshotEngine(dataset, MERGED).snapshot('the sources');
  const refusal = (bytes: Uint8Array, source = 'the sources') => {
    const read = restoreEngine(bytes, source);
    if (read.ok) throw new Error('a snapshot that does not fit was read');
    // One line, for one log line.
    expect(read.reason).not.toContain('\n');
    return read;
  };

  it('is stale when it was built from other sources', () => {
    expect(refusal(file, 'changed sources')).toMatchObject({ stale: true });
  });

  it('is stale when another format wrote it', () => {
    const text = new TextDecoder().decode(file);
    const older = text.replace(`"format":${SNAPSHOT_FORMAT}`, `"format":${SNAPSHOT_FORMAT - 1}`);
    expect(refusal(new TextEncoder().encode(older))).toMatchObject({ stale: true });
  });

  it.each([
    ['truncated', file.subarray(0, Math.floor(file.length / 2))],
    ['cut inside its header', file.subarray(0, 20)],
    ['empty', new Uint8Array()],
    ['not a snapshot at all', new TextEncoder().encode('{"hello": "world"}\n[1, 2, 3]')],
  ])('is damaged when %s', (_what, bytes) => {
    expect(refusal(bytes)).toMatchObject({ stale: false });
  });

  it('is damaged when one byte of its body changed', () => {
    const flipped = Uint8Array.from(file);
    const at = flipped.length - 100;
    flipped[at] = (flipped[at] ?? 0) ^ 1;
    expect(refusal(flipped)).toMatchObject({ stale: false });
  });

  it('is damaged when its indexes do not fit its dataset, even with a checksum that matches', () => {
    // Another dataset's text index under this one's header, checksum recomputed: a bug's output, not a disk's.
    const fewer = { ...dataset, sessions: dataset.sessions.slice(1) };
    const other = buildSnapshotEngine(fewer, MERGED).snapshot('the sources');
    const [header, body] = parts(file);
    const forged = new TextEncoder().encode(JSON.stringify({ ...body, text: parts(other)[1].text }));
    const sha256 = createHash('sha256').update(forged).digest('hex');
    const head = new TextEncoder().encode(`${JSON.stringify({ ...header, bytes: forged.length, sha256 })}\n`);
    expect(refusal(Buffer.concat([head, forged]))).toMatchObject({ stale: false });
  });
});

/** A snapshot file's header and body, parsed. */
function parts(file: Uint8Array): [Record<string, unknown>, Record<string, unknown>] {
  const newline = file.indexOf(0x0a);
  const json = (bytes: Uint8Array) => JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
  return [json(file.subarray(0, newline)), json(file.subarray(newline + 1))];
}

const FOSDEM = 'datasets/fosdem-2026-pentabarf/2026.xml';

describeWithShared('an engine restored from a real schedule’s snapshot', [FOSDEM], () => {
  it('answers every question exactly as a freshly built one', () => {
    const dataset = load(sharedPath(FOSDEM));
    const fresh = createEngine(dataset, { clock: () => AFTER_KUBECON });
    const engine = restored(dataset);
    const questions = [
      ...QUESTIONS,
      'who spoke about rust?',
      'talks about postgres',
      'who is Lenart Poettering?',
      'what is in janson on saturday?',
      ...benchQuestions(dataset, 150).map((question) => question.text),
    ];
    expectSameAnswers(fresh, engine, questions);
  });
});
