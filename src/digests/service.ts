import { randomBytes } from 'node:crypto';
import cron from 'node-cron';
import type { AudienceService } from '../audience/service';
import type { Clock } from '../clock';
import type { OutboxPort } from '../events/service';
import type { Locale } from '../i18n';
import type { Logger } from '../logger';
import type { RoleService } from '../roles/service';
import { erasedKeyPart, type OutboxMessage, type ScheduleRequest } from '../scheduler/types';
import type { DigestRepository } from '../storage/digests';
import { cronInZone, type CronSchedule } from '../time/cronSchedule';
import type { AskPicks } from '../asks/picks';
import type { StudyGroup } from '../study/types';
import { chapterEventsOf, type ChapterChannelsOf } from './chapters';
import { selectDigests } from './matching';
import { ASKS_WINDOW_MS, EVENT_HORIZON_MS, digestContent, digestIndexes, planRunInPages } from './runPlanner';
import {
  DEFAULT_DIGEST_FREQUENCY,
  type DigestContent,
  type DigestFrequency,
  type DigestRunReport,
} from './types';

/** How far back the planner looks for a scheduled run it has not planned yet. */
const CATCH_UP_WINDOW_MS = 12 * 3_600_000;

export interface DigestMessages {
  /** `frequency` is the member's own setting, which the footer states (also in a run started by hand). */
  digest(content: DigestContent, locale: Locale, frequency: 'weekly' | 'daily'): OutboxMessage;
  report(report: DigestRunReport, locale: Locale): OutboxMessage;
}

export interface DigestDeps {
  readonly repository: DigestRepository;
  readonly roles: RoleService;
  /** Roles and events in a private channel go only to that channel's members. */
  readonly audience: AudienceService;
  readonly outbox: OutboxPort & {
    /** One statement per few hundred rows; returns the keys that were new. */
    scheduleMany(requests: readonly ScheduleRequest[], skippedReason?: string): Promise<Set<string>>;
    statusCounts(prefix: string): Promise<{ status: string; lastError: string | null; count: number }[]>;
    renameKeys(from: string, to: string): Promise<number>;
  };
  readonly messages: DigestMessages;
  /** The stored locales of a batch of members, read at once (never Slack: bulk sends would take hours). */
  readonly knownLocalesOf: (userIds: readonly string[]) => Promise<(userId: string) => Locale>;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly weeklyCron: string;
  readonly timeZone: string;
  /**
   * Members read, matched, rendered and written per page of a run (DIGEST_PAGE_SIZE; 1,000 when
   * unset): a run holds one page of members at a time, whatever the community's size.
   */
  readonly pageSize?: number;
  /** Asks and offers for each member, posted after `since` (src/asks; a section of their own). */
  readonly asksFor?: (
    recipients: readonly { userId: string; interests: readonly string[] }[],
    since: Date,
  ) => Promise<ReadonlyMap<string, AskPicks>>;
  /** The channels of each member's chapters: events posted there come first in their digest. */
  readonly chapterChannelsOf?: ChapterChannelsOf;
  /** Study-group proposals each member has not heard of yet; a member hears of one once (src/study). */
  readonly study?: {
    picksFor(
      recipients: readonly { userId: string; interests: readonly string[] }[],
    ): Promise<Map<string, StudyGroup[]>>;
    recordMentions(
      sent: readonly { userId: string; groupIds: readonly number[] }[],
      now: Date,
    ): Promise<void>;
  };
}

/** The daily cadence runs at the weekly digest's time of day, every day. */
export function dailyCronFor(weeklyCron: string): string {
  const fields = cron.parse(weeklyCron);
  const six = weeklyCron.trim().split(/\s+/).length === 6;
  const minute = fields.minute[0] ?? 0;
  const hour = fields.hour[0] ?? 9;
  return six ? `${fields.second[0] ?? 0} ${minute} ${hour} * * *` : `${minute} ${hour} * * *`;
}

export class DigestService {
  private readonly schedules: Record<'weekly' | 'daily', CronSchedule>;

  constructor(private readonly deps: DigestDeps) {
    const weekly = cronInZone(deps.weeklyCron, deps.timeZone);
    const daily = cronInZone(dailyCronFor(deps.weeklyCron), deps.timeZone);
    if (weekly === undefined || daily === undefined)
      throw new Error(`DIGEST_CRON ${deps.weeklyCron} is not a cron expression`);
    this.schedules = { weekly, daily };
  }

  async frequencyOf(userId: string): Promise<DigestFrequency> {
    return (await this.deps.repository.frequencyOf(userId)) ?? DEFAULT_DIGEST_FREQUENCY;
  }

  async setFrequency(userId: string, frequency: DigestFrequency): Promise<void> {
    await this.deps.repository.setFrequency(userId, frequency, this.deps.clock.now());
    this.deps.logger.info(`digest for ${userId} set to ${frequency}`);
  }

