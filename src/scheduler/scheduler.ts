import cron from 'node-cron';
import type { Clock } from '../clock';
import type { Logger } from '../logger';
import type { SchedulerLease } from './lease';
import type { OutboxDelivery } from './delivery';
import type { CronFactory, CronTask, DeliverySettings, Planner, Sleep, TickSummary } from './types';

/** Knobs for tests and operators; production uses node-cron, setTimeout and the default settings. */
export interface SchedulerOptions {
  readonly cron?: CronFactory;
  readonly sleep?: Sleep;
  /** The pacer's monotonic milliseconds; tests pass virtual time with a virtual sleep. */
  readonly paceNow?: () => number;
  readonly settings?: Partial<DeliverySettings>;
  readonly workerId?: string;
}

export interface SchedulerDeps {
  readonly clock: Clock;
  readonly logger: Logger;
  /** config.schedulerCron: five or six fields (seconds first). */
  readonly expression: string;
  /** config.defaultTimezone: the zone the expression is read in. */
  readonly timezone: string;
  readonly cron?: CronFactory;
  /** Without a lease every replica plans and delivers (claims still keep each post once-only). */
  readonly lease?: SchedulerLease;
}

const TASK_NAME = 'homecoming-outbox';
const EMPTY: TickSummary = { sent: 0, failed: 0, skipped: 0, retried: 0, recovered: 0, plannerFailures: [] };
const STANDBY: TickSummary = { ...EMPTY, standby: true };

/** node-cron 4: schedule() starts the task at once; its own warnings go to our logger. */
export function nodeCronFactory(logger: Logger): CronFactory {
  return (expression, run, options) =>
    cron.schedule(expression, run, {
      timezone: options.timezone,
      name: options.name,
      noOverlap: options.noOverlap,
      logger: {
        info: (message) => logger.debug(`node-cron: ${message}`),
        warn: (message) => logger.warn(`node-cron: ${message}`),
        error: (message, error) => logger.error('node-cron:', message, error ?? ''),
        debug: (message) => logger.debug('node-cron:', message),
      },
    });
}

/**
 * The cron tick: recover stale claims, run the planners, deliver what is due. It keeps no state of
 * its own (everything is in the outbox table), so a missed or extra tick is harmless and a restart
 * catches up with one immediate tick. Ticks never overlap: node-cron's noOverlap skips a fire while
 * one runs, and tick() itself queues behind a running tick.
 */
export class Scheduler {
  private readonly planners = new Map<string, Planner>();
  private readonly abort = new AbortController();
  private task: CronTask | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly delivery: OutboxDelivery,
    private readonly deps: SchedulerDeps,
  ) {}

  /** Registers a planner, run on every tick (in registration order) before delivery. */
  addPlanner(name: string, planner: Planner): void {
    if (this.planners.has(name)) throw new Error(`a planner named ${name} is already registered`);
    this.planners.set(name, planner);
  }

  /** Starts the cron task and runs one tick at once (catch-up for whatever fell due while we were down). */
  start(): void {
    if (this.task !== undefined || this.stopped) return;
    const factory = this.deps.cron ?? nodeCronFactory(this.deps.logger);
    this.task = factory(this.deps.expression, () => this.tickSafely(), {
      timezone: this.deps.timezone,
      name: TASK_NAME,
      noOverlap: true,
    });
    this.deps.logger.info(
      `scheduler: ticking on "${this.deps.expression}" (${this.deps.timezone}); catching up now`,
    );
    this.queue = this.tickSafely();
  }

  /** Runs one tick after any running one; resolves with what it did. Does nothing once stopped. */
  tick(): Promise<TickSummary> {
    const run = this.queue.then(() => this.runTick());
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Resolves when no tick is running or queued. */
  async idle(): Promise<void> {
    await this.queue;
  }

  /**
   * Stops the cron task, cuts any 429 wait short (claimed rows go back to pending unsent) and waits
   * up to `timeoutMs` for the running tick, so the database can be closed after it.
   */
  async stop(timeoutMs = 10_000): Promise<void> {
    if (!this.stopped) {
      this.stopped = true;
      const task = this.task;
      this.task = undefined;
      if (task !== undefined) {
        await task.stop();
        await task.destroy();
      }
      this.abort.abort();
    }
    let timer: NodeJS.Timeout | undefined;
    const finished = await Promise.race([
      this.queue.then(() => true),
      new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs);
      }),
    ]);
    clearTimeout(timer);
    if (finished && this.deps.lease !== undefined) {
      await this.deps.lease
        .release()
        .catch((error: unknown) => this.deps.logger.warn('scheduler: could not release the lease:', error));
    }
    if (!finished)
      this.deps.logger.warn(
        'scheduler: a tick is still running at shutdown; its claims will be recovered after the lease',
      );
  }

  private async tickSafely(): Promise<void> {
    try {
      await this.tick();
    } catch (error) {
      this.deps.logger.error('scheduler: tick failed:', error);
    }
  }

  private async runTick(): Promise<TickSummary> {
    if (this.stopped) return EMPTY;
    const lease = this.deps.lease;
    if (lease === undefined) return this.work();
    if (!(await lease.hold())) {
      this.deps.logger.debug(`scheduler: another replica holds the ${lease.name} lease; standing by`);
      return STANDBY;
    }
    // A long delivery (a digest to thousands at Slack's pace) renews the lease as it goes.
    const renewal = setInterval(() => {
      lease.hold().then(
        (held) => {
          if (!held)
            this.deps.logger.warn(
              `scheduler: lost the ${lease.name} lease mid-tick; claims keep posts once-only`,
            );
        },
        (error: unknown) => this.deps.logger.warn('scheduler: could not renew the lease:', error),
      );
    }, lease.ttlMs / 3);
    renewal.unref();
    try {
      return await this.work();
    } finally {
      clearInterval(renewal);
    }
  }

  private async work(): Promise<TickSummary> {
    const { clock, logger } = this.deps;
    const recovered = await this.delivery.recoverStale(clock.now(), this.deps.lease?.heldSince);
    const plannerFailures: string[] = [];
    for (const [name, planner] of this.planners) {
      if (this.abort.signal.aborted) break;
      try {
        await planner(clock.now());
      } catch (error) {
        // One broken planner must not stop the others, nor delivery of what is already planned.
        plannerFailures.push(name);
        logger.error(`scheduler: planner ${name} failed:`, error);
      }
    }
    const delivered = await this.delivery.deliverDue(clock.now(), this.abort.signal);
    const summary: TickSummary = { ...delivered, recovered, plannerFailures };
    const busy = summary.sent + summary.failed + summary.skipped + summary.retried + summary.recovered > 0;
    const line = `scheduler: tick done: ${summary.sent} sent, ${summary.failed} failed, ${summary.skipped} skipped, ${summary.retried} to retry, ${summary.recovered} recovered`;
    if (busy || plannerFailures.length > 0) logger.info(line);
    else logger.debug(line);
    return summary;
  }
}
