// "Is this replica the one to answer?": a platform event (a Discord message or interaction, which every gateway
// session of the bot receives) is claimed in the store, and only the first claim answers it.
import type { ChatServices } from './chat-services.ts';
import type { Logger } from './logger.ts';

/** Long enough for every session to have received the event; short enough that the table stays small. */
const CLAIM_TTL_MS = 10 * 60 * 1000;

/**
 * True when this replica should handle `key`: it won the claim, or there is no shared store (one process). A store
 * failure answers too: a rare duplicate is better than a question nobody answers.
 */
export async function firstToClaim(
  services: ChatServices | undefined,
  key: string,
  logger: Logger,
  now: () => number = Date.now,
): Promise<boolean> {
  const claims = services?.eventClaims?.();
  if (claims === undefined) return true;
  try {
    const first = await claims.claim(key, now(), CLAIM_TTL_MS);
    if (!first) logger.debug({ key }, 'another replica took this event');
    return first;
  } catch (error) {
    logger.warn({ err: error, key }, 'event claim failed; answering in case no one else does');
    return true;
  }
}
