// Rate limits for Slack questions: the shared token buckets, a "slow down" said once and privately, then quiet.
import { type ChatServices, checkQuestionRate } from '../shared/chat-services.ts';
import type { Logger } from '../shared/logger.ts';
import { slowDownText } from '../shared/rate-limiter.ts';
import type { SlackMessage } from './render-blocks.ts';
import type { Outcome, Surface } from './request-guard.ts';
import { simpleMessage } from './surfaces.ts';

/** Admits a request or turns it away under the rate limits. */
export interface RateGate {
  /**
   * True when the request may go on. Otherwise: the first refusal of a streak is told to slow down through
   * `notify` (privately where Slack allows), later ones are dropped; each is logged, counted and reported.
   */
  admit(
    surface: Surface,
    who: { readonly userId: string; readonly channelId?: string },
    notify: (message: SlackMessage) => Promise<unknown>,
  ): Promise<boolean>;
}

/** Without `services` (tests, or a Hallway that sets no limits) every request is admitted. */
export function createRateGate(
  services: ChatServices | undefined,
  logger: Logger,
  report: (outcome: Outcome) => void,
): RateGate {
  return {
    async admit(surface, who, notify) {
      const decision = await checkQuestionRate(services, 'slack', who);
      if (decision.kind === 'allow') return true;
      const { scope, notify: notified, retryAfterMs } = decision;
      logger.info(
        { surface, user: who.userId, channel: who.channelId, scope, retryAfterMs, notified },
        'Slack request rate-limited',
      );
      if (notified) {
        await notify(simpleMessage(slowDownText(decision))).catch((error: unknown) =>
          logger.warn({ err: error, surface, user: who.userId }, 'Slack: could not send the slow-down reply'),
        );
      }
      report({ kind: 'limited', surface, scope, notified });
      return false;
    },
  };
}
