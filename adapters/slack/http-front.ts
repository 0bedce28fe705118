// The door of Slack's HTTP mode: size, timestamp, signature, shape and replays are checked before Bolt sees a request.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { ErrorCode, HTTPModuleFunctions, type HTTPReceiver, verifySlackRequest } from '@slack/bolt';
import { declaresMoreThan, GUARDED_SERVER_OPTIONS, readCappedBody, refuse } from '../shared/http-guards.ts';
import type { Logger } from '../shared/logger.ts';
import { createEventDeduper } from './dedupe.ts';

/**
 * The largest body accepted. Slack's biggest payloads here are events carrying a message: at most 40,000
 * characters of text, repeated in its rich_text blocks; even JSON-escaped (up to 6 bytes a character) that is
 * under 500 KB. Bolt's own default, 4 MB, let 200 unsigned requests push RSS from 268 MB to 635 MB.
 */
export const SLACK_BODY_LIMIT_BYTES = 1024 * 1024;
/** An unsigned request may only be Slack's `ssl_check=1&token=…` probe, which Bolt answers. */
const UNSIGNED_BODY_LIMIT_BYTES = 1024;
/** Slack's signing window: a timestamp further than this from now, either way, is refused (401). */
export const SIGNING_WINDOW_SECONDS = 5 * 60;

export interface SlackHttpFrontOptions {
  /** Bolt's receiver; it verifies the signature again and dispatches to the listeners. */
  readonly receiver: HTTPReceiver;
  readonly signingSecret: string;
  /** The path Slack posts to. */
  readonly endpoint: string;
  readonly logger: Logger;
  readonly now?: () => number;
}

/** The HTTP server for Slack's HTTP mode, with Hallway's timeouts; listen on it and close it with `closeServer`. */
export function createSlackHttpServer(options: SlackHttpFrontOptions): Server {
  const now = options.now ?? Date.now;
  // A signature names its timestamp and body: seen twice inside the window, it is a replay.
  const seen = createEventDeduper({ ttlMs: 2 * SIGNING_WINDOW_SECONDS * 1000, now });
  const log = options.logger.child({ component: 'slack-http' });

  async function admit(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const [path] = (request.url ?? '/').split('?');
    if (request.method !== 'POST' || path !== options.endpoint) return forward(request, response);
    if (declaresMoreThan(request, SLACK_BODY_LIMIT_BYTES)) {
      log.warn(
        { bytes: request.headers['content-length'], limit: SLACK_BODY_LIMIT_BYTES },
        'Slack request refused: body too large',
      );
      return refuse(request, response, 413);
    }
    const signature = header(request, 'x-slack-signature');
    const timestampText = header(request, 'x-slack-request-timestamp');
    const signed = signature !== undefined && timestampText !== undefined;
    const timestamp = /^\d{1,12}$/.test(timestampText ?? '') ? Number(timestampText) : Number.NaN;
    if (signed && !(Math.abs(now() / 1000 - timestamp) <= SIGNING_WINDOW_SECONDS)) {
      log.warn({ timestamp: timestampText }, 'Slack request refused: timestamp outside the 5-minute window');
      return refuse(request, response, 401);
    }
    const read = await readCappedBody(request, signed ? SLACK_BODY_LIMIT_BYTES : UNSIGNED_BODY_LIMIT_BYTES);
    if (read.kind === 'aborted') return;
    if (read.kind === 'too-large') {
      log.warn({ limit: SLACK_BODY_LIMIT_BYTES }, 'Slack request refused: body too large');
      return refuse(request, response, 413);
    }
    if (signed) {
      try {
        verifySlackRequest({
          signingSecret: options.signingSecret,
          body: read.body.toString(),
          headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp },
          nowMilliseconds: now(),
        });
      } catch {
        log.warn('Slack request refused: signature mismatch');
        return refuse(request, response, 401);
      }
      if (!isObjectPayload(request, read.body)) {
        log.warn('Slack request refused: signed, but its body is not a JSON object');
        return refuse(request, response, 400);
      }
      if (!seen.firstSeen(`${timestamp}:${signature}`)) {
        log.warn({ timestamp }, 'Slack request ignored: a replay of a signed request already handled');
        response.writeHead(200, { 'content-length': 0 }).end();
        return;
      }
    }
    // Bolt reads a request it finds already buffered instead of reading the stream again.
    Object.assign(request, { rawBody: read.body });
    forward(request, response);
  }

  function forward(request: IncomingMessage, response: ServerResponse): void {
    try {
      options.receiver.requestListener(request, response);
    } catch (error) {
      const unknownPath = (error as { code?: unknown }).code === ErrorCode.HTTPReceiverDeferredRequestError;
      if (!unknownPath) log.error({ err: error }, 'Slack request failed');
      if (!response.headersSent) response.writeHead(unknownPath ? 404 : 500, { 'content-length': 0 });
      response.end();
    }
  }

  return createServer(GUARDED_SERVER_OPTIONS, (request, response) => {
    admit(request, response).catch((error: unknown) => {
      log.error({ err: error }, 'Slack request failed');
      refuse(request, response, 500);
    });
  });
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}

/** What Bolt will parse the body into must be an object: `null`, a number or an array would crash its dispatch. */
function isObjectPayload(request: IncomingMessage, body: Buffer): boolean {
  try {
    const parsed: unknown = HTTPModuleFunctions.parseHTTPRequestBody(
      Object.assign(request, { rawBody: body }),
    );
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
  } catch {
    return false;
  }
}
