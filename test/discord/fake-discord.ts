// A loopback fake of Discord: the REST routes Hallway uses and a JSON gateway, for the real discord.js to talk to.
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';
import { checked, messageFrom } from './fake-discord-messages.ts';
import {
  APPLICATION_ID,
  BOT_USER,
  CHANNEL_ID,
  FOREIGN_CHANNEL_ID,
  FULL_PERMISSIONS,
  GUILD_ID,
  guildChannels,
  guildCreate,
  nextId,
  TOKEN,
} from './fake-discord-world.ts';

/** One HTTP request the fake received, with its path percent-decoded. */
export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly rawPath: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingMessage['headers'];
  readonly body: unknown;
  /** The status answered; 0 for a request the fake left hanging. */
  readonly status: number;
}

/** A gateway payload the client sent. */
export interface GatewayPayload {
  readonly op: number;
  readonly d: unknown;
}

export interface FakeDiscordOptions {
  /** The token the fake accepts. */
  readonly token?: string;
  /** The token the gateway accepts, when it should differ from the REST one (a token reset mid-flight). */
  readonly gatewayToken?: string;
  /** Intents the application may use; IDENTIFY asking for more is closed with 4014. */
  readonly allowedIntents?: number;
  readonly heartbeatIntervalMs?: number;
  /** Permissions of @everyone in the guild (the bot has no other permission). */
  readonly everyonePermissions?: string;
}

/** A scripted answer to one request, in place of the route's own. */
export interface ScriptedResponse {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /**
   * Handle the request as usual first (create the message), then answer with this status anyway: Discord did the
   * work but the answer was lost, as a 500 from a proxy after the fact.
   */
  readonly afterHandling?: boolean;
  /** Never answer (until the fake closes): the client's timeout has to give up. */
  readonly hang?: boolean;
}

interface Scripted {
  readonly matches: (method: string, path: string) => boolean;
  readonly response: ScriptedResponse;
}

/** Discord's 429: wait `seconds` (the Retry-After header and the body's `retry_after`). */
export function tooManyRequests(seconds: number): ScriptedResponse {
  return {
    status: 429,
    headers: { 'retry-after': String(seconds) },
    body: { message: 'You are being rate limited.', retry_after: seconds, global: false },
  };
}

/** A message the fake stored, as POST /channels/{id}/messages created it. */
export interface StoredMessage {
  readonly id: string;
  readonly channelId: string;
  readonly body: unknown;
  readonly nonce?: string;
}

interface Session {
  readonly id: string;
  seq: number;
  socket: WebSocket | undefined;
  /** Dispatches sent while no socket was attached, replayed on RESUME. */
  readonly missed: object[];
}

/** Starts the fake on 127.0.0.1 with an ephemeral port. */
export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const fake = new FakeDiscord(options);
  await fake.listen();
  return fake;
}

export class FakeDiscord {
  readonly requests: RecordedRequest[] = [];
  readonly received: GatewayPayload[] = [];
  /** Commands registered with PUT, by route. */
  readonly registered = new Map<string, unknown[]>();
  readonly token: string;
  private readonly options: FakeDiscordOptions;
  private readonly server: Server;
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly sockets = new Set<Socket>();
  private readonly scripted: Scripted[] = [];
  private readonly stored: StoredMessage[] = [];
  private refusals = 0;
  private readonly requestWaiters = new Set<() => void>();
  private readonly gatewayWaiters = new Set<() => void>();
  private session: Session | undefined;
  private port = 0;

  constructor(options: FakeDiscordOptions) {
    this.options = options;
    this.token = options.token ?? TOKEN;
    this.server = createServer((req, res) => {
      void this.handleHttp(req, res);
    });
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    this.server.on('upgrade', (req, socket, head) => {
      if (!(req.url ?? '').startsWith('/gateway') || this.refusals > 0) {
        if (this.refusals > 0) this.refusals -= 1;
        socket.destroy();
        return;
      }
      this.wss.handleUpgrade(req, socket, head, (ws) => this.handleGateway(ws));
    });
  }

  async listen(): Promise<void> {
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    this.port = (this.server.address() as AddressInfo).port;
  }

