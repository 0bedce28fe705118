// Fetches a URL source with a conditional GET (ETag, If-Modified-Since) and a timeout.
import { redactUrl } from '../../src/index.ts';
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
  const { target, authorization } = splitCredentials(url);
  const headers: Record<string, string> = { 'user-agent': 'hallway-conference-bot' };
  if (authorization !== undefined) headers.authorization = authorization;
  if (options.previous?.etag !== undefined) headers['if-none-match'] = options.previous.etag;
  if (options.previous?.lastModified !== undefined)
    headers['if-modified-since'] = options.previous.lastModified;
  try {
    const response = await (options.fetch ?? fetch)(target, {
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
    // A network error may quote the URL it was given; the reason is logged and shown to admins.
    return { kind: 'failed', reason: (error as Error).message.replaceAll(target, redactUrl(url)) };
  }
}

/**
 * `fetch` refuses a URL with `user:pass@` in it, so the credentials travel as a Basic Authorization header instead,
 * as a browser would send them.
 */
function splitCredentials(url: string): { target: string; authorization?: string } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { target: url };
  }
  if (parsed.username === '' && parsed.password === '') return { target: url };
  const user = decodeURIComponent(parsed.username);
  const password = decodeURIComponent(parsed.password);
  parsed.username = '';
  parsed.password = '';
  return {
    target: parsed.href,
    authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
  };
}
