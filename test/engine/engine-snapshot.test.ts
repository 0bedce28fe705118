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

describe('a snapshot of names and words beyond ASCII', () => {
  const base = load(DEFAULT_DATASET);
  const [first, second] = base.people;
  if (first === undefined || second === undefined) throw new Error('the bundled dataset has people');
  // Accents, a character outside the BMP, right-to-left and CJK text: what real schedules hold.
  const people = [
    { ...first, name: 'Zoë Brontë-Łukasiewicz' },
    { ...second, name: '山田 太郎', bio: 'שלום, talks about 🚀 rockets' },
    ...base.people.slice(2),
  ];
  const dataset = { ...base, people };
  const file = buildSnapshotEngine(dataset, MERGED).snapshot('the sources');

  it('reads back the same text, and answers about it the same', () => {
    const read = restoreEngine(file, 'the sources', { clock: () => AFTER_KUBECON });
    if (!read.ok) throw new Error(read.reason);
    expect(read.engine.catalog.dataset).toEqual(dataset);
    const fresh = createEngine(dataset, { clock: () => AFTER_KUBECON });
    expectSameAnswers(fresh, read.engine, ['who is Zoë Brontë-Łukasiewicz?', 'who is 山田 太郎?', 'rockets']);
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

describe('a snapshot whose postings were forged, with a checksum that matches', () => {
  const dataset = load(DEFAULT_DATASET);
  const file = buildSnapshotEngine(dataset, MERGED).snapshot('the sources');
  const [header, body] = parts(file);
  const text = body.text as {
    postings: { lists: string; documentCount: number; terms: string[] };
    wordTerms: string;
  };

  /** The file with the text index's block of integers changed by `change`, and its checksum made to match. */
  const forgedWith = (change: (block: Int32Array) => void): Uint8Array => {
    const block = new Int32Array(Uint8Array.from(Buffer.from(text.postings.lists, 'base64')).buffer);
    change(block);
    const lists = Buffer.from(block.buffer).toString('base64');
    const forged = new TextEncoder().encode(
      JSON.stringify({ ...body, text: { ...text, postings: { ...text.postings, lists } } }),
    );
    const sha256 = createHash('sha256').update(forged).digest('hex');
    const head = new TextEncoder().encode(`${JSON.stringify({ ...header, bytes: forged.length, sha256 })}\n`);
    return Buffer.concat([head, forged]);
  };

  it.each([
    // The first term's first list starts at index 3: [fields, field, length, documents…].
    ['a document past the last one', (block: Int32Array) => block.set([text.postings.documentCount], 3)],
    ['a list out of order', (block: Int32Array) => block.set([block[3] ?? 0, -1], 3)],
    ['a field that does not exist', (block: Int32Array) => block.set([99], 1)],
    ['a list longer than the block', (block: Int32Array) => block.set([block.length], 2)],
  ])('is refused for %s, in one line, never read', (_what, change) => {
    const read = restoreEngine(forgedWith(change), 'the sources');
    if (read.ok) throw new Error('forged postings were read');
    expect(read).toMatchObject({ stale: false });
    expect(read.reason).toMatch(/^its body is unreadable: postings: /);
    expect(read.reason).not.toContain('\n');
  });

  it('is refused when its terms are out of order (they are looked up by halving)', () => {
    const [first, second, ...rest] = text.postings.terms;
    const postings = { ...text.postings, terms: [second, first, ...rest] };
    const forged = new TextEncoder().encode(JSON.stringify({ ...body, text: { ...text, postings } }));
    const sha256 = createHash('sha256').update(forged).digest('hex');
    const head = new TextEncoder().encode(`${JSON.stringify({ ...header, bytes: forged.length, sha256 })}\n`);
    const read = restoreEngine(Buffer.concat([head, forged]), 'the sources');
    expect(read).toMatchObject({ ok: false, stale: false });
    expect(read.ok ? '' : read.reason).toMatch(
      /^its body is unreadable: postings: term ".*" is out of order$/,
    );
  });

  it('is refused at the start, not at the first typo, when a spelling word names no term', () => {
    const wordTerms = new Int32Array(Uint8Array.from(Buffer.from(text.wordTerms, 'base64')).buffer);
    wordTerms.set([text.postings.terms.length], 0);
    const forged = new TextEncoder().encode(
      JSON.stringify({
        ...body,
        text: { ...text, wordTerms: Buffer.from(wordTerms.buffer).toString('base64') },
      }),
    );
    const sha256 = createHash('sha256').update(forged).digest('hex');
    const head = new TextEncoder().encode(`${JSON.stringify({ ...header, bytes: forged.length, sha256 })}\n`);
    const read = restoreEngine(Buffer.concat([head, forged]), 'the sources');
    expect(read).toMatchObject({
      ok: false,
      stale: false,
      reason: 'its body is unreadable: spelling: a word has no term',
    });
  });

  it('is read when nothing was changed (the forging itself keeps a good file good)', () => {
    expect(
      restoreEngine(
        forgedWith(() => {}),
        'the sources',
      ).ok,
    ).toBe(true);
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
