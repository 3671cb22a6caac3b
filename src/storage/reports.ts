import type { Selectable } from 'kysely';
import {
  readReason,
  reasonValue,
  reportActionSchema,
  reportStatusSchema,
  type Report,
  type ReportAction,
  type ReportActionKind,
  type ReportInput,
  type ReportStatus,
} from '../moderation/types';
import type { Database } from './schema';
import { StoreBacked } from './storeBacked';

type ReportRow = Selectable<Database['reports']>;

/** What a member's erasure changed in reports: the ones whose card must be drawn again. */
export interface ReportErasure {
  readonly reportIds: readonly number[];
}

function toReport(row: ReportRow): Report {
  return {
    id: Number(row.id),
    reporterId: row.reporter_id,
    shareIdentity: Number(row.share_identity) === 1,
    message: {
      channelId: row.channel_id,
      ts: row.message_ts,
      authorId: row.author_id,
      permalink: row.permalink,
    },
    // A reason stored by this code always reads; an edited row reads as "other" rather than failing.
    reason: readReason(row.reason, Number.MAX_SAFE_INTEGER) ?? { kind: 'other' },
    note: row.note,
    status: reportStatusSchema.catch('open').parse(row.status),
    cardChannel: row.card_channel,
    cardTs: row.card_ts,
    remindedAt: row.reminded_at === null ? null : new Date(row.reminded_at),
    resolution: row.resolution,
    createdAt: new Date(row.created_at),
    resolvedAt: row.resolved_at === null ? null : new Date(row.resolved_at),
  };
}

/** SQL for reports to moderators and their audit trail (report_actions). */
export class ReportRepository extends StoreBacked {
  /**
   * Inserts the report unless this reporter already reported this message, or this view already
   * made one (a replay): undefined then, and nothing is written. One statement, so two replicas
   * taking the same submission at once cannot both insert.
   */
  async insert(
    reporterId: string,
    input: ReportInput,
    viewId: string | null,
    now: Date,
  ): Promise<number | undefined> {
    return this.insertOnce('reports', {
      reporter_id: reporterId,
      share_identity: input.shareIdentity ? 1 : 0,
      channel_id: input.message.channelId,
      message_ts: input.message.ts,
      author_id: input.message.authorId,
      permalink: input.message.permalink,
      reason: reasonValue(input.reason),
      note: input.note,
      view_id: viewId,
      created_at: now.toISOString(),
    });
  }

  /** The report this reporter made about this message, if any. */
  async byReporter(reporterId: string, channelId: string, ts: string): Promise<Report | undefined> {
    const row = await this.sql
      .selectFrom('reports')
      .selectAll()
      .where('reporter_id', '=', reporterId)
      .where('channel_id', '=', channelId)
      .where('message_ts', '=', ts)
      .executeTakeFirst();
    return row === undefined ? undefined : toReport(row);
  }

  async byView(viewId: string): Promise<Report | undefined> {
    return this.rowWhere('reports', 'view_id', viewId, toReport);
  }

  async get(id: number): Promise<Report | undefined> {
    return this.rowWhere('reports', 'id', id, toReport);
  }

  async addAction(
    reportId: number,
    actorId: string | null,
    action: ReportActionKind,
    note: string | null,
    now: Date,
  ): Promise<void> {
    await this.sql
      .insertInto('report_actions')
      .values({ report_id: reportId, actor_id: actorId, action, note, at: now.toISOString() })
      .execute();
  }

  /** The audit trail, oldest first. */
  async actions(reportId: number): Promise<ReportAction[]> {
    const rows = await this.sql
      .selectFrom('report_actions')
      .select(['actor_id', 'action', 'note', 'at'])
      .where('report_id', '=', reportId)
      .orderBy('id')
      .execute();
    return rows.map((row) => ({
      actorId: row.actor_id,
      action: reportActionSchema.parse(row.action),
      note: row.note,
      at: new Date(row.at),
    }));
  }

  async attachCard(id: number, channel: string, ts: string): Promise<void> {
    await this.recordCard('reports', id, channel, ts);
  }

  /**
   * Fills in what Slack told us after the report was saved: the message's author (only where none
   * is known) and its permalink (Slack's own, in place of the link the member pasted).
   */
  async completeMessage(
    id: number,
    found: { authorId: string | null; permalink: string | null },
  ): Promise<void> {
    if (found.authorId !== null)
      await this.sql
        .updateTable('reports')
        .set({ author_id: found.authorId })
        .where('id', '=', id)
        .where('author_id', 'is', null)
        .execute();
    if (found.permalink !== null)
      await this.sql
        .updateTable('reports')
        .set({ permalink: found.permalink })
        .where('id', '=', id)
        .execute();
  }

  /** Moves the report from one of `from` to `to`; false when it was in none of them (nothing changed). */
  async setStatus(
    id: number,
    from: readonly ReportStatus[],
    to: ReportStatus,
    change: { resolution?: string | null; resolvedAt?: Date } = {},
  ): Promise<boolean> {
    const result = await this.sql
      .updateTable('reports')
      .set({
        status: to,
        ...(change.resolution === undefined ? {} : { resolution: change.resolution }),
        ...(change.resolvedAt === undefined ? {} : { resolved_at: change.resolvedAt.toISOString() }),
      })
      .where('id', '=', id)
      .where('status', 'in', from)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** Marks the author reminded, once: false when they already were, or no author is known. */
  async markReminded(id: number, now: Date): Promise<boolean> {
    const result = await this.sql
      .updateTable('reports')
      .set({ reminded_at: now.toISOString() })
      .where('id', '=', id)
      .where('reminded_at', 'is', null)
      .where('author_id', 'is not', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** A member's own reports, as reporter, for their export (with the audit trail of each). */
  async exportMember(userId: string): Promise<unknown[]> {
    const rows = await this.sql
      .selectFrom('reports')
      .selectAll()
      .where('reporter_id', '=', userId)
      .orderBy('id')
      .execute();
    const exported: unknown[] = [];
    for (const row of rows) {
      exported.push({
        id: Number(row.id),
        message: { channel: row.channel_id, ts: row.message_ts, permalink: row.permalink },
        reason: row.reason,
        note: row.note,
        shareIdentity: Number(row.share_identity) === 1,
        status: row.status,
        createdAt: row.created_at,
        resolvedAt: row.resolved_at,
      });
    }
    return exported;
  }

  /**
   * Erasure: the reports stay, anonymised. As reporter the member's id and note go; as author,
   * their id; as actor in any trail, their id. Returns the reports whose card must be drawn again.
   */
  async eraseMember(userId: string): Promise<ReportErasure> {
    const touched = await this.sql
      .selectFrom('reports')
      .select('id')
      .where((eb) => eb.or([eb('reporter_id', '=', userId), eb('author_id', '=', userId)]))
      .execute();
    await this.sql
      .updateTable('reports')
      .set({ reporter_id: null, note: null, share_identity: 0 })
      .where('reporter_id', '=', userId)
      .execute();
    await this.sql.updateTable('reports').set({ author_id: null }).where('author_id', '=', userId).execute();
    const acted = await this.sql
      .updateTable('report_actions')
      .set({ actor_id: null })
      .where('actor_id', '=', userId)
      .returning('report_id')
      .execute();
    const ids = new Set([
      ...touched.map((row) => Number(row.id)),
      ...acted.map((row) => Number(row.report_id)),
    ]);
    return { reportIds: [...ids].sort((a, b) => a - b) };
  }
}