  /** What the member would get now; nothing is recorded as sent. */
  async preview(userId: string): Promise<DigestContent> {
    const now = this.deps.clock.now();
    const jobs = await this.deps.repository.openJobs();
    const events = await this.deps.repository.upcomingEvents(now, new Date(now.getTime() + EVENT_HORIZON_MS));
    const known = await this.deps.repository.alreadyKnownBy(userId);
    const interests = await this.deps.repository.interestsOf(userId);
    const selections = selectDigests({
      recipients: [{ userId, interests }],
      ...(await digestIndexes(this.deps, jobs, events)),
      sentJobs: new Map([[userId, known.jobs]]),
      sentEvents: new Map([[userId, known.events]]),
      firstEvents: await chapterEventsOf(this.deps.chapterChannelsOf, [userId], events),
    });
    const selection = selections.get(userId) ?? { jobs: [], events: [] };
    const since = new Date(now.getTime() - ASKS_WINDOW_MS.weekly);
    const asks = (await this.deps.asksFor?.([{ userId, interests }], since))?.get(userId);
    const study = (await this.deps.study?.picksFor([{ userId, interests }]))?.get(userId);
    return digestContent(
      selection,
      new Map(jobs.map((job) => [job.id, job])),
      new Map(events.map((event) => [event.id, event])),
      asks,
      study,
    );
  }

  /** `digest send`: HR or an admin runs a digest now for everyone who has digests on. */
  async runNow(actorId: string): Promise<{ runKey: string; recipients: number; nothingNew: number }> {
    await this.deps.roles.require(actorId, 'hr');
    const now = this.deps.clock.now();
    // Random, not the starter's id: the run's key lives on in every member's outbox key after the
    // starter erases their data (started_by names them, and only until then).
    const runKey = `manual:${now.toISOString()}:${randomBytes(4).toString('hex')}`;
    const result = await planRunInPages(this.deps, runKey, 'manual', now, actorId);
    return { runKey, recipients: result?.recipients ?? 0, nothingNew: result?.nothingNew ?? 0 };
  }

  /**
   * Privacy erasure: the member's setting and record of items sent go; runs they started forget
   * them. Runs from before run keys were random hold the starter's id in their key, and so do
   * their members' outbox keys: it becomes erased.<run id> in both, and the outbox's once-only
   * checks keep working (see Outbox.renameKeys).
   */
  async eraseMember(userId: string): Promise<void> {
    const { repository, outbox } = this.deps;
    for (const run of await repository.runsKeyedBy(userId)) {
      const renamed = run.runKey
        .split(':')
        .map((part) => (part === userId ? erasedKeyPart(run.id) : part))
        .join(':');
      await repository.renameRun(run.id, renamed);
      await outbox.renameKeys(`digest:${run.runKey}:`, `digest:${renamed}:`);
      await outbox.renameKeys(`digest-report:${run.runKey}`, `digest-report:${renamed}`);
    }
    await repository.eraseMember(userId);
  }

  /**
   * Planner: when a weekly or daily run has come due (or fell due while the bot was down, within
   * a window), plan it once — one outbox row per member with something new, keyed by run and member.
   * Then report finished manual runs to whoever started them.
   */
  async plan(now: Date): Promise<void> {
    for (const cadence of ['weekly', 'daily'] as const) {
      const due = this.latestDue(cadence, now);
      if (due !== undefined)
        await planRunInPages(this.deps, `${cadence}:${due.toISOString()}`, cadence, due, null);
    }
    await this.reportFinishedRuns(now);
  }

  private latestDue(cadence: 'weekly' | 'daily', now: Date): Date | undefined {
    const from = new Date(now.getTime() - CATCH_UP_WINDOW_MS);
    const runs = this.schedules[cadence].next(from, 64).filter((run) => run.getTime() <= now.getTime());
    return runs[runs.length - 1];
  }

  /** A manual run is reported once nothing of it is waiting any more: sent, skipped, failed with reasons. */
  private async reportFinishedRuns(now: Date): Promise<void> {
    for (const run of await this.deps.repository.unreportedManualRuns()) {
      const counts = await this.deps.outbox.statusCounts(`digest:${run.runKey}:`);
      const waiting = counts
        .filter((c) => c.status === 'pending' || c.status === 'sending')
        .reduce((n, c) => n + c.count, 0);
      if (waiting > 0) continue;
      const failures = counts.filter((c) => c.status === 'failed' || c.status === 'skipped');
      const report: DigestRunReport = {
        runKey: run.runKey,
        recipients: run.recipients,
        nothingNew: run.nothingNew,
        sent: counts.filter((c) => c.status === 'sent').reduce((n, c) => n + c.count, 0),
        failed: failures.reduce((n, c) => n + c.count, 0),
        pending: 0,
        failures: failures.map((c) => ({ reason: c.lastError ?? c.status, count: c.count })),
      };
      const localeOf = await this.deps.knownLocalesOf([run.startedBy]);
      await this.deps.repository.transaction(async () => {
        if (!(await this.deps.repository.markReported(run.id, now))) return;
        await this.deps.outbox.schedule({
          kind: 'digest_report',
          key: `digest-report:${run.runKey}`,
          channel: run.startedBy,
          message: this.deps.messages.report(report, localeOf(run.startedBy)),
          dueAt: now,
        });
      });
    }
  }
}
