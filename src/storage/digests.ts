import { sql as rawSql } from 'kysely';
import type { DigestCadence, DigestEvent, DigestFrequency, DigestJob } from '../digests/types';
import { grouped, toEvent, toFrequency, toJob, toManualRun, type ManualRun } from './digestRows';
import { DigestRecipientQueries } from './digestRecipients';
import { likeContaining } from './keyRange';

/** What one member was sent in a run: recorded so that no role or event goes to them twice. */
export interface SentItems {
  readonly userId: string;
  readonly jobIds: readonly number[];
  readonly eventIds: readonly number[];
}

/** Rows per multi-row insert: well inside both engines' limits on bound parameters. */
const INSERT_CHUNK = 500;

/**
 * SQL for digests: preferences, runs, what each member was sent, and the open roles and events they
 * draw on; the per-page reads of a run are in DigestRecipientQueries.
 */
export class DigestRepository extends DigestRecipientQueries {
  async frequencyOf(userId: string): Promise<DigestFrequency | undefined> {
    const row = await this.sql
      .selectFrom('digest_prefs')
      .select('frequency')
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return row === undefined ? undefined : toFrequency(row);
  }

  async setFrequency(userId: string, frequency: DigestFrequency, now: Date): Promise<void> {
    await this.sql
      .insertInto('digest_prefs')
      .values({ user_id: userId, frequency, updated_at: now.toISOString() })
      .onConflict((conflict) =>
        conflict.column('user_id').doUpdateSet((eb) => ({
          frequency: eb.ref('excluded.frequency'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }

  async interestsOf(userId: string): Promise<string[]> {
    const rows = await this.sql
      .selectFrom('member_interests')
      .select('tag')
      .where('user_id', '=', userId)
      .execute();
    return rows.map((row) => row.tag);
  }

  async openJobs(): Promise<DigestJob[]> {
    const tagRows = await this.sql
      .selectFrom('job_tags as t')
      .innerJoin('jobs as j', 'j.id', 't.job_id')
      .select(['t.job_id as key', 't.tag as value'])
      .where('j.status', '=', 'open')
      .execute();
    const tags = grouped(tagRows);
    const rows = await this.sql
      .selectFrom('jobs')
      .select([
        'id',
        'title',
        'team',
        'location',
        'work_style',
        'employment_type',
        'apply_url',
        'created_at',
        'card_channel',
      ])
      .where('status', '=', 'open')
      .execute();
    return rows.map((row) => toJob(row, tags.get(row.id) ?? []));
  }

  async upcomingEvents(now: Date, until: Date): Promise<DigestEvent[]> {
    const at = now.toISOString();
    const tagRows = await this.sql
      .selectFrom('event_tags as t')
      .innerJoin('events as e', 'e.id', 't.event_id')
      .select(['t.event_id as key', 't.tag as value'])
      .where('e.status', '=', 'scheduled')
      .where('e.starts_at', '>', at)
      .execute();
    const tags = grouped(tagRows);
    const rows = await this.sql
      .selectFrom('events')
      .select((eb) => [
        'id',
        'title',
        'starts_at',
        'ends_at',
        'place',
        'url',
        eb.fn.coalesce('card_channel', 'channel').as('channel'),
      ])
      .where('status', '=', 'scheduled')
      .where('starts_at', '>', at)
      .where('starts_at', '<=', until.toISOString())
      .execute();
    return rows.map((row) => toEvent(row, tags.get(row.id) ?? []));
  }

  async alreadyKnownBy(userId: string): Promise<{ jobs: Set<number>; events: Set<number> }> {
    const jobs = new Set<number>();
    const events = new Set<number>();
    for (const row of await this.sentTo(userId)) (row.item_type === 'job' ? jobs : events).add(row.item_id);
    const answered = await this.sql
      .selectFrom('event_rsvps')
      .select('event_id')
      .where('user_id', '=', userId)
      .execute();
    for (const row of answered) events.add(row.event_id);
    return { jobs, events };
  }

  private async sentTo(userId: string): Promise<{ item_type: string; item_id: number }[]> {
    return this.sql
      .selectFrom('digest_items')
      .select(['item_type', 'item_id'])
      .where('user_id', '=', userId)
      .execute();
  }

  /** The run (created if new); `completed` once every member's digest has been planned. */
  async openRun(
    runKey: string,
    cadence: DigestCadence,
    dueAt: Date,
    startedBy: string | null,
    now: Date,
  ): Promise<{ id: number; completed: boolean }> {
    await this.sql
      .insertInto('digest_runs')
      .values({
        run_key: runKey,
        cadence,
        due_at: dueAt.toISOString(),
        started_by: startedBy,
        planned_at: now.toISOString(),
      })
      .onConflict((conflict) => conflict.column('run_key').doNothing())
      .execute();
    const row = await this.sql
      .selectFrom('digest_runs')
      .select(['id', 'completed_at'])
      .where('run_key', '=', runKey)
      .executeTakeFirst();
    if (row === undefined) throw new Error(`digest run ${runKey} vanished`);
    return { id: row.id, completed: row.completed_at !== null };
  }

  async completeRun(runId: number, recipients: number, nothingNew: number, now: Date): Promise<void> {
    await this.sql
      .updateTable('digest_runs')
      .set((eb) => ({
        recipients,
        nothing_new: nothingNew,
        completed_at: eb.fn.coalesce('completed_at', eb.val(now.toISOString())),
      }))
      .where('id', '=', runId)
      .execute();
  }

  /**
   * Records what a batch of members was sent in a run, and a 'shown' funnel step per role: a few
   * multi-row inserts for the whole batch, not one statement per item. Call in the transaction that
   * put their digests in the outbox.
   */
  async recordSent(runId: number, sent: readonly SentItems[], now: Date): Promise<void> {
    const at = now.toISOString();
    const items = sent.flatMap(({ userId, jobIds, eventIds }) => [
      ...jobIds.map((id) => ({ user_id: userId, item_type: 'job', item_id: id, run_id: runId })),
      ...eventIds.map((id) => ({ user_id: userId, item_type: 'event', item_id: id, run_id: runId })),
    ]);
    const shown = sent.flatMap(({ userId, jobIds }) =>
      jobIds.map((id) => ({ job_id: id, user_id: userId, step: 'shown', at })),
    );
    await this.store.transaction(async () => {
      for (let offset = 0; offset < items.length; offset += INSERT_CHUNK)
        await this.sql
          .insertInto('digest_items')
          .values(items.slice(offset, offset + INSERT_CHUNK))
          .onConflict((conflict) => conflict.doNothing())
          .execute();
      for (let offset = 0; offset < shown.length; offset += INSERT_CHUNK)
        await this.sql
          .insertInto('funnel_events')
          .values(shown.slice(offset, offset + INSERT_CHUNK))
          .execute();
    });
  }

  async unreportedManualRuns(): Promise<ManualRun[]> {
    const rows = await this.sql
      .selectFrom('digest_runs')
      .select(['id', 'run_key', 'started_by', 'recipients', 'nothing_new'])
      .where('cadence', '=', 'manual')
      .where('completed_at', 'is not', null)
      .where('reported_at', 'is', null)
      .where('started_by', 'is not', null)
      .orderBy('id')
      .execute();
    return rows.flatMap((row) => toManualRun(row) ?? []);
  }

  /** True for the one caller that marks it (another process may be reporting the same run). */
  async markReported(runId: number, now: Date): Promise<boolean> {
    const result = await this.sql
      .updateTable('digest_runs')
      .set({ reported_at: now.toISOString() })
      .where('id', '=', runId)
      .where('reported_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async exportMember(userId: string): Promise<{ frequency: DigestFrequency | null; itemsSent: number }> {
    const row = await this.sql
      .selectFrom('digest_items')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return { frequency: (await this.frequencyOf(userId)) ?? null, itemsSent: Number(row?.n ?? 0) };
  }

  /**
   * Runs whose key holds the member's id as one ':'-separated part (manual runs were once keyed
   * manual:<time>:<starter>; see DigestService.eraseMember). LIKE narrows, the split decides.
   */
  async runsKeyedBy(userId: string): Promise<{ id: number; runKey: string }[]> {
    const rows = await this.sql
      .selectFrom('digest_runs')
      .select(['id', 'run_key'])
      .where(rawSql<boolean>`run_key like ${likeContaining(userId)} escape '!'`)
      .orderBy('id')
      .execute();
    return rows
      .filter((row) => row.run_key.split(':').includes(userId))
      .map((row) => ({ id: row.id, runKey: row.run_key }));
  }

  async renameRun(runId: number, runKey: string): Promise<void> {
    await this.sql.updateTable('digest_runs').set({ run_key: runKey }).where('id', '=', runId).execute();
  }

  async eraseMember(userId: string): Promise<void> {
    await this.store.transaction(async () => {
      await this.sql.deleteFrom('digest_prefs').where('user_id', '=', userId).execute();
      await this.sql.deleteFrom('digest_items').where('user_id', '=', userId).execute();
      await this.sql
        .updateTable('digest_runs')
        .set({ started_by: null })
        .where('started_by', '=', userId)
        .execute();
    });
  }
}
