// The snapshot file's format: a header line (format, source key, checksum), then the dataset and its indexes as JSON.
import { createHash } from 'node:crypto';
import type { EngineIndexes } from '../engine/engine-indexes.ts';
import type { MergeReport } from '../merge/merge-datasets.ts';
import { type Dataset, RECORD_COLLECTIONS } from '../model/schema.ts';
import { SEARCH_FIELDS } from '../search/record-text.ts';
import { type PostingsForm, postingsFromForm, postingsToForm, SnapshotShapeError } from './postings-form.ts';

/**
 * Bumped whenever what a snapshot holds, or how the indexes are built from a dataset, changes: an older file is
 * then rebuilt rather than read. The running code's fingerprint, which adapters fold into the source key, catches
 * the changes nobody remembered to bump this for.
 */
export const SNAPSHOT_FORMAT = 2;

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
  readonly text: { readonly postings: PostingsForm; readonly words: string[]; readonly wordTerms: number[] };
  readonly names: PostingsForm;
}

export type DecodedSnapshot =
  | { readonly ok: true; readonly content: SnapshotContent }
  /** `stale`: a sound file built from other data, code or format, as after any change; otherwise it is damaged. */
  | { readonly ok: false; readonly stale: boolean; readonly reason: string };

/** The file's bytes for `content`, built from the sources `source` names. */
export function encodeSnapshot(source: string, content: SnapshotContent): Uint8Array {
  const { postings, words } = content.indexes.text;
  const termIds = new Map([...postings.terms.keys()].map((term, index) => [term, index]));
  const body: SnapshotBody = {
    dataset: content.dataset,
    merged: content.merged,
    text: {
      postings: postingsToForm(postings, SEARCH_FIELDS.length),
      words: [...words.keys()],
      wordTerms: [...words.values()].map((term) => termIds.get(term) ?? -1),
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
    Array.isArray(text?.words) &&
    Array.isArray(text.wordTerms) &&
    text.words.length === text.wordTerms.length;
  if (!shaped) throw new SnapshotShapeError('a part is missing');
  const postings = postingsFromForm(text.postings, SEARCH_FIELDS.length);
  const terms = [...postings.terms.keys()];
  const words = new Map<string, string>();
  text.words.forEach((word, index) => {
    const term = terms[text.wordTerms[index] ?? -1];
    if (typeof word !== 'string' || term === undefined)
      throw new SnapshotShapeError('a spelling word has no term');
    words.set(word, term);
  });
  return { dataset, merged, indexes: { text: { postings, words }, names: postingsFromForm(names, 1) } };
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
