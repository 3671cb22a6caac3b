import type { Clock } from '../clock';
import type { Locale } from '../i18n';
import type { Logger } from '../logger';
import { NotFound } from '../notFound';
import type { SourceErasure } from '../privacy/service';
import type { RoleService } from '../roles/service';
import type { OutboxMessage, ScheduleRequest } from '../scheduler/types';
import type { ReportRepository } from '../storage/reports';
import type { Store } from '../storage/store';
import { reminderKey, resolvedKey } from './keys';
import {
  ReportAuthorUnknown,
  ReportsNotSetUp,
  type Report,
  type ReportAction,
  type ReportInput,
} from './types';
import { RepositoryBacked } from '../serviceBase';

/** Words of the DMs moderation sends, supplied by the Slack layer (Block Kit stays out of the rules). */
export interface ModerationMessages {
  /** To the author: a moderator reminds them of the code of conduct, quoted in their language. */
  reminder(report: Report, conduct: readonly string[], locale: Locale): OutboxMessage;
  /** To the reporter: their report was resolved. */
  resolved(report: Report, locale: Locale): OutboxMessage;
}

export interface ModerationDeps {
  readonly repository: ReportRepository;
  readonly store: Store;
  readonly roles: RoleService;
  /** MODERATION_CHANNEL_ID; without it nothing can be reported. */
  readonly channelId: string | undefined;
  /** The code of conduct's points in a language (the community text). */
  readonly conduct: (locale: Locale) => readonly string[];
  readonly outbox: {
    schedule(request: ScheduleRequest): Promise<boolean>;
  };
  readonly messages: ModerationMessages;
  readonly localeOf: (userId: string) => Promise<Locale>;
  readonly clock: Clock;
  readonly logger: Logger;
}

/** What a report submission came to: a new report, a replay of the same submission, or a second report of one message. */
export type ReportOutcome = 'created' | 'replay' | 'duplicate';

/** What a moderator's step came to: the report after it, and whether it changed anything. */
export interface ModeratorStep {
  readonly report: Report;
  readonly changed: boolean;
}

/**
 * Reports to moderators (issue 14 §2). Any member may report a message; only admins act on reports,
 * checked here on every step. Every step is written to the report's audit trail with its author in
 * the same transaction as the change, and the DMs it causes go through the outbox under a key of
 * their own, so each is sent once however often a button is pressed.
 */
export class ModerationService extends RepositoryBacked<ModerationDeps> {
  /** Whether reports can be made at all (MODERATION_CHANNEL_ID is set). */
  get configured(): boolean {
    return this.deps.channelId !== undefined;
  }

  /** How many points the code of conduct has in both languages: each is a reason one may pick. */
  get conductPoints(): number {
    return Math.min(this.deps.conduct('en').length, this.deps.conduct('ja').length);
  }

  /**
   * Saves a report. One reporter reports one message once ('duplicate' after that), and the same
   * submission seen again ('replay': a double click, a retried request) finds what the first made.
   */
  async report(
    reporterId: string,
    input: ReportInput,
    viewId: string | null,
  ): Promise<{ report: Report; outcome: ReportOutcome }> {
    if (!this.configured) throw new ReportsNotSetUp();
    const now = this.deps.clock.now();
    const id = await this.deps.store.transaction(async () => {
      const created = await this.repo.insert(reporterId, input, viewId, now);
      // Who reported stays in the report itself (shown to admins only if allowed), not in the trail.
      if (created !== undefined) await this.repo.addAction(created, null, 'reported', null, now);
      return created;
    });
    if (id !== undefined) {
      this.deps.logger.info(
        `report ${id} made by ${reporterId} about ${input.message.channelId}/${input.message.ts}`,
      );
      return { report: await this.get(id), outcome: 'created' };
    }
    const replayed = viewId === null ? undefined : await this.repo.byView(viewId);
    if (replayed !== undefined) return { report: replayed, outcome: 'replay' };
    const earlier = await this.repo.byReporter(reporterId, input.message.channelId, input.message.ts);
    if (earlier === undefined) throw new Error('report not inserted, and no earlier report found');
    return { report: earlier, outcome: 'duplicate' };
  }

  /** Whether this member has already reported this message (the shortcut says so before the form). */
  async hasReported(reporterId: string, channelId: string, ts: string): Promise<boolean> {
    return (await this.repo.byReporter(reporterId, channelId, ts)) !== undefined;
  }

