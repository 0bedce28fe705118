// Counts the work in progress (answers, replies being posted, digest posts), so a shutdown can wait for it.

/** Work in progress, by label; `whenIdle()` resolves once nothing is left. */
export class InFlight {
  private readonly pending = new Map<number, string>();
  private nextId = 0;
  private waiters: Array<() => void> = [];

  /** Marks the start of one piece of work; call the returned function once it is done (extra calls do nothing). */
  begin(label: string): () => void {
    const id = this.nextId++;
    this.pending.set(id, label);
    return () => {
      if (!this.pending.delete(id) || this.pending.size > 0) return;
      for (const wake of this.waiters.splice(0)) wake();
    };
  }

  /** Runs `work` as one piece of work in progress and returns its result. */
  async track<T>(label: string, work: () => Promise<T>): Promise<T> {
    const done = this.begin(label);
    try {
      return await work();
    } finally {
      done();
    }
  }

  /** How many pieces of work are in progress. */
  get size(): number {
    return this.pending.size;
  }

  /** The labels of the work in progress, for a log line saying what did not finish. */
  labels(): string[] {
    return [...this.pending.values()];
  }

  /** Resolves when no work is in progress (at once if none is). */
  whenIdle(): Promise<void> {
    if (this.pending.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }
}
