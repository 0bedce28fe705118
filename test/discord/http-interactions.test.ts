// Discord's HTTP interactions endpoint, over loopback with a real Ed25519 key pair: signed PINGs and question
// commands are answered in the response; a bad, missing or replayed-onto-another-body signature gets a 401.
import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readInteractionsConfig } from '../../adapters/discord/interactions-config.ts';
import {
  INTERACTIONS_PATH,
  type InteractionsServer,
  startInteractionsServer,
} from '../../adapters/discord/interactions-server.ts';
import { ConversationMemory } from '../../adapters/shared/conversation-memory.ts';
import { RateLimiter } from '../../adapters/shared/rate-limiter.ts';
import { openSqliteStore } from '../../adapters/store/sqlite-store.ts';
import { captureLogger } from '../helpers/capture-logger.ts';
import { engineFor, MINI_CONF } from '../helpers/engines.ts';

const { publicKey, privateKey } = generateKeyPairSync('ed25519');
const other = generateKeyPairSync('ed25519').privateKey;
/** The raw 32-byte key as Discord shows it: the last bytes of the DER SubjectPublicKeyInfo. */
const PUBLIC_HEX = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex');
const engine = engineFor(MINI_CONF);
const logs = captureLogger();
let server: InteractionsServer;
let url: string;

beforeAll(async () => {
  server = await startInteractionsServer({
    publicKey: PUBLIC_HEX,
    port: 0,
    host: '127.0.0.1',
    engine: () => engine,
    logger: logs.logger,
  });
  url = `http://127.0.0.1:${server.port}${INTERACTIONS_PATH}`;
});
afterAll(() => server.close());

function signed(
  body: string,
  key: KeyObject = privateKey,
  timestamp = String(Math.floor(Date.now() / 1000)),
) {
  const signature = sign(null, Buffer.from(timestamp + body), key).toString('hex');
  return { 'x-signature-ed25519': signature, 'x-signature-timestamp': timestamp };
}

// biome-ignore lint/suspicious/noExplicitAny: interaction responses are checked field by field.
type Json = Record<string, any>;

async function post(body: string, headers: Record<string, string>, to = url) {
  const response = await fetch(to, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  const text = await response.text();
  return {
    status: response.status,
    json: text === '' ? undefined : (JSON.parse(text) as Json),
  };
}

const command = (name: string, options: Array<{ name: string; value: string }> = []) =>
  JSON.stringify({
    type: 2,
    id: '1',
    channel_id: '3001',
    member: { user: { id: '4001' } },
    data: { name, options: options.map((option) => ({ ...option, type: 3 })) },
  });

describe('the Discord HTTP interactions endpoint', () => {
  it('answers a signed PING with a PONG', async () => {
    const body = JSON.stringify({ type: 1 });
    expect(await post(body, signed(body))).toEqual({ status: 200, json: { type: 1 } });
  });

  it('answers a signed /session command with the engine’s answer as embeds, pinging no one', async () => {
    const body = command('session', [{ name: 'words', value: 'opening keynote' }]);
    const { status, json } = await post(body, signed(body));
    expect(status).toBe(200);
    expect(json?.type).toBe(4);
    expect(JSON.stringify(json?.data.embeds)).toContain('Lighthouses and load balancers');
    expect(json?.data.allowed_mentions).toEqual({ parse: [] });
  });

  it.each([
    ['signed by another key', (body: string) => signed(body, other)],
    ['missing its signature', () => ({})],
    ['with a signature for another body', () => signed(JSON.stringify({ type: 1, id: 'x' }))],
    [
      'with another timestamp than the one signed',
      (body: string) => ({ ...signed(body), 'x-signature-timestamp': '1' }),
    ],
    [
      'with a signature that is not hex',
      () => ({ 'x-signature-ed25519': 'zz'.repeat(64), 'x-signature-timestamp': '1' }),
    ],
  ])('refuses a request %s with 401, and answers nothing', async (_, headersFor) => {
    const body = command('ask', [{ name: 'question', value: 'help' }]);
    expect(await post(body, headersFor(body))).toEqual({ status: 401, json: undefined });
  });

  it('answers garbage that is correctly signed with a 400, and a gateway-only command privately', async () => {
    expect((await post('not json', signed('not json'))).status).toBe(400);
    const body = command('reload');
    const { json } = await post(body, signed(body));
    expect(json?.data).toMatchObject({ flags: 64, content: expect.stringContaining('DISCORD_TOKEN') });
  });
});

describe('behind two replicas sharing a store', () => {
  it('reads a follow-up against the answer the other replica gave in the same channel', async () => {
    const store = openSqliteStore(join(mkdtempSync(join(tmpdir(), 'hallway-http-')), 'hallway.db'));
    const replica = () =>
      startInteractionsServer({
        publicKey: PUBLIC_HEX,
        port: 0,
        host: '127.0.0.1',
        engine: () => engine,
        logger: logs.logger,
        services: {
          rateLimiter: new RateLimiter(
            { user: { burst: 0, perMinute: 0 }, channel: { burst: 0, perMinute: 0 } },
            Date.now,
          ),
          admins: { includes: () => false, size: 0 },
          conversations: new ConversationMemory({ store: () => store.context }),
        },
      });
    const [one, two] = [await replica(), await replica()];
    const at = (replica: InteractionsServer) => `http://127.0.0.1:${replica.port}${INTERACTIONS_PATH}`;
    const asking = (question: string) => command('ask', [{ name: 'question', value: question }]);
    try {
      const first = asking('who is giving the opening keynote?');
      expect(JSON.stringify((await post(first, signed(first), at(one))).json)).toContain('Rita Mar');
      const followUp = asking('when is it?');
      const { json } = await post(followUp, signed(followUp), at(two));
      expect(json?.data.embeds[0].description).toMatch(
        /Lighthouses and load balancers.{0,3} is on Sat 27 Mar, 09:00/,
      );
    } finally {
      await one.close();
      await two.close();
      await store.close();
    }
  });
});

describe('the interactions variables', () => {
  it('are both set, or neither; a malformed key is named', () => {
    expect(readInteractionsConfig({})).toEqual({ kind: 'off' });
    expect(
      readInteractionsConfig({ DISCORD_PUBLIC_KEY: PUBLIC_HEX, DISCORD_INTERACTIONS_PORT: '8081' }),
    ).toEqual({
      kind: 'ok',
      publicKey: PUBLIC_HEX,
      port: 8081,
    });
    const half = readInteractionsConfig({ DISCORD_PUBLIC_KEY: PUBLIC_HEX });
    expect(half.kind === 'invalid' && half.problems.join()).toContain('DISCORD_INTERACTIONS_PORT');
    const bad = readInteractionsConfig({ DISCORD_PUBLIC_KEY: 'abc', DISCORD_INTERACTIONS_PORT: '8081' });
    expect(bad.kind === 'invalid' && bad.problems.join()).toContain(
      'DISCORD_PUBLIC_KEY: must be the 64 hex digits',
    );
  });
});
