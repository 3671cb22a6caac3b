import { outboxKeysNaming } from './keyRanges';
import {
  EMPTY_FUNNEL,
  type FunnelStep,
  type Job,
  type JobFunnel,
  type JobInput,
  type Referral,
  type ReferralInput,
  type ReferralMove,
} from '../jobs/types';
import { toJob, toReferral, jobColumns, referralColumns, type JobRow } from './jobRows';
import { CHUNK } from './chunks';
import { StoreBacked } from './storeBacked';

/** SQL for roles, their tags, the comeback funnel and referrals. */
export class JobRepository extends StoreBacked {
  /** Saves the role, its tags and its 'posted' funnel step together; returns its id. */
  async insert(input: JobInput, postedBy: string, now: Date): Promise<number> {
    const at = now.toISOString();
    return this.store.transaction(async () => {
      const { id } = await this.sql
        .insertInto('jobs')
        .values({ ...jobColumns(input), posted_by: postedBy, created_at: at })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (input.tags.length > 0)
        await this.sql
          .insertInto('job_tags')
          .values(input.tags.map((tag) => ({ job_id: id, tag })))
          .onConflict((conflict) => conflict.doNothing())
          .execute();
      await this.recordStep(id, postedBy, 'posted', now);
      return id;
    });
  }

  /** An edit: every column the form writes, and the tags replaced. */
  async update(id: number, input: Omit<JobInput, 'channel'>): Promise<void> {
    // The channel stays: the card, its answers and its audience belong to it.
    const { card_channel: _stays, ...columns } = jobColumns({ ...input, channel: '' });
    await this.store.transaction(async () => {
      await this.sql.updateTable('jobs').set(columns).where('id', '=', id).execute();
      await this.sql.deleteFrom('job_tags').where('job_id', '=', id).execute();
      if (input.tags.length > 0)
        await this.sql
          .insertInto('job_tags')
          .values([...new Set(input.tags)].map((tag) => ({ job_id: id, tag })))
          .execute();
    });
  }

  async get(id: number): Promise<Job | undefined> {
    const row = await this.sql.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
    return row === undefined ? undefined : (await this.withTags([row]))[0];
  }

  /** The rows as roles, with their tags read in one query per few hundred roles. */
  private async withTags(rows: readonly JobRow[]): Promise<Job[]> {
    const tags = new Map<number, string[]>();
    const ids = rows.map((row) => row.id);
    for (let offset = 0; offset < ids.length; offset += CHUNK) {
      const found = await this.sql
        .selectFrom('job_tags')
        .select(['job_id', 'tag'])
        .where('job_id', 'in', ids.slice(offset, offset + CHUNK))
        .orderBy('job_id')
        .orderBy('tag')
        .execute();
      for (const { job_id, tag } of found) {
        const list = tags.get(job_id);
        if (list === undefined) tags.set(job_id, [tag]);
        else list.push(tag);
      }
    }
    return rows.map((row) => toJob(row, tags.get(row.id) ?? []));
  }

  async setCard(id: number, channel: string, ts: string): Promise<void> {
    await this.recordCard('jobs', id, channel, ts);
  }

