// A loopback fake of Slack: Web API methods, response_url endpoints and a Socket Mode WebSocket, all recorded.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

/** The bot token an OAuth install hands out, assembled so that nothing here reads as a real token. */
export const INSTALLED_TOKEN_PREFIX = ['xoxb', 'installed'].join('-');

/** The fake bot's identity, as `auth.test` reports it. */
export const BOT = { userId: 'UHALLWAY', botId: 'BHALLWAY', teamId: 'T0TEAM', appId: 'A0HALLWAY' } as const;

/** One request the app sent: a Web API method, or a post to a response_url. */
export interface Recorded {
  readonly method: string;
  readonly body: Record<string, unknown>;
}

/** One scripted reply to a Web API call: an HTTP status, headers, and Slack's `{ ok: false, error }`. */
export interface ScriptedReply {
  /** 200 by default. */
  readonly status?: number;
  readonly headers?: Readonly<Record<string, string>>;
  /** Slack's error string; the body is then `{ ok: false, error }`. Without it, a plausible success. */
  readonly error?: string;
  /** More fields for the error body, such as `needed` for `missing_scope`. */
  readonly fields?: Readonly<Record<string, unknown>>;
  /** Only for a call to this channel (for conversations.open, this user); other calls pass it by. */
  readonly channel?: string;
  /** Slack does the work (a `chat.postMessage` is posted), then the connection drops before the reply. */
  readonly lost?: boolean;
  /** Slack does the work, then never answers: the caller waits until it gives up, or dies. */
  readonly hang?: boolean;
}

/** A message in a channel's history, as `conversations.history` returns it. */
export interface FakeMessage {
  readonly ts: string;
  readonly text: string;
  readonly bot_id: string;
  readonly thread_ts?: string;
  readonly metadata?: unknown;
}

/** What `users.info` says about a person; everyone else is an ordinary member. */
export interface FakeUser {
  readonly is_admin?: boolean;
  readonly is_owner?: boolean;
  readonly is_primary_owner?: boolean;
}

export interface FakeSocket {
  readonly socket: WebSocket;
  /** Messages the client sent (acks), parsed. */
  readonly received: Record<string, unknown>[];
  /** True once the close handshake finished. */
  closed: boolean;
}

export interface FakeSlack {
  /** For `clientOptions.slackApiUrl`. */
  readonly apiUrl: string;
  /** A response_url on this fake; posts to it are recorded under `respond:<id>`. */
  responseUrl(id: string): string;
  readonly calls: Recorded[];
  readonly sockets: FakeSocket[];
  /** The bot token a recorded call was made with (its Authorization header), if any. */
  tokenOf(call: Recorded): string | undefined;
  /** Web API calls to `method` (or response_url posts for `respond:<id>`). */
  callsTo(method: string): Recorded[];
  /** Makes the next call to `method` fail with Slack's `{ ok: false, error }`. */
  failNext(method: string, error: string): void;
  /** Queues replies for the next calls to `method`, one per call, in order; later calls succeed. */
  script(method: string, ...replies: ScriptedReply[]): void;
  /** The messages posted to `channel`, oldest first (what `conversations.history` reads). */
  messagesIn(channel: string): readonly FakeMessage[];
  /** The bytes uploaded to each file's upload URL (files.getUploadURLExternal), by file id. */
  readonly uploads: ReadonlyMap<string, string>;
  /** Sets what `users.info` returns for `userId`. */
  setUser(userId: string, user: FakeUser): void;
  close(): Promise<void>;
}

/** JSON-valued form fields the Web API client stringifies. */
const JSON_FIELDS = new Set(['blocks', 'view', 'attachments', 'metadata']);

export interface FakeSlackOptions {
  /** Told of each Web API call as it arrives (the load run times replies with it). */
  readonly onCall?: (call: Recorded) => void;
}

