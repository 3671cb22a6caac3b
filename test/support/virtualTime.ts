/**
 * Virtual time for the pacer: sleep(ms) resolves when the clock reaches now + ms, and the clock
 * jumps to the next timer once everything that can run has run (`settle`). Nothing really waits;
 * no timing is asserted against the wall clock.
 */
export class VirtualTime {
  now = 0;
  readonly slept: number[] = [];
  /** Grows with every timer set: a sign that some worker moved on. */
  timersSet = 0;
  private timers: { at: number; order: number; wake: () => void }[] = [];

  readonly sleep = (ms: number): Promise<void> => {
    this.slept.push(ms);
    return new Promise((resolve) => {
      this.timers.push({ at: this.now + ms, order: (this.timersSet += 1), wake: resolve });
    });
  };

  /**
   * Runs until `done()`: settles, then wakes the earliest timer. With `waitForWork`, a moment with
   * no timer set is not the end (work may be on its way through I/O); the settle is tried again.
   */
  async run(
    done: () => boolean,
    settle: () => Promise<void> = microtasks,
    waitForWork = false,
  ): Promise<void> {
    for (let idle = 0; ;) {
      await settle();
      if (done()) return;
      this.timers.sort((a, b) => a.at - b.at || a.order - b.order);
      const next = this.timers.shift();
      if (next === undefined) {
        if (!waitForWork) return;
        idle += 1;
        if (idle > 500) throw new Error('VirtualTime: nothing to wake and not done');
        continue;
      }
      idle = 0;
      this.now = Math.max(this.now, next.at);
      next.wake();
    }
  }
}

/** Lets every worker go as far as it can on microtasks alone (no I/O): cheap, for pure code. */
async function microtasks(): Promise<void> {
  for (let settle = 0; settle < 20; settle += 1) await Promise.resolve();
}

/**
 * For workers that do real I/O: waits until `activity()` (a count that grows whenever anything
 * happens) has stood still for a few short real pauses.
 */
export function quietFor(activity: () => number, pauses = 3, pauseMs = 2): () => Promise<void> {
  return async () => {
    let last = activity();
    for (let still = 0; still < pauses;) {
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
      const now = activity();
      if (now === last) still += 1;
      else {
        still = 0;
        last = now;
      }
    }
  };
}
