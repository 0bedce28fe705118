// The last good copy of each fetched source on disk, so a restart without the network still has data.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface CachedCopy {
  readonly url: string;
  readonly text: string;
  readonly etag?: string;
  readonly lastModified?: string;
  /** When it was fetched (epoch ms). */
  readonly fetchedAt: number;
}

export class SourceCache {
  constructor(private readonly dir: string) {}

  read(url: string): CachedCopy | undefined {
    try {
      const meta = JSON.parse(readFileSync(this.path(url, 'json'), 'utf8')) as Omit<
        CachedCopy,
        'text' | 'url'
      >;
      return { ...meta, url, text: readFileSync(this.path(url, 'body'), 'utf8') };
    } catch {
      return undefined;
    }
  }

  /**
   * Writes body then metadata, each through a rename, so a crash never leaves a half-written copy. The URL is not
   * written: it may hold a private feed's key, and the file name (a hash of it) already says which source it is.
   */
  write(copy: CachedCopy): void {
    mkdirSync(this.dir, { recursive: true });
    const { text, url: _url, ...meta } = copy;
    writeAtomically(this.path(copy.url, 'body'), text);
    writeAtomically(this.path(copy.url, 'json'), JSON.stringify(meta));
  }

  private path(url: string, extension: string): string {
    return join(this.dir, `${createHash('sha256').update(url).digest('hex').slice(0, 24)}.${extension}`);
  }
}

function writeAtomically(path: string, content: string): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, content);
  renameSync(temporary, path);
}