  /** What Slack told about a new report's message once it was saved: its author and permalink. */
  async completeMessage(
    reportId: number,
    found: { authorId: string | null; permalink: string | null },
  ): Promise<void> {
    await this.repo.completeMessage(reportId, found);
  }

  async attachCard(reportId: number, channel: string, ts: string): Promise<void> {
    await this.repo.attachCard(reportId, channel, ts);
  }

  /** The report and its trail, for its card. */
  async card(reportId: number): Promise<{ report: Report; actions: ReportAction[] }> {
    return { report: await this.get(reportId), actions: await this.repo.actions(reportId) };
  }

  /** A moderator has seen the report. */
  async acknowledge(actorId: string, reportId: number): Promise<ModeratorStep> {
    await this.deps.roles.require(actorId, 'admin');
    await this.get(reportId);
    const now = this.deps.clock.now();
    const changed = await this.deps.store.transaction(async () => {
      if (!(await this.repo.setStatus(reportId, ['open'], 'acknowledged'))) return false;
      await this.repo.addAction(reportId, actorId, 'acknowledged', null, now);
      return true;
    });
    if (changed) this.deps.logger.info(`report ${reportId} acknowledged by ${actorId}`);
    return { report: await this.get(reportId), changed };
  }

  /** The author gets a DM quoting the code of conduct in their language; once per report. */
  async remind(actorId: string, reportId: number): Promise<ModeratorStep> {
    await this.deps.roles.require(actorId, 'admin');
    const report = await this.get(reportId);
    const author = report.message.authorId;
    if (author === null) throw new ReportAuthorUnknown(reportId);
    // A resolved report is closed: nothing more is sent about it.
    if (report.remindedAt !== null || report.status === 'resolved') return { report, changed: false };
    const locale = await this.deps.localeOf(author);
    const message = this.deps.messages.reminder(report, this.deps.conduct(locale), locale);
    const now = this.deps.clock.now();
    const changed = await this.deps.store.transaction(async () => {
      if (!(await this.repo.markReminded(reportId, now))) return false;
      await this.repo.addAction(reportId, actorId, 'reminded', null, now);
      await this.deps.outbox.schedule({
        kind: 'report_reminder',
        key: reminderKey(reportId),
        channel: author,
        message,
        dueAt: now,
      });
      return true;
    });
    if (changed) this.deps.logger.info(`report ${reportId}: author reminded by ${actorId}`);
    return { report: await this.get(reportId), changed };
  }

  /** Resolves the report with the moderator's note; the reporter (if still known) is told. */
  async resolve(actorId: string, reportId: number, note: string): Promise<ModeratorStep> {
    await this.deps.roles.require(actorId, 'admin');
    const report = await this.get(reportId);
    const reporter = report.reporterId;
    const locale = reporter === null ? undefined : await this.deps.localeOf(reporter);
    const now = this.deps.clock.now();
    const changed = await this.deps.store.transaction(async () => {
      const moved = await this.repo.setStatus(reportId, ['open', 'acknowledged'], 'resolved', {
        resolution: note,
        resolvedAt: now,
      });
      if (!moved) return false;
      await this.repo.addAction(reportId, actorId, 'resolved', note, now);
      const resolved = await this.get(reportId);
      if (resolved.reporterId !== null && locale !== undefined)
        await this.deps.outbox.schedule({
          kind: 'report_resolved',
          key: resolvedKey(reportId),
          channel: resolved.reporterId,
          message: this.deps.messages.resolved(resolved, locale),
          dueAt: now,
        });
      return true;
    });
    if (changed) this.deps.logger.info(`report ${reportId} resolved by ${actorId}`);
    return { report: await this.get(reportId), changed };
  }

  /** Only admins read a report's details outside its card (the resolve form shows them). */
  async forModerator(actorId: string, reportId: number): Promise<Report> {
    await this.deps.roles.require(actorId, 'admin');
    return this.get(reportId);
  }

  async exportMember(userId: string): Promise<unknown> {
    return this.repo.exportMember(userId);
  }

  /**
   * Erasure (inside the privacy transaction): the reports stay, without the member's id (and, as
   * reporter, their note); their cards are drawn again after the commit. DMs addressed to the
   * member are forgotten by the outbox's own erasure; the keys here name reports only.
   */
  async eraseMember(userId: string): Promise<SourceErasure> {
    const erased = await this.repo.eraseMember(userId);
    return { reportCards: erased.reportIds };
  }

  private async get(id: number): Promise<Report> {
    const report = await this.repo.get(id);
    if (report === undefined) throw new NotFound('report', id);
    return report;
  }
}
