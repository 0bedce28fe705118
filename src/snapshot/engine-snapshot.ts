// The snapshot file's format: a header line (format, source key, checksum), then the dataset and its indexes as JSON.
import { createHash } from 'node:crypto';
import type { EngineIndexes } from '../engine/engine-indexes.ts';
import type { MergeReport } from '../merge/merge-datasets.ts';
import { type Dataset, RECORD_COLLECTIONS } from '../model/schema.ts';
import type { Postings } from '../search/postings.ts';
import { SEARCH_FIELDS } from '../search/record-text.ts';
import { integersOf, integersToBase64 } from './integer-block.ts';
import { type PostingsForm, postingsFromForm, postingsToForm, SnapshotShapeError } from './postings-form.ts';

/**
 * Bumped whenever what a snapshot holds, or how the indexes are built from a dataset, changes: an older file is
 * then rebuilt rather than read. The running code's fingerprint, which adapters fold into the source key, catches
 * the changes nobody remembered to bump this for.
 */
export const SNAPSHOT_FORMAT = 3;

/** What a snapshot keeps: the merged dataset, how it was merged, and what the engine builds from it. */
export interface SnapshotContent {
  readonly dataset: Dataset;
  readonly merged: MergeReport;
  readonly indexes: EngineIndexes;
}

/** The first line of the file: enough to reject a stale or damaged snapshot without parsing the rest. */
interface SnapshotHeader {
  readonly format: number;
  /** What the caller built it from (a content hash of the sources): a snapshot is used only for the same key. */
  readonly source: string;
  readonly bytes: number;
  readonly sha256: string;
}

/** The body; a trained classifier would be one more field here, read back the same way. */
interface SnapshotBody {
  readonly dataset: Dataset;
  readonly merged: MergeReport;
  /** The spelling words, one per line, and each one's term as its position in the postings (an integer block). */
  readonly text: { readonly postings: PostingsForm; readonly words: string; readonly wordTerms: string };
  readonly names: PostingsForm;
}

export type DecodedSnapshot =
  | { readonly ok: true; readonly content: SnapshotContent }
  /** `stale`: a sound file built from other data, code or format, as after any change; otherwise it is damaged. */
  | { readonly ok: false; readonly stale: boolean; readonly reason: string };

/** The file's bytes for `content`, built from the sources `source` names. */
export function encodeSnapshot(source: string, content: SnapshotContent): Uint8Array {
  const { postings } = content.indexes.text;
  const words = content.indexes.text.words();
  const form = postingsToForm(postings, SEARCH_FIELDS.length);
  // A word's term is its position among the form's terms, which is the order a start reads them back in.
  const termIds = new Map(form.terms.map((term, index) => [term, index]));
  const body: SnapshotBody = {
    dataset: content.dataset,
    merged: content.merged,
    text: {
      postings: form,
      words: [...words.keys()].join('\n'),
      wordTerms: integersToBase64([...words.values()].map((term) => termIds.get(term) ?? -1)),
    },
    names: postingsToForm(content.indexes.names, 1),
  };
  const bodyBytes = new TextEncoder().encode(JSON.stringify(body));
  const header: SnapshotHeader = {
    format: SNAPSHOT_FORMAT,
    source,
    bytes: bodyBytes.length,
    sha256: sha256(bodyBytes),
  };
  const headerBytes = new TextEncoder().encode(`${JSON.stringify(header)}\n`);
  const file = new Uint8Array(headerBytes.length + bodyBytes.length);
  file.set(headerBytes);
  file.set(bodyBytes, headerBytes.length);
  return file;
}

/**
 * Reads a snapshot built from `source`. Any other format or source, a wrong checksum, or a body that does not
 * hold what it should gives a one-line reason instead: the caller rebuilds, and never answers from it.
 */
export function decodeSnapshot(file: Uint8Array, source: string): DecodedSnapshot {
  const newline = file.indexOf(0x0a);
  const damaged = (reason: string): DecodedSnapshot => ({ ok: false, stale: false, reason });
  if (newline < 0) return damaged('it has no header line (truncated?)');
  let header: Partial<SnapshotHeader>;
  try {
    header = JSON.parse(new TextDecoder().decode(file.subarray(0, newline))) as Partial<SnapshotHeader>;
  } catch {
    return damaged('its header is not JSON');
  }
  if (typeof header.format !== 'number' || typeof header.source !== 'string')
    return damaged('its header is not a snapshot header');
  if (header.format !== SNAPSHOT_FORMAT) {
    const reason = `it has format ${String(header.format)}, this version reads ${SNAPSHOT_FORMAT}`;
    return { ok: false, stale: true, reason };
  }
  if (header.source !== source)
    return { ok: false, stale: true, reason: 'it was built from other data or code' };
  const body = file.subarray(newline + 1);
  if (body.length !== header.bytes)
    return damaged(
      `it holds ${body.length} bytes where its header says ${String(header.bytes)} (truncated?)`,
    );
  if (sha256(body) !== header.sha256) return damaged('its checksum does not match');
  try {
    return { ok: true, content: contentOf(JSON.parse(new TextDecoder().decode(body)) as SnapshotBody) };
  } catch (error) {
    if (error instanceof SnapshotShapeError || error instanceof SyntaxError)
      return damaged(`its body is unreadable: ${error.message}`);
    throw error;
  }
}

function contentOf(body: SnapshotBody): SnapshotContent {
  const { dataset, merged, text, names } = body;
  const shaped =
    typeof dataset?.conference === 'object' &&
    RECORD_COLLECTIONS.every((collection) => Array.isArray(dataset[collection])) &&
    typeof merged?.sessions === 'number' &&
    typeof text?.words === 'string' &&
    typeof text.wordTerms === 'string';
  if (!shaped) throw new SnapshotShapeError('a part is missing');
  const postings = postingsFromForm(text.postings, SEARCH_FIELDS.length);
  return {
    dataset,
    merged,
    indexes: { text: { postings, words: spellingWords(text, postings) }, names: postingsFromForm(names, 1) },
  };
}

/**
 * The spelling words, checked now (one term for each, and a term that exists) and decoded on the first typo: a
 * start that answers without one never builds the map of twenty thousand words.
 */
function spellingWords(text: SnapshotBody['text'], postings: Postings): () => ReadonlyMap<string, string> {
  let wordTerms: Int32Array;
  try {
    wordTerms = integersOf(text.wordTerms);
  } catch (error) {
    throw new SnapshotShapeError(`spelling: ${(error as Error).message}`);
  }
  let lines = text.words.length === 0 ? 0 : 1;
  for (let at = text.words.indexOf('\n'); at >= 0; at = text.words.indexOf('\n', at + 1)) lines++;
  if (lines !== wordTerms.length) throw new SnapshotShapeError('spelling: a word has no term');
  const sorted = postings.sorted;
  if (sorted === undefined) throw new SnapshotShapeError('spelling: the postings have no sorted terms');
  const termCount = sorted.size;
  for (const term of wordTerms)
    if (term < 0 || term >= termCount) throw new SnapshotShapeError('spelling: a word has no term');
  let words: Map<string, string> | undefined;
  return () => {
    if (words !== undefined) return words;
    const list = text.words.length === 0 ? [] : text.words.split('\n');
    words = new Map(list.map((word, index) => [word, sorted.keyAt(wordTerms[index] as number) as string]));
    return words;
  };
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
