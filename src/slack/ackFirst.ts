/**
 * Acknowledgements before follow-up work. Slack gives each request 3 s to be acknowledged; what a
 * button press does after its ack (the database write, the re-rendered card, chat.update, the
 * reply) can wait. In one Node process both share one thread, so during a burst of presses the
 * follow-up work of the first presses delayed the acks of the later ones (issue 15: an RSVP ack's
 * p99 was 2–3 × a bare Bolt app's). Here follow-ups take turns: while any request is still
 * waiting for its ack only `whileAcksWait` run at once; otherwise up to `otherwise`. Turns are
 * given in arrival order, and one always runs, so no follow-up waits forever.
 *
 * This orders work within one process only; nothing about correctness rests on it (the claims and
 * locks that decide who wins live in the database).
 */
export interface AckFirstLimits {
  readonly whileAcksWait: number;
  readonly otherwise: number;
}

export const DEFAULT_ACK_FIRST_LIMITS: AckFirstLimits = { whileAcksWait: 2, otherwise: 16 };

export class AckFirst {
  private waitingForAck = 0;
  private running = 0;
  private readonly queue: (() => void)[] = [];

  constructor(private readonly limits: AckFirstLimits = DEFAULT_ACK_FIRST_LIMITS) {}

  /** A request arrived that will want an ack; call the returned function once it is answered. */
  arrived(): () => void {
    this.waitingForAck += 1;
    let answered = false;
    return () => {
      if (answered) return;
      answered = true;
      this.waitingForAck -= 1;
      this.admit();
    };
  }

  /** Waits for this follow-up's turn; call the returned function when the follow-up is done. */
  async turn(): Promise<() => void> {
    if (this.queue.length === 0 && this.running < this.limit()) this.running += 1;
    else await new Promise<void>((resolve) => this.queue.push(resolve));
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.running -= 1;
      this.admit();
    };
  }

  private limit(): number {
    return Math.max(1, this.waitingForAck > 0 ? this.limits.whileAcksWait : this.limits.otherwise);
  }

  private admit(): void {
    while (this.running < this.limit()) {
      const next = this.queue.shift();
      if (next === undefined) return;
      this.running += 1;
      next();
    }
  }
}
