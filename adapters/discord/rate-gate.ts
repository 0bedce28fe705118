// Rate limits on Discord's question surfaces (slash commands, mentions, DMs): answer, say "slow down" once, or drop.
import { type ChatServices, checkQuestionRate } from '../shared/chat-services.ts';
import type { Logger } from '../shared/logger.ts';
import { slowDownText } from '../shared/rate-limiter.ts';

/** What to do with a question: answer it, reply the slow-down text (the first refusal of a streak), or drop it. */
export type Gate =
  | { readonly kind: 'answer' }
  | { readonly kind: 'slow-down'; readonly text: string }
  | { readonly kind: 'drop' };

/** Who asked, and where. */
export interface Asker {
  readonly userId: string;
  readonly channelId: string | null;
}

/**
 * Takes a token from the asker's and the channel's bucket. A refusal is logged at info and counted
 * (`onRateLimited`); without services (tests, embedding) every question is answered.
 */
export async function gateQuestion(
  services: ChatServices | undefined,
  asker: Asker,
  log: Logger,
): Promise<Gate> {
  const decision = await checkQuestionRate(
    services,
    'discord',
    asker.channelId === null
      ? { userId: asker.userId }
      : { userId: asker.userId, channelId: asker.channelId },
  );
  if (decision.kind === 'allow') return { kind: 'answer' };
  log.info(
    { scope: decision.scope, notify: decision.notify, retryAfterMs: decision.retryAfterMs },
    decision.notify ? 'Discord: rate limited; saying slow down' : 'Discord: rate limited; dropped quietly',
  );
  return decision.notify ? { kind: 'slow-down', text: slowDownText(decision) } : { kind: 'drop' };
}