  /** True only for the caller that closed it. */
  async close(id: number, now: Date): Promise<boolean> {
    const result = await this.sql
      .updateTable('jobs')
      .set({ status: 'closed', closed_at: now.toISOString() })
      .where('id', '=', id)
      .where('status', '=', 'open')
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  /** Opens a closed role again (a filled one stays filled); false when it was not closed. */
  async reopen(id: number): Promise<boolean> {
    const result = await this.sql
      .updateTable('jobs')
      .set({ status: 'open', closed_at: null })
      .where('id', '=', id)
      .where('status', '=', 'closed')
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  /** Marks the role filled (from open or closed); false when it already was. */
  async fill(id: number, now: Date): Promise<boolean> {
    const result = await this.sql
      .updateTable('jobs')
      .set((eb) => ({ status: 'filled', closed_at: eb.fn.coalesce('closed_at', eb.val(now.toISOString())) }))
      .where('id', '=', id)
      .where('status', '<>', 'filled')
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  async open(): Promise<Job[]> {
    const rows = await this.sql
      .selectFrom('jobs')
      .selectAll()
      .where('status', '=', 'open')
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    return this.withTags(rows);
  }

  /** Open roles whose last day is before `today` (YYYY-MM-DD): closes_on is a local date, open through that whole day. */
  async expired(today: string): Promise<Job[]> {
    const rows = await this.sql
      .selectFrom('jobs')
      .selectAll()
      .where('status', '=', 'open')
      .where('closes_on', 'is not', null)
      .where('closes_on', '<', today)
      .orderBy('id')
      .execute();
    return this.withTags(rows);
  }

  /** True when the step was recorded now; false when the member already had it for this role. */
  async recordStep(jobId: number, userId: string | null, step: FunnelStep, now: Date): Promise<boolean> {
    // funnel_once_per_member makes a repeated curious / apply_click / hired a no-op.
    const result = await this.sql
      .insertInto('funnel_events')
      .values({ job_id: jobId, user_id: userId, step, at: now.toISOString() })
      .onConflict((conflict) => conflict.doNothing())
      .executeTakeFirst();
    return result.numInsertedOrUpdatedRows === 1n;
  }

  async hasStep(jobId: number, userId: string, step: FunnelStep): Promise<boolean> {
    const row = await this.sql
      .selectFrom('funnel_events')
      .select('id')
      .where('job_id', '=', jobId)
      .where('user_id', '=', userId)
      .where('step', '=', step)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  /**
   * Members once per step (as the stats report counts them: a digest may show a role twice); rows
   * of erased members (NULL) each count as one; referrals are counted one by one.
   */
  async funnel(jobId: number): Promise<JobFunnel> {
    const rows = await this.sql
      .selectFrom('funnel_events')
      .select((eb) => [
        'step',
        eb.fn.countAll<number>().as('rows'),
        eb.fn.count<number>('user_id').distinct().as('members'),
        eb.fn.sum<number>(eb.case().when('user_id', 'is', null).then(1).else(0).end()).as('erased'),
      ])
      .where('job_id', '=', jobId)
      .groupBy('step')
      .execute();
    const counts = new Map(
      rows.map((row) => [
        row.step,
        row.step === 'referral' ? Number(row.rows) : Number(row.members) + Number(row.erased),
      ]),
    );
    return {
      ...EMPTY_FUNNEL,
      shown: counts.get('shown') ?? 0,
      curious: counts.get('curious') ?? 0,
      applyClicks: counts.get('apply_click') ?? 0,
      referrals: counts.get('referral') ?? 0,
      hired: counts.get('hired') ?? 0,
    };
  }

  /** Saves the referral and its 'referral' funnel step together; returns its id. */
  async insertReferral(jobId: number, referrer: string, input: ReferralInput, now: Date): Promise<number> {
    const at = now.toISOString();
    return this.store.transaction(async () => {
      const { id } = await this.sql
        .insertInto('referrals')
        .values({ ...referralColumns(input), job_id: jobId, referrer, created_at: at })
        .returning('id')
        .executeTakeFirstOrThrow();
      await this.recordStep(jobId, referrer, 'referral', now);
      return id;
    });
  }

  async referral(id: number): Promise<Referral | undefined> {
    return this.rowWhere('referrals', 'id', id, toReferral);
  }

  /** True only when the status changed (a double click moves it once). */
  async moveReferral(id: number, status: ReferralMove, now: Date): Promise<boolean> {
    const result = await this.sql
      .updateTable('referrals')
      .set({ status, updated_at: now.toISOString() })
      .where('id', '=', id)
      .where('status', '<>', status)
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  async exportMember(
    userId: string,
  ): Promise<{ funnelSteps: unknown[]; referralsMade: unknown[]; roles: unknown[] }> {
    const funnelSteps = await this.sql
      .selectFrom('funnel_events as f')
      .innerJoin('jobs as j', 'j.id', 'f.job_id')
      .select(['f.job_id', 'j.title', 'f.step', 'f.at'])
      .where('f.user_id', '=', userId)
      .orderBy('f.at')
      .orderBy('f.id')
      .execute();
    const referralsMade = await this.sql
      .selectFrom('referrals as r')
      .innerJoin('jobs as j', 'j.id', 'r.job_id')
      .select([
        'r.id',
        'r.job_id',
        'j.title',
        'r.candidate_name',
        'r.contact',
        'r.relationship',
        'r.note',
        'r.status',
        'r.created_at',
        'r.updated_at',
      ])
      .where('r.referrer', '=', userId)
      .orderBy('r.id')
      .execute();
    const roles = await this.sql
      .selectFrom('jobs')
      .select(['id', 'title', 'status', 'created_at', 'recruiter', 'posted_by'])
      .where((eb) => eb.or([eb('recruiter', '=', userId), eb('posted_by', '=', userId)]))
      .orderBy('id')
      .execute();
    return {
      funnelSteps,
      referralsMade,
      // Whether they recruit for it or posted it; compared here, as engines differ in how they return booleans.
      roles: roles.map((row) => ({
        id: row.id,
        title: row.title,
        status: row.status,
        created_at: row.created_at,
        recruiter: row.recruiter === userId,
        posted: row.posted_by === userId,
      })),
    };
  }

  /**
   * Privacy erasure: the member's funnel steps and referrals stay (HR's counts stay true) without
   * their name or their words about the candidate; roles they posted or recruit for lose it too;
   * queued DMs naming them go. Returns the roles whose card named them as recruiter.
   */
  async eraseMember(userId: string): Promise<{ jobCards: number[] }> {
    return this.store.transaction(async () => {
      const cards = await this.sql
        .selectFrom('jobs')
        .select('id')
        .where('recruiter', '=', userId)
        .where('card_ts', 'is not', null)
        .orderBy('id')
        .execute();
      await this.sql
        .updateTable('funnel_events')
        .set({ user_id: null })
        .where('user_id', '=', userId)
        .execute();
      // How they know the candidate and their note are the referrer's own words; the candidate's
      // name and how to reach them stay with HR.
      await this.sql
        .updateTable('referrals')
        .set({ referrer: null, relationship: null, note: null })
        .where('referrer', '=', userId)
        .execute();
      await this.sql.updateTable('jobs').set({ recruiter: null }).where('recruiter', '=', userId).execute();
      await this.sql.updateTable('jobs').set({ posted_by: null }).where('posted_by', '=', userId).execute();
      // DMs this module queued for someone else that name the member: their key ends with ":<member>"
      // (job:<id>:curious:<member>, job:<id>:referral:<rid>:<member>). DMs addressed to the member
      // themselves are the outbox's own forgetMember().
      await this.sql
        .deleteFrom('outbox')
        .where((eb) => outboxKeysNaming(eb, 'job:', userId))
        .where('status', '<>', 'sending')
        .execute();
      return { jobCards: cards.map((row) => row.id) };
    });
  }
}
