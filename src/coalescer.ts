/**
 * Runs work for a key at most once at a time. A request that arrives while the work runs is
 * not queued one by one: it marks the key dirty, and one more run follows, which sees
 * everything that changed meanwhile. Every caller's promise settles after a run that started
 * after its request.
 */
export class Coalescer {
  private readonly running = new Map<string, { done: Promise<void>; again: Promise<void> | undefined }>();

  run(key: string, work: () => Promise<void>): Promise<void> {
    const current = this.running.get(key);
    if (current !== undefined) {
      current.again ??= current.done.then(
        () => this.start(key, work),
        () => this.start(key, work),
      );
      return current.again;
    }
    return this.start(key, work);
  }

  private start(key: string, work: () => Promise<void>): Promise<void> {
    const entry: { done: Promise<void>; again: Promise<void> | undefined } = {
      done: Promise.resolve(),
      again: undefined,
    };
    entry.done = work().finally(() => {
      if (this.running.get(key) === entry) this.running.delete(key);
    });
    this.running.set(key, entry);
    return entry.done;
  }
}
