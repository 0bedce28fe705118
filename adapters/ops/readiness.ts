// Whether the bot is ready to answer: the data loaded and every started adapter connected. `/healthz` reports it.

/** A component's state: waiting (starting, or reconnecting) or ready. */
export type ComponentState = 'waiting' | 'ready';

/**
 * What `/healthz` serves. `ok` is true once every component is ready and no shutdown has begun. `degraded` means it
 * was ready once and a component (a dropped chat connection) is waiting again.
 */
export interface HealthReport {
  readonly ok: boolean;
  readonly status: 'ok' | 'starting' | 'degraded' | 'stopping';
  /** Each component and its state, such as `{ data: 'ready', slack: 'waiting' }`. */
  readonly components: Readonly<Record<string, ComponentState>>;
  /** The components not ready yet, with why when known; empty when `ok`. */
  readonly waiting: readonly string[];
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
    if ([...this.components.values()].every(({ state }) => state === 'ready')) this.wasReady = true;
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
    for (const [name, { state, detail }] of this.components) {
      components[name] = state;
      if (state === 'waiting') waiting.push(detail === undefined ? name : `${name} (${detail})`);
    }
    if (this.components.size === 0) waiting.push('nothing has started yet');
    const status = this.stopping
      ? 'stopping'
      : waiting.length === 0
        ? 'ok'
        : this.wasReady
          ? 'degraded'
          : 'starting';
    return { ok: status === 'ok', status, components, waiting };
  }
}
