// The HTTP endpoint Discord posts interactions to (POST /discord/interactions): signature checked first, body
// capped, answered in the response. Stateless, so any replica behind a load balancer can take any request.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  closeServer,
  declaresMoreThan,
  GUARDED_SERVER_OPTIONS,
  readCappedBody,
  refuse,
} from '../shared/http-guards.ts';
import type { Logger } from '../shared/logger.ts';
import { answerHttpInteraction, type HttpInteractionDependencies } from './http-interactions.ts';
import { discordPublicKey, verifyDiscordSignature } from './verify-signature.ts';

export const INTERACTIONS_PATH = '/discord/interactions';
/** Interactions are small; Discord's largest (a modal with its fields) is far below this. */
const BODY_LIMIT_BYTES = 64 * 1024;

export interface InteractionsServerOptions extends HttpInteractionDependencies {
  /** The application's public key, 64 hex digits. */
  readonly publicKey: string;
  readonly port: number;
  readonly host?: string;
}

export interface InteractionsServer {
  readonly port: number;
  close(): Promise<void>;
}

export async function startInteractionsServer(
  options: InteractionsServerOptions,
): Promise<InteractionsServer> {
  const key = discordPublicKey(options.publicKey);
  const log: Logger = options.logger;
  const server: Server = createServer(GUARDED_SERVER_OPTIONS, (request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path !== INTERACTIONS_PATH) return refuse(request, response, 404);
    if (request.method !== 'POST') return refuse(request, response, 405);
    if (declaresMoreThan(request, BODY_LIMIT_BYTES)) return refuse(request, response, 413);
    void (async () => {
      const read = await readCappedBody(request, BODY_LIMIT_BYTES);
      if (read.kind === 'too-large') return refuse(request, response, 413);
      if (read.kind === 'aborted') return;
      const header = (name: string) => {
        const value = request.headers[name];
        return typeof value === 'string' ? value : undefined;
      };
      if (
        !verifyDiscordSignature(
          key,
          header('x-signature-ed25519'),
          header('x-signature-timestamp'),
          read.body,
        )
      ) {
        log.warn({ path }, 'Discord (HTTP): refused a request with a bad signature');
        return refuse(request, response, 401);
      }
      const answer = await answerHttpInteraction(options, read.body);
      if (answer.body === undefined) return refuse(request, response, answer.status);
      response
        .writeHead(answer.status, { 'content-type': 'application/json' })
        .end(JSON.stringify(answer.body));
    })().catch((error: unknown) => {
      log.error({ err: error }, 'Discord (HTTP): could not answer an interaction');
      refuse(request, response, 500);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '0.0.0.0', () => resolve());
  });
  return { port: (server.address() as AddressInfo).port, close: () => closeServer(server) };
}
