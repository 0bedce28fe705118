// Whether the bot is ready to answer: the data loaded and every started adapter connected. `/healthz` reports it.

/**
 * A component's state: waiting (starting, or reconnecting), ready, or failed: configured but not running (a chat
 * platform whose variables are wrong or that refused to start), which nothing will fix until someone does.
 */
export type ComponentState = 'waiting' | 'ready' | 'failed';

/**
 * What `/healthz` serves. `ok` is true once every component is ready or failed and no shutdown has begun. `degraded`
 * means a component failed (the others serve, so `ok` stays true: restarting would not fix it), or that it was ready
 * once and a component (a dropped chat connection) is waiting again.
 */
export interface HealthReport {
  readonly ok: boolean;
  readonly status: 'ok' | 'starting' | 'degraded' | 'stopping';
  /** Each component and its state, such as `{ data: 'ready', slack: 'waiting' }`. */
  readonly components: Readonly<Record<string, ComponentState>>;
  /** The components not ready yet, with why when known; empty when `ok`. */
  readonly waiting: readonly string[];
  /** The components that failed, each with the reason, such as `discord: DISCORD_TOKEN: does not look like…`. */
  readonly failed: readonly string[];
}

/** The components `adapters/main.ts` waits for. Not ready while empty, so a bot that loaded nothing is not "ok". */
export class Readiness {
  private readonly components = new Map<string, { state: ComponentState; detail?: string }>();
  private stopping = false;
  /** Whether every component has been ready at once: waiting after that is an outage, not a start. */
  private wasReady = false;

  /** Adds a component that is not ready yet; `detail` says what it waits for. */
  expect(name: string, detail?: string): void {
    this.components.set(name, { state: 'waiting', ...(detail === undefined ? {} : { detail }) });
  }

  ready(name: string): void {
    this.components.set(name, { state: 'ready' });
    if ([...this.components.values()].every(({ state }) => state !== 'waiting')) this.wasReady = true;
  }

  /** Marks a component configured but not running, with the reason `/healthz` shows. */
  fail(name: string, reason: string): void {
    this.components.set(name, { state: 'failed', detail: reason });
    if ([...this.components.values()].every(({ state }) => state !== 'waiting')) this.wasReady = true;
  }

  /** Forgets a component, such as an adapter that could not start and will not run. */
  remove(name: string): void {
    this.components.delete(name);
  }

  /** A shutdown began: not ready from now on, so load balancers and probes stop sending work. */
  stop(): void {
    this.stopping = true;
  }

  report(): HealthReport {
    const components: Record<string, ComponentState> = {};
    const waiting: string[] = [];
    const failed: string[] = [];
    for (const [name, { state, detail }] of this.components) {
      components[name] = state;
      if (state === 'waiting') waiting.push(detail === undefined ? name : `${name} (${detail})`);
      if (state === 'failed') failed.push(`${name}: ${detail}`);
    }
    if (this.components.size === failed.length) waiting.push('nothing has started yet');
    const serving = !this.stopping && waiting.length === 0;
    const status = this.stopping
      ? 'stopping'
      : serving
        ? failed.length === 0
          ? 'ok'
          : 'degraded'
        : this.wasReady
          ? 'degraded'
          : 'starting';
    return { ok: serving, status, components, waiting, failed };
  }
}
