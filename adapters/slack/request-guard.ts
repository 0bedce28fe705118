// The edge of every Slack request: what became of it (for tests and logs), and a guard that never lets it throw.
import type { Logger } from '../shared/logger.ts';

/** Where a request came from. */
export type Surface = 'mention' | 'dm' | 'command' | 'subscription' | 'reload' | 'share' | 'home' | 'agenda';

/** What became of one request; reported to `onOutcome` (tests wait on it) after the user got their reply. */
export type Outcome =
  | { readonly kind: 'answered'; readonly surface: Surface }
  | { readonly kind: 'ignored'; readonly surface: Surface; readonly reason: string }
  | { readonly kind: 'duplicate'; readonly eventId: string; readonly retryNum?: number }
  | {
      readonly kind: 'limited';
      readonly surface: Surface;
      readonly scope: 'user' | 'channel';
      /** Whether the asker was told to slow down (only the first time in a streak). */
      readonly notified: boolean;
    }
  | { readonly kind: 'failed'; readonly surface: Surface; readonly error: unknown };

/** Runs one request's work; on any error logs it with context, apologises, and never rethrows. */
export type Guard = (
  surface: Surface,
  where: Readonly<Record<string, string | undefined>>,
  work: () => Promise<void>,
  apologise?: () => Promise<unknown>,
) => Promise<void>;

/** Reports an outcome to the hook; a failing hook is logged, never thrown into a handler. */
export function createReporter(
  logger: Logger,
  onOutcome: ((outcome: Outcome) => void) | undefined,
): (outcome: Outcome) => void {
  return (outcome) => {
    try {
      onOutcome?.(outcome);
    } catch (error) {
      logger.warn({ err: error }, 'Slack outcome hook failed');
    }
  };
}

/** The guard every listener runs its work in: logs the time taken, or the error and the apology. */
export function createGuard(logger: Logger, report: (outcome: Outcome) => void): Guard {
  return async (surface, where, work, apologise) => {
    const started = Date.now();
    try {
      await work();
      logger.info({ surface, ...where, ms: Date.now() - started }, 'Slack request answered');
      report({ kind: 'answered', surface });
    } catch (error) {
      logger.error({ err: error, surface, ...where }, 'Slack request failed; apologising to the user');
      if (apologise !== undefined) {
        try {
          await apologise();
        } catch (apologyError) {
          logger.error({ err: apologyError, surface, ...where }, 'Slack apology could not be sent');
        }
      }
      report({ kind: 'failed', surface, error });
    }
  };
}
