// Runs refreshes one after another: a second trigger of the same work joins it instead of fetching again.

/**
 * A queue of one lane. Two refreshes at once would hold two feed bodies in memory and race to swap the engine;
 * here each waits for the one before, and a trigger whose key is already queued or running gets that run.
 */
export class OneAtATime {
  private tail: Promise<void> = Promise.resolve();
  private readonly queued = new Map<string, Promise<unknown>>();

  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const joined = this.queued.get(key);
    if (joined !== undefined) return joined as Promise<T>;
    const result = this.tail.then(work);
    this.queued.set(key, result);
    // The lane moves on whether the work succeeded or threw; the caller sees the error through `result`.
    this.tail = result.then(
      () => this.done(key, result),
      () => this.done(key, result),
    );
    return result;
  }

  private done(key: string, result: Promise<unknown>): void {
    if (this.queued.get(key) === result) this.queued.delete(key);
  }
}