export async function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  const calls: Recorded[] = [];
  const tokens = new WeakMap<Recorded, string>();
  const sockets: FakeSocket[] = [];
  const scripts = new Map<string, ScriptedReply[]>();
  const users = new Map<string, FakeUser>();
  const history = new Map<string, FakeMessage[]>();
  const uploads = new Map<string, string>();
  let connectionCount = 0;
  let messageCount = 0;
  let fileCount = 0;

  const server = createServer((request, response) => {
    readBody(request)
      .then((raw) => handle(request, response, raw))
      .catch((error: unknown) => {
        response.writeHead(500).end(String(error));
      });
  });
  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (request, socket, head) => {
    wss.handleUpgrade(request, socket, head, (ws) => {
      const entry: FakeSocket = { socket: ws, received: [], closed: false };
      sockets.push(entry);
      ws.on('message', (data) => entry.received.push(JSON.parse(String(data)) as Record<string, unknown>));
      ws.on('close', () => {
        entry.closed = true;
      });
      ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: BOT.appId } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  function handle(request: IncomingMessage, response: ServerResponse, raw: string): void {
    const path = new URL(request.url ?? '/', base).pathname;
    const body = parseBody(request.headers['content-type'] ?? '', raw);
    const respond = path.match(/^\/respond\/([\w-]+)$/);
    if (respond !== null) {
      calls.push({ method: `respond:${respond[1]}`, body });
      response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      return;
    }
    // files.uploadV2's second step: the file's bytes, posted to the URL files.getUploadURLExternal gave.
    const upload = path.match(/^\/upload\/(F\w+)$/);
    if (upload?.[1] !== undefined) {
      uploads.set(upload[1], raw);
      calls.push({ method: `upload:${upload[1]}`, body: {} });
      response.writeHead(200, { 'content-type': 'text/plain' }).end(`OK - ${raw.length}`);
      return;
    }
    const method = path.replace(/^\/api\//, '');
    const call = { method, body };
    calls.push(call);
    const authorization = request.headers.authorization;
    if (typeof authorization === 'string') tokens.set(call, authorization.replace(/^Bearer /, ''));
    options.onCall?.(call);
    const queue = scripts.get(method) ?? [];
    // A script may name the channel it is for, or for conversations.open the user.
    const index = queue.findIndex(
      (entry) => entry.channel === undefined || entry.channel === (body.channel ?? body.users),
    );
    const scripted = index === -1 ? undefined : queue.splice(index, 1)[0];
    if (scripted === undefined) {
      json(response, reply(method, body));
      return;
    }
    if (scripted.hang === true) {
      reply(method, body);
      return;
    }
    if (scripted.lost === true) {
      reply(method, body);
      response.socket?.destroy();
      return;
    }
    const status = scripted.status ?? 200;
    // An HTTP error did nothing (a reply lost after the work is `lost`).
    const answer =
      scripted.error !== undefined
        ? { ok: false, error: scripted.error, ...scripted.fields }
        : status >= 400
          ? { ok: false, error: `http_${status}` }
          : reply(method, body);
    json(response, answer, status, scripted.headers);
  }

  /** Slack's answer to one Web API call: a plausible success. */
  function reply(method: string, body: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case 'oauth.v2.access':
        // The exchange of an OAuth code for a workspace's bot token; the code names the workspace here.
        return {
          ok: true,
          app_id: BOT.appId,
          authed_user: { id: 'U0ADMIN' },
          scope: 'app_mentions:read,chat:write,commands',
          token_type: 'bot',
          access_token: [INSTALLED_TOKEN_PREFIX, String(body.code)].join('-'),
          bot_user_id: BOT.userId,
          team: { id: String(body.code).toUpperCase(), name: 'Installed workspace' },
          enterprise: null,
          is_enterprise_install: false,
        };
      case 'auth.test':
        return { ok: true, user_id: BOT.userId, bot_id: BOT.botId, team_id: BOT.teamId };
      case 'apps.connections.open':
        connectionCount += 1;
        return { ok: true, url: `${base.replace('http', 'ws')}/link/${connectionCount}` };
      case 'chat.postMessage': {
        messageCount += 1;
        // Slack's ts is its clock at posting, which history's `oldest` compares against.
        const ts = `${Math.floor(Date.now() / 1000)}.${String(messageCount).padStart(6, '0')}`;
        const channel = String(body.channel);
        const message: FakeMessage = {
          ts,
          text: String(body.text ?? ''),
          bot_id: BOT.botId,
          ...(typeof body.thread_ts === 'string' ? { thread_ts: body.thread_ts } : {}),
          ...(body.metadata === undefined ? {} : { metadata: body.metadata }),
        };
        history.set(channel, [...(history.get(channel) ?? []), message]);
        return { ok: true, channel, ts };
      }
      case 'conversations.history':
        return { ok: true, messages: historyPage(body, (message) => message.thread_ts === undefined) };
      case 'conversations.replies':
        return { ok: true, messages: historyPage(body, (message) => message.thread_ts === body.ts) };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: '1774512000.999999' };
      case 'conversations.open':
        // The DM channel with a user: its id is the user's, with Slack's D prefix.
        return { ok: true, channel: { id: `D${String(body.users).replace(/^U/, '')}` } };
      case 'files.getUploadURLExternal': {
        fileCount += 1;
        const fileId = `F${String(fileCount).padStart(6, '0')}`;
        return { ok: true, upload_url: `${base}/upload/${fileId}`, file_id: fileId };
      }
      case 'files.completeUploadExternal': {
        const files = (typeof body.files === 'string' ? JSON.parse(body.files) : body.files) as Array<{
          id: string;
          title?: string;
        }>;
        return { ok: true, files: files.map((file) => ({ id: file.id, title: file.title ?? '' })) };
      }
      case 'users.info': {
        const id = String(body.user);
        return { ok: true, user: { id, is_admin: false, is_owner: false, ...users.get(id) } };
      }
      default:
        return { ok: true };
    }
  }

  /**
   * Newest first, from `oldest` on, metadata only when asked for, as Slack pages it (one page here): the channel's
   * own messages for `conversations.history`, one thread's replies for `conversations.replies`.
   */
  function historyPage(
    body: Record<string, unknown>,
    which: (message: FakeMessage) => boolean,
  ): FakeMessage[] {
    const oldest = Number(body.oldest ?? 0);
    const withMetadata = String(body.include_all_metadata) === 'true';
    return (history.get(String(body.channel)) ?? [])
      .filter((message) => which(message) && Number(message.ts) >= oldest)
      .map(({ metadata, ...message }) =>
        withMetadata && metadata !== undefined ? { ...message, metadata } : message,
      )
      .reverse()
      .slice(0, Number(body.limit ?? 100));
  }

  return {
    apiUrl: `${base}/api/`,
    tokenOf: (call) => tokens.get(call),
    responseUrl: (id) => `${base}/respond/${id}`,
    calls,
    sockets,
    callsTo: (method) => calls.filter((call) => call.method === method),
    failNext: (method, error) => {
      scripts.set(method, [...(scripts.get(method) ?? []), { error }]);
    },
    script: (method, ...replies) => {
      scripts.set(method, [...(scripts.get(method) ?? []), ...replies]);
    },
    messagesIn: (channel) => history.get(channel) ?? [],
    uploads,
    setUser: (userId, user) => {
      users.set(userId, user);
    },
    async close() {
      for (const { socket } of sockets) socket.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function json(
  response: ServerResponse,
  body: unknown,
  status = 200,
  headers: Readonly<Record<string, string>> = {},
): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let raw = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => {
      raw += chunk;
    });
    request.on('end', () => resolve(raw));
    request.on('error', reject);
  });
}

function parseBody(contentType: string, raw: string): Record<string, unknown> {
  if (raw === '') return {};
  if (contentType.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const body: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    body[key] = JSON_FIELDS.has(key) ? JSON.parse(value) : value;
  }
  return body;
}

/** Polls until `check` returns a value other than undefined, or fails after `timeoutMs`. */
export async function eventually<T>(check: () => T | undefined, what: string, timeoutMs = 3000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
