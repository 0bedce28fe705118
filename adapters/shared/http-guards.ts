// What every Hallway HTTP server shares: header and request timeouts, a body cap enforced before anything is
// buffered, and a close that does not wait for slow clients.
import type { IncomingMessage, Server, ServerOptions, ServerResponse } from 'node:http';

/** A client has this long to send its headers, and this long for the whole request; then it is cut off. */
export const HEADERS_TIMEOUT_MS = 5_000;
export const REQUEST_TIMEOUT_MS = 10_000;

/** Options for `createServer`: the timeouts above, checked every second (Node's default is every 30 s). */
export const GUARDED_SERVER_OPTIONS: ServerOptions = {
  headersTimeout: HEADERS_TIMEOUT_MS,
  requestTimeout: REQUEST_TIMEOUT_MS,
  connectionsCheckingInterval: 1_000,
};

/** How long a closing server lets requests in progress finish before it drops every connection. */
export const CLOSE_GRACE_MS = 1_000;

/** A request body read up to a cap: the bytes, `too-large` (reading stopped at the cap), or `aborted`. */
export type CappedBody =
  | { readonly kind: 'ok'; readonly body: Buffer }
  | { readonly kind: 'too-large' }
  | { readonly kind: 'aborted' };

/** True when the request declares (Content-Length) more than `capBytes`: refuse it without reading a byte. */
export function declaresMoreThan(request: IncomingMessage, capBytes: number): boolean {
  const declared = request.headers['content-length'];
  return declared !== undefined && /^\d+$/.test(declared) && Number(declared) > capBytes;
}

/**
 * Reads the body, counting bytes as they stream in, and stops at `capBytes`: a client that sends more (chunked,
 * or past its Content-Length) never has more than the cap held in memory.
 */
export function readCappedBody(request: IncomingMessage, capBytes: number): Promise<CappedBody> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: CappedBody) => {
      request.off('data', onData);
      request.off('end', onEnd);
      request.off('error', onError);
      request.off('close', onClose);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > capBytes) {
        request.pause();
        finish({ kind: 'too-large' });
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => finish({ kind: 'ok', body: Buffer.concat(chunks, size) });
    const onError = () => finish({ kind: 'aborted' });
    const onClose = () => {
      if (!request.complete) finish({ kind: 'aborted' });
    };
    request.on('data', onData);
    request.on('end', onEnd);
    request.on('error', onError);
    request.on('close', onClose);
  });
}

/** How long a refused client may go on sending (discarded) before its connection is cut. */
const REFUSED_LINGER_MS = 1_000;

/**
 * Answers with a status and no body, and closes the connection. What the client still sends is discarded, not
 * kept; cutting the socket at once would reset it before the client reads the status.
 */
export function refuse(request: IncomingMessage, response: ServerResponse, status: number): void {
  if (response.headersSent) {
    request.destroy();
    return;
  }
  response.writeHead(status, { connection: 'close', 'content-length': 0 });
  response.end();
  request.resume();
  setTimeout(() => request.destroy(), REFUSED_LINGER_MS).unref();
}

/**
 * Stops listening, drops idle keep-alive connections at once, and after `graceMs` every connection still open
 * (a client holding a half-sent request), so a shutdown never waits on a slow client. Never rejects.
 */
export function closeServer(server: Server, graceMs = CLOSE_GRACE_MS): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(() => server.closeAllConnections(), graceMs);
    server.close(() => {
      clearTimeout(timer);
      resolve();
    });
    server.closeIdleConnections();
  });
}
