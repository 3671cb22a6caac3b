import type { Clock } from '../clock';
import type { LeaseRepository } from '../storage/leases';

/**
 * Lease names are per workspace, so that one deployment can later serve several workspaces with
 * a scheduler lease each. Today there is one workspace.
 */
export function workspaceLeaseName(name: string, workspace = 'default'): string {
  return `${workspace}:${name}`;
}

/**
 * The scheduler's lease: the replica holding it runs the planners and bulk delivery, so there is
 * one pacer and posts go out in order per channel. It is an optimisation of who works, never what
 * is correct: claims, unique keys and row locks keep every post once-only without it.
 */
export class SchedulerLease {
  /**
   * When this process last took the lease after not holding it. Claims other workers made before
   * then were made by a holder whose lease lapsed, and are recovered at once (OutboxDelivery).
   */
  private since: Date | undefined;

  constructor(
    private readonly repository: LeaseRepository,
    readonly name: string,
    /** Random per process: a restarted process is a new holder, so liveness never rests on host or pid. */
    readonly holder: string,
    readonly ttlMs: number,
    private readonly clock: Clock,
  ) {}

  /** Takes or renews the lease; true when this replica holds it until now + ttl. */
  async hold(): Promise<boolean> {
    const now = this.clock.now();
    const held = await this.repository.acquire(
      this.name,
      this.holder,
      now,
      new Date(now.getTime() + this.ttlMs),
    );
    if (!held) this.since = undefined;
    else this.since ??= now;
    return held;
  }

  /** Since when this replica has held the lease without a break; undefined while it does not. */
  get heldSince(): Date | undefined {
    return this.since;
  }

  /** A clean shutdown hands the lease on at once instead of after its expiry. */
  async release(): Promise<void> {
    this.since = undefined;
    await this.repository.release(this.name, this.holder);
  }
}
