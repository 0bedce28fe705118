// Fetches a URL source with a conditional GET (ETag, If-Modified-Since) and a timeout.
import type { CachedCopy } from './source-cache.ts';

export type FetchOutcome =
  | { readonly kind: 'fresh'; readonly copy: CachedCopy }
  | { readonly kind: 'not-modified' }
  | { readonly kind: 'failed'; readonly reason: string };

export interface FetchOptions {
  readonly previous?: CachedCopy;
  readonly timeoutMs: number;
  readonly now: () => number;
  readonly fetch?: typeof fetch;
}

/** Never throws: every failure (network, status, timeout) is a `failed` outcome with a reason. */
export async function fetchSource(url: string, options: FetchOptions): Promise<FetchOutcome> {
  const headers: Record<string, string> = { 'user-agent': 'hallway-conference-bot' };
  if (options.previous?.etag !== undefined) headers['if-none-match'] = options.previous.etag;
  if (options.previous?.lastModified !== undefined)
    headers['if-modified-since'] = options.previous.lastModified;
  try {
    const response = await (options.fetch ?? fetch)(url, {
      headers,
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    if (response.status === 304) return { kind: 'not-modified' };
    if (!response.ok)
      return { kind: 'failed', reason: `HTTP ${response.status} ${response.statusText}`.trim() };
    const text = await response.text();
    const etag = response.headers.get('etag') ?? undefined;
    const lastModified = response.headers.get('last-modified') ?? undefined;
    return {
      kind: 'fresh',
      copy: {
        url,
        text,
        fetchedAt: options.now(),
        ...(etag === undefined ? {} : { etag }),
        ...(lastModified === undefined ? {} : { lastModified }),
      },
    };
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'TimeoutError' || name === 'AbortError')
      return { kind: 'failed', reason: `no answer within ${options.timeoutMs} ms` };
    return { kind: 'failed', reason: (error as Error).message };
  }
}
