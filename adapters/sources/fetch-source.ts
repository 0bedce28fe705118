// Fetches a URL source with a conditional GET (ETag, If-Modified-Since), a timeout and a cap on its size.
import { redactUrl } from '../../src/index.ts';
import type { CachedCopy } from './source-cache.ts';

/** What identifies a version to the server: sent back so an unchanged version is answered with a 304. */
export interface Validators {
  readonly etag?: string;
  readonly lastModified?: string;
}

/** Why a fetch gave nothing to read: no usable answer, or a body over the size cap. */
export type FetchFailure = 'unreachable' | 'too-large';

export type FetchOutcome =
  | { readonly kind: 'fresh'; readonly copy: CachedCopy }
  | { readonly kind: 'not-modified' }
  | { readonly kind: 'failed'; readonly failure: FetchFailure; readonly reason: string };

export interface FetchOptions {
  readonly validators?: Validators;
  readonly timeoutMs: number;
  /** Bodies larger than this are abandoned while streaming, before they are held in memory whole. */
  readonly maxBytes: number;
  readonly now: () => number;
  readonly fetch?: typeof fetch;
}

/** Never throws: every failure (network, status, timeout, size) is a `failed` outcome with a reason. */
export async function fetchSource(url: string, options: FetchOptions): Promise<FetchOutcome> {
  const { target, authorization } = splitCredentials(url);
  const headers: Record<string, string> = { 'user-agent': 'hallway-conference-bot' };
  if (authorization !== undefined) headers.authorization = authorization;
  const { etag, lastModified } = options.validators ?? {};
  if (etag !== undefined) headers['if-none-match'] = etag;
  if (lastModified !== undefined) headers['if-modified-since'] = lastModified;
  try {
    const response = await (options.fetch ?? fetch)(target, {
      headers,
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    if (response.status === 304) return { kind: 'not-modified' };
    if (!response.ok) {
      await response.body?.cancel();
      return unreachable(`HTTP ${response.status} ${response.statusText}`.trim());
    }
    const text = await readCapped(response, options.maxBytes);
    if (text === undefined) return tooLarge(options.maxBytes);
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
      return unreachable(`no answer within ${options.timeoutMs} ms`);
    // A network error may quote the URL it was given; the reason is logged and shown to admins.
    return unreachable((error as Error).message.replaceAll(target, redactUrl(url)));
  }
}

/**
 * The body as text, or undefined once it passes `maxBytes`: a declared length over the cap is refused before
 * reading, and a body without one is counted chunk by chunk and abandoned as soon as it is too large.
 */
async function readCapped(response: Response, maxBytes: number): Promise<string | undefined> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (response.body === null) return '';
  if (declared > maxBytes) {
    await response.body.cancel();
    return undefined;
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  // TextDecoder drops a byte order mark, as `response.text()` does.
  return new TextDecoder().decode(Buffer.concat(chunks, total));
}

function unreachable(reason: string): FetchOutcome {
  return { kind: 'failed', failure: 'unreachable', reason };
}

function tooLarge(maxBytes: number): FetchOutcome {
  return {
    kind: 'failed',
    failure: 'too-large',
    reason: `larger than the ${formatBytes(maxBytes)} limit (maxFeedBytes); download abandoned`,
  };
}

/** 16777216 → "16 MiB"; smaller or uneven limits in bytes. */
export function formatBytes(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  return Number.isInteger(mib) ? `${mib} MiB` : `${bytes} bytes`;
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