  /** The base to give discord.js as `rest.api`. */
  get api(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}/gateway`;
  }

  /** Answers the next request matching method and path (a regular expression on the decoded path) with an error. */
  failNext(
    method: string,
    path: RegExp,
    status: number,
    body: unknown = { message: 'Fake failure', code: 0 },
  ) {
    this.script(method, path, { status, body });
  }

  /**
   * Answers the next requests matching method and path with these responses, one each, in order; later requests
   * get the route's own answer again.
   */
  script(method: string, path: RegExp, ...responses: ScriptedResponse[]): void {
    for (const response of responses)
      this.scripted.push({ matches: (m, p) => m === method && path.test(p), response });
  }

  /** Messages created in a channel (POST /channels/{id}/messages), oldest first. */
  messagesIn(channelId: string): StoredMessage[] {
    return this.stored.filter((message) => message.channelId === channelId);
  }

  /** Refuses the next `count` gateway connections (the socket is destroyed), as when Discord is unreachable. */
  refuseConnections(count: number): void {
    this.refusals += count;
  }

  /** Forgets the gateway session, so a RESUME is answered with op 9 (invalid session) and the client IDENTIFYs. */
  forgetSession(): void {
    if (this.session !== undefined) this.session = { ...this.session, id: `forgotten-${nextId()}` };
  }

  /** Resolves with the first request (already received or to come) that matches. */
  waitForRequest(matches: (request: RecordedRequest) => boolean, timeoutMs = 5000): Promise<RecordedRequest> {
    return this.waitFor(this.requestWaiters, () => this.requests.find(matches), timeoutMs, 'request');
  }

  /** Resolves with the first gateway payload of this opcode (already received or to come) after `from`. */
  waitForGateway(op: number, from = 0, timeoutMs = 5000): Promise<GatewayPayload> {
    return this.waitFor(
      this.gatewayWaiters,
      () => this.received.slice(from).find((payload) => payload.op === op),
      timeoutMs,
      `gateway op ${op}`,
    );
  }

  /** Sends a dispatch (op 0) to the connected client, or keeps it for a RESUME. */
  dispatch(type: string, data: object): void {
    const session = this.session;
    if (session === undefined) throw new Error('no gateway session to dispatch to');
    session.seq += 1;
    const payload = { op: 0, t: type, s: session.seq, d: data };
    if (session.socket === undefined || session.socket.readyState !== session.socket.OPEN)
      session.missed.push(payload);
    else session.socket.send(JSON.stringify(payload));
  }

  /** Sends a raw opcode, such as 7 (RECONNECT). */
  sendOp(op: number, data: unknown = null): void {
    this.session?.socket?.send(JSON.stringify({ op, d: data }));
  }

  /** Drops the gateway connection with a close code, as Discord does when it restarts a node. */
  closeGateway(code: number): void {
    const socket = this.session?.socket;
    if (this.session) this.session.socket = undefined;
    socket?.close(code, 'closed by the fake');
  }

  /** Gateway connections still open. */
  openSockets(): number {
    return [...this.wss.clients].filter((client) => client.readyState === client.OPEN).length;
  }

  /** How many gateway connections were opened so far. */
  connections = 0;

  async close(): Promise<void> {
    for (const client of this.wss.clients) client.terminate();
    this.wss.close();
    for (const socket of this.sockets) socket.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // --- REST ---

  private async handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const rawPath = url.pathname;
    const path = decodeURIComponent(rawPath);
    const method = req.method ?? 'GET';
    const text = await readBody(req);
    const body = parseBody(text, req.headers['content-type']);
    const record = (status: number) => {
      this.requests.push({
        method,
        path,
        rawPath,
        query: url.searchParams,
        headers: req.headers,
        body,
        status,
      });
      for (const wake of [...this.requestWaiters]) wake();
    };
    const reply = (status: number, payload?: unknown, headers: Readonly<Record<string, string>> = {}) => {
      if (payload === undefined) {
        res.writeHead(status, headers).end();
      } else {
        res
          .writeHead(status, { ...headers, 'content-type': 'application/json' })
          .end(JSON.stringify(payload));
      }
      record(status);
    };

    const route = path.replace(/^\/api\/v10/, '');
    const scripted = this.scripted.find((s) => s.matches(method, path));
    if (scripted !== undefined) {
      this.scripted.splice(this.scripted.indexOf(scripted), 1);
      const { response } = scripted;
      if (response.hang === true) {
        record(0);
        return;
      }
      if (response.afterHandling === true) this.route(method, route, body);
      reply(response.status, response.body, response.headers);
      return;
    }
    const webhook = /^\/(?:interactions|webhooks)\//.test(route);
    if (!webhook && req.headers.authorization !== `Bot ${this.token}`) {
      reply(401, { message: '401: Unauthorized', code: 0 });
      return;
    }
    const result = this.route(method, route, body);
    reply(result.status, result.body);
  }

  private route(method: string, route: string, body: unknown): { status: number; body?: unknown } {
    for (const [verb, pattern, handle] of this.routes()) {
      const match = route.match(pattern);
      if (verb === method && match !== null) return handle(match, body);
    }
    return { status: 404, body: { message: '404: Not Found', code: 0 } };
  }

  /** The REST routes Hallway uses, as Discord answers them. */
  private routes(): [
    string,
    RegExp,
    (match: RegExpMatchArray, body: unknown) => { status: number; body?: unknown },
  ][] {
    const commands = /^\/applications\/(\d+)\/(?:guilds\/(\d+)\/)?commands$/;
    const commandsError = (match: RegExpMatchArray) => {
      if (match[1] !== APPLICATION_ID)
        return { status: 404, body: { message: 'Unknown Application', code: 10002 } };
      if (match[2] !== undefined && match[2] !== GUILD_ID)
        return { status: 403, body: { message: 'Missing Access', code: 50001 } };
      return undefined;
    };
    return [
      [
        'GET',
        /^\/gateway\/bot$/,
        () => ({
          status: 200,
          body: {
            url: this.gatewayUrl,
            shards: 1,
            session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 },
          },
        }),
      ],
      [
        'GET',
        /^\/applications\/@me$/,
        () => ({ status: 200, body: { id: APPLICATION_ID, name: 'Hallway', bot: BOT_USER, flags: 0 } }),
      ],
      [
        'PUT',
        commands,
        (match, put) => {
          const error = commandsError(match);
          if (error !== undefined) return error;
          const registered = (put as object[]).map((command) => ({
            ...command,
            id: nextId(),
            application_id: APPLICATION_ID,
            version: nextId(),
            ...(match[2] === undefined ? {} : { guild_id: match[2] }),
          }));
          this.registered.set(match[0], registered);
          return { status: 200, body: registered };
        },
      ],
      [
        'GET',
        commands,
        (match) => commandsError(match) ?? { status: 200, body: this.registered.get(match[0]) ?? [] },
      ],
      [
        'POST',
        /^\/interactions\/(\d+)\/([^/]+)\/callback$/,
        (_match, callback) => checked((callback as { data?: unknown }).data, () => undefined, 204),
      ],
      [
        'PATCH',
        /^\/webhooks\/(\d+)\/([^/]+)\/messages\/@original$/,
        (_match, patch) => checked(patch, () => messageFrom(patch, CHANNEL_ID)),
      ],
      ['DELETE', /^\/webhooks\/(\d+)\/([^/]+)\/messages\/@original$/, () => ({ status: 204 })],
      [
        'POST',
        /^\/webhooks\/(\d+)\/([^/]+)$/,
        (_match, post) => checked(post, () => messageFrom(post, CHANNEL_ID)),
      ],
      ['GET', /^\/channels\/(\d+)$/, (match) => this.channel(match[1] ?? '')],
      // A DM channel with a user (users.send): its id is the user's, after a 9.
      [
        'POST',
        /^\/users\/@me\/channels$/,
        (_match, post) => {
          const recipient = String((post as { recipient_id?: unknown } | undefined)?.recipient_id ?? '');
          const user = { id: recipient, username: `user-${recipient}`, discriminator: '0', avatar: null };
          return {
            status: 200,
            body: { id: `9${recipient}`, type: 1, recipients: [user], last_message_id: null },
          };
        },
      ],
      [
        'POST',
        /^\/channels\/(\d+)\/messages$/,
        (match, post) => checked(post, () => this.createMessage(match[1] ?? CHANNEL_ID, post)),
      ],
      ['POST', /^\/channels\/(\d+)\/typing$/, () => ({ status: 204 })],
    ];
  }

  /** Stores a new message, or with `enforce_nonce` returns the one already created with that nonce. */
  private createMessage(channelId: string, post: unknown): object {
    const { nonce, enforce_nonce: enforce } = (post ?? {}) as { nonce?: string; enforce_nonce?: boolean };
    const earlier =
      enforce === true && nonce !== undefined
        ? this.stored.find((m) => m.channelId === channelId && m.nonce === nonce)
        : undefined;
    if (earlier !== undefined) return messageFrom(earlier.body, channelId, earlier.id);
    const message = messageFrom(post, channelId) as { id: string };
    this.stored.push({ id: message.id, channelId, body: post, ...(nonce === undefined ? {} : { nonce }) });
    return message;
  }

  /** GET /channels/{id}: a channel of the guild, 403 for another server's, 404 for one that does not exist. */
  private channel(id: string): { status: number; body: unknown } {
    const known = guildChannels().find((channel) => channel.id === id);
    if (known !== undefined) return { status: 200, body: { ...known, guild_id: GUILD_ID } };
    if (id === FOREIGN_CHANNEL_ID) return { status: 403, body: { message: 'Missing Access', code: 50001 } };
    return { status: 404, body: { message: 'Unknown Channel', code: 10003 } };
  }

  // --- gateway ---

  private handleGateway(ws: WebSocket): void {
    this.connections += 1;
    ws.send(
      JSON.stringify({ op: 10, d: { heartbeat_interval: this.options.heartbeatIntervalMs ?? 45_000 } }),
    );
    ws.on('message', (raw) => {
      const payload = JSON.parse(String(raw)) as GatewayPayload;
      this.received.push(payload);
      this.onGateway(ws, payload);
      for (const wake of [...this.gatewayWaiters]) wake();
    });
  }

  private onGateway(ws: WebSocket, payload: GatewayPayload): void {
    switch (payload.op) {
      case 1:
        ws.send(JSON.stringify({ op: 11 }));
        return;
      case 2: {
        const d = payload.d as { token: string; intents: number };
        if (d.token !== (this.options.gatewayToken ?? this.token)) {
          ws.close(4004, 'Authentication failed.');
          return;
        }
        const allowed = this.options.allowedIntents;
        if (allowed !== undefined && (d.intents & ~allowed) !== 0) {
          ws.close(4014, 'Disallowed intent(s).');
          return;
        }
        this.session = { id: `session-${nextId()}`, seq: 0, socket: ws, missed: [] };
        this.dispatch('READY', {
          v: 10,
          user: BOT_USER,
          guilds: [{ id: GUILD_ID, unavailable: true }],
          session_id: this.session.id,
          resume_gateway_url: this.gatewayUrl,
          application: { id: APPLICATION_ID, flags: 0 },
        });
        this.dispatch('GUILD_CREATE', guildCreate(this.options.everyonePermissions ?? FULL_PERMISSIONS));
        return;
      }
      case 6: {
        const d = payload.d as { token: string; session_id: string; seq: number };
        const session = this.session;
        if (session === undefined || d.session_id !== session.id || d.token !== this.token) {
          ws.send(JSON.stringify({ op: 9, d: false }));
          return;
        }
        session.socket = ws;
        for (const missed of session.missed.splice(0)) ws.send(JSON.stringify(missed));
        this.dispatch('RESUMED', {});
        return;
      }
      default:
        return;
    }
  }

  private waitFor<T>(
    waiters: Set<() => void>,
    find: () => T | undefined,
    timeoutMs: number,
    what: string,
  ): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = find();
        if (found === undefined) return;
        waiters.delete(check);
        clearTimeout(timer);
        resolve(found);
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`the fake Discord saw no matching ${what} within ${timeoutMs} ms`));
      }, timeoutMs);
      waiters.add(check);
      check();
    });
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseBody(text: string, contentType: string | undefined): unknown {
  if (text.length === 0) return undefined;
  if (contentType?.includes('application/json')) return JSON.parse(text);
  return text;
}
