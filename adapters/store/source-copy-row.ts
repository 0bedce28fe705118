// A `source_copies` row as either engine returns it, and back.
import type { SharedCopy } from './store.ts';

export interface SourceCopyRow {
  source_key: string;
  body: string;
  etag: string | null;
  last_modified: string | null;
  fetched_at: number;
}

export function toSharedCopy(row: SourceCopyRow): SharedCopy {
  return {
    key: row.source_key,
    text: row.body,
    fetchedAt: row.fetched_at,
    ...(row.etag === null ? {} : { etag: row.etag }),
    ...(row.last_modified === null ? {} : { lastModified: row.last_modified }),
  };
}

/** The values of an upsert, in column order: key, body, etag, last_modified, fetched_at. */
export function sharedCopyValues(copy: SharedCopy): [string, string, string | null, string | null, number] {
  return [copy.key, copy.text, copy.etag ?? null, copy.lastModified ?? null, copy.fetchedAt];
}

/** The upsert, with `?` or `$n` placeholders. */
export function upsertSharedCopySql(placeholders: readonly string[]): string {
  return `INSERT INTO source_copies (source_key, body, etag, last_modified, fetched_at)
    VALUES (${placeholders.join(', ')})
    ON CONFLICT (source_key) DO UPDATE SET body = excluded.body, etag = excluded.etag,
      last_modified = excluded.last_modified, fetched_at = excluded.fetched_at
    WHERE excluded.fetched_at >= source_copies.fetched_at`;
}
