// Retries one platform call with exponential backoff, waiting at least as long as the platform's Retry-After.
// The sleep is injected, so tests never wait for real.

/** What to do after a failed attempt. */
export type RetryDecision =
  | {
      readonly retry: true;
      readonly reason: string /** The platform's Retry-After, when it sent one. */;
      readonly afterMs?: number;
    }
  | { readonly retry: false; readonly reason: string };

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  readonly attempts: number;
  /** The wait after the first failure; it doubles each time, up to `maxDelayMs`. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

/** Six attempts over about a minute: rides out a platform blip without holding a digest for long. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { attempts: 6, baseDelayMs: 2_000, maxDelayMs: 30_000 };

export interface RetryOptions {
  readonly policy?: RetryPolicy;
  readonly classify: (error: unknown) => RetryDecision;
  readonly sleep?: (ms: number) => Promise<void>;
  /** Told before each wait, for the log and the metrics. */
  readonly onRetry?: (info: {
    readonly attempt: number;
    readonly delayMs: number;
    readonly reason: string;
  }) => void;
}

/** The last error, with why it was not retried further. */
export class RetriesExhaustedError extends Error {
  constructor(
    readonly reason: string,
    readonly attempts: number,
    readonly lastError: unknown,
  ) {
    super(`${reason} (after ${attempts} ${attempts === 1 ? 'attempt' : 'attempts'})`);
    this.name = 'RetriesExhaustedError';
  }
}

export async function withRetries<T>(work: () => Promise<T>, options: RetryOptions): Promise<T> {
  const policy = options.policy ?? DEFAULT_RETRY_POLICY;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      const decision = options.classify(error);
      if (!decision.retry || attempt >= policy.attempts) {
        throw new RetriesExhaustedError(decision.reason, attempt, error);
      }
      const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
      const delayMs = Math.max(backoff, decision.afterMs ?? 0);
      options.onRetry?.({ attempt, delayMs, reason: decision.reason });
      await sleep(delayMs);
    }
  }
}
