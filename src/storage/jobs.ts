import type { Db } from './database';
import type { Store } from './store';
import {
  EMPTY_FUNNEL,
  employmentTypeSchema,
  jobStatusSchema,
  referralStatusSchema,
  workStyleSchema,
  type FunnelStep,
  type Job,
  type JobFunnel,
  type JobInput,
  type Referral,
  type ReferralInput,
  type ReferralMove,
} from '../jobs/types';

interface JobRow {
  id: number;
  title: string;
  team: string | null;
  location: string | null;
  work_style: string;
  employment_type: string;
  description: string | null;
  apply_url: string;
  recruiter: string | null;
  posted_by: string | null;
  closes_on: string | null;
  status: string;
  created_at: string;
  closed_at: string | null;
  card_channel: string | null;
  card_ts: string | null;
}

interface ReferralRow {
  id: number;
  job_id: number;
  referrer: string | null;
  candidate_name: string;
  contact: string;
  relationship: string | null;
  note: string | null;
  status: string;
  created_at: string;
  updated_at: string | null;
}

/** SQL for roles, their tags, the comeback funnel and referrals. */
export class JobRepository {
  private readonly s;

  constructor(
    private readonly db: Db,
    private readonly store: Store,
  ) {
    this.s = {
      insert: db.prepare(
        `INSERT INTO jobs (title, team, location, work_style, employment_type, description, apply_url, recruiter, posted_by,
           closes_on, created_at, card_channel)
         VALUES (@title, @team, @location, @workStyle, @employmentType, @description, @applyUrl, @recruiter, @postedBy,
           @closesOn, @now, @channel)`,
      ),
      addTag: db.prepare('INSERT INTO job_tags (job_id, tag) VALUES (?, ?) ON CONFLICT DO NOTHING'),
      get: db.prepare<[number], JobRow>('SELECT * FROM jobs WHERE id = ?'),
      tags: db.prepare<[number], { tag: string }>('SELECT tag FROM job_tags WHERE job_id = ? ORDER BY tag'),
      setCard: db.prepare('UPDATE jobs SET card_channel = ?, card_ts = ? WHERE id = ?'),
      close: db.prepare("UPDATE jobs SET status = 'closed', closed_at = ? WHERE id = ? AND status = 'open'"),
      fill: db.prepare(
        "UPDATE jobs SET status = 'filled', closed_at = coalesce(closed_at, @now) WHERE id = @id AND status <> 'filled'",
      ),
      open: db.prepare<[], JobRow>(
        "SELECT * FROM jobs WHERE status = 'open' ORDER BY created_at DESC, id DESC",
      ),
      // closes_on is a local date; the role stays open through that whole day.
      expired: db.prepare<[string], JobRow>(
        "SELECT * FROM jobs WHERE status = 'open' AND closes_on IS NOT NULL AND closes_on < ? ORDER BY id",
      ),
      funnel: db.prepare<{ userId: string | null; jobId: number; step: FunnelStep; at: string }>(
        // funnel_once_per_member makes a repeated curious / apply_click / hired a no-op.
        'INSERT INTO funnel_events (job_id, user_id, step, at) VALUES (@jobId, @userId, @step, @at) ON CONFLICT DO NOTHING',
      ),
      hasStep: db.prepare<[number, string, string], { n: number }>(
        'SELECT count(*) AS n FROM funnel_events WHERE job_id = ? AND user_id = ? AND step = ?',
      ),
      // Members once per step (as the stats report counts them: a digest may show a role twice);
      // rows of erased members (NULL) each count as one; referrals are counted one by one.
      counts: db.prepare<[number], { step: string; n: number }>(
        `SELECT step, CASE WHEN step = 'referral' THEN count(*) ELSE count(DISTINCT user_id) + coalesce(sum(user_id IS NULL), 0) END AS n
         FROM funnel_events WHERE job_id = ? GROUP BY step`,
      ),
      insertReferral: db.prepare(
        `INSERT INTO referrals (job_id, referrer, candidate_name, contact, relationship, note, created_at)
         VALUES (@jobId, @referrer, @candidateName, @contact, @relationship, @note, @now)`,
      ),
      getReferral: db.prepare<[number], ReferralRow>('SELECT * FROM referrals WHERE id = ?'),
      moveReferral: db.prepare(
        'UPDATE referrals SET status = ?, updated_at = ? WHERE id = ? AND status <> ?',
      ),
      exportFunnel: db.prepare<[string], { job_id: number; title: string; step: string; at: string }>(
        `SELECT f.job_id, j.title, f.step, f.at FROM funnel_events f JOIN jobs j ON j.id = f.job_id
         WHERE f.user_id = ? ORDER BY f.at, f.id`,
      ),
      exportReferrals: db.prepare<[string], Record<string, unknown>>(
        `SELECT r.id, r.job_id, j.title, r.candidate_name, r.contact, r.relationship, r.note, r.status, r.created_at, r.updated_at
         FROM referrals r JOIN jobs j ON j.id = r.job_id WHERE r.referrer = ? ORDER BY r.id`,
      ),
      exportRoles: db.prepare<{ user: string }, Record<string, unknown>>(
        `SELECT id, title, status, created_at, recruiter = @user AS recruiter, posted_by = @user AS posted
         FROM jobs WHERE recruiter = @user OR posted_by = @user ORDER BY id`,
      ),
      forgetFunnel: db.prepare('UPDATE funnel_events SET user_id = NULL WHERE user_id = ?'),
      // How they know the candidate and their note are the referrer's own words; the candidate's name
      // and how to reach them stay with HR.
      forgetReferrer: db.prepare(
        'UPDATE referrals SET referrer = NULL, relationship = NULL, note = NULL WHERE referrer = ?',
      ),
      cardsNaming: db.prepare<[string], { id: number }>(
        'SELECT id FROM jobs WHERE recruiter = ? AND card_ts IS NOT NULL ORDER BY id',
      ),
      forgetRecruiter: db.prepare('UPDATE jobs SET recruiter = NULL WHERE recruiter = ?'),
      forgetPoster: db.prepare('UPDATE jobs SET posted_by = NULL WHERE posted_by = ?'),
      // DMs this module queued for someone else that name the member: their key ends with ":<member>"
      // (job:<id>:curious:<member>, job:<id>:referral:<rid>:<member>). DMs addressed to the member
      // themselves are the outbox's own forgetMember().
      forgetOutbox: db.prepare(
        "DELETE FROM outbox WHERE key >= 'job:' AND key < 'job;' AND key LIKE '%:' || ? AND status <> 'sending'",
      ),
    };
  }

  /** Saves the role and its 'posted' funnel step together. */
  insert(input: JobInput, postedBy: string, now: Date): number {
    return this.db.transaction(() => {
      const at = now.toISOString();
      const result = this.s.insert.run({
        title: input.title,
        team: input.team,
        location: input.location,
        workStyle: input.workStyle,
        employmentType: input.employmentType,
        description: input.description,
        applyUrl: input.applyUrl,
        recruiter: input.recruiter,
        postedBy,
        closesOn: input.closesOn,
        now: at,
        channel: input.channel,
      });
      const id = Number(result.lastInsertRowid);
      for (const tag of input.tags) this.s.addTag.run(id, tag);
      this.s.funnel.run({ jobId: id, userId: postedBy, step: 'posted', at });
      return id;
    })();
  }

  get(id: number): Job | undefined {
    const row = this.s.get.get(id);
    return row === undefined ? undefined : this.toJob(row);
  }

  private toJob(row: JobRow): Job {
    const status = jobStatusSchema.safeParse(row.status);
    const workStyle = workStyleSchema.safeParse(row.work_style);
    const employmentType = employmentTypeSchema.safeParse(row.employment_type);
    return {
      id: row.id,
      title: row.title,
      team: row.team,
      location: row.location,
      // The CHECK constraints keep these valid; the fallbacks only satisfy the type checker.
      workStyle: workStyle.success ? workStyle.data : 'onsite',
      employmentType: employmentType.success ? employmentType.data : 'full_time',
      description: row.description,
      applyUrl: row.apply_url,
      tags: this.s.tags.all(row.id).map((r) => r.tag),
      recruiter: row.recruiter,
      postedBy: row.posted_by,
      closesOn: row.closes_on,
      status: status.success ? status.data : 'closed',
      createdAt: new Date(row.created_at),
      closedAt: row.closed_at === null ? null : new Date(row.closed_at),
      cardChannel: row.card_channel,
      cardTs: row.card_ts,
    };
  }

  setCard(id: number, channel: string, ts: string): void {
    this.s.setCard.run(channel, ts, id);
  }

  /** True only for the caller that closed it. */
  close(id: number, now: Date): boolean {
    return this.s.close.run(now.toISOString(), id).changes === 1;
  }

  /** Marks the role filled (from open or closed); false when it already was. */
  fill(id: number, now: Date): boolean {
    return this.s.fill.run({ id, now: now.toISOString() }).changes === 1;
  }

  open(): Job[] {
    return this.s.open.all().map((row) => this.toJob(row));
  }

  /** Open roles whose last day is before `today` (YYYY-MM-DD). */
  expired(today: string): Job[] {
    return this.s.expired.all(today).map((row) => this.toJob(row));
  }

  /** True when the step was recorded now; false when the member already had it for this role. */
  recordStep(jobId: number, userId: string | null, step: FunnelStep, now: Date): boolean {
    return this.s.funnel.run({ jobId, userId, step, at: now.toISOString() }).changes === 1;
  }

  hasStep(jobId: number, userId: string, step: FunnelStep): boolean {
    return (this.s.hasStep.get(jobId, userId, step)?.n ?? 0) > 0;
  }

  funnel(jobId: number): JobFunnel {
    const counts = new Map(this.s.counts.all(jobId).map((row) => [row.step, row.n]));
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
  insertReferral(jobId: number, referrer: string, input: ReferralInput, now: Date): number {
    return this.db.transaction(() => {
      const at = now.toISOString();
      const result = this.s.insertReferral.run({ jobId, referrer, ...input, now: at });
      this.s.funnel.run({ jobId, userId: referrer, step: 'referral', at });
      return Number(result.lastInsertRowid);
    })();
  }

  referral(id: number): Referral | undefined {
    const row = this.s.getReferral.get(id);
    if (row === undefined) return undefined;
    const status = referralStatusSchema.safeParse(row.status);
    return {
      id: row.id,
      jobId: row.job_id,
      referrer: row.referrer,
      candidateName: row.candidate_name,
      contact: row.contact,
      relationship: row.relationship,
      note: row.note,
      status: status.success ? status.data : 'new',
      createdAt: new Date(row.created_at),
      updatedAt: row.updated_at === null ? null : new Date(row.updated_at),
    };
  }

  /** True only when the status changed (a double click moves it once). */
  moveReferral(id: number, status: ReferralMove, now: Date): boolean {
    return this.s.moveReferral.run(status, now.toISOString(), id, status).changes === 1;
  }

  exportMember(userId: string): { funnelSteps: unknown[]; referralsMade: unknown[]; roles: unknown[] } {
    return {
      funnelSteps: this.s.exportFunnel.all(userId),
      referralsMade: this.s.exportReferrals.all(userId),
      roles: this.s.exportRoles
        .all({ user: userId })
        .map((row) => ({ ...row, recruiter: row.recruiter === 1, posted: row.posted === 1 })),
    };
  }

  /**
   * Privacy erasure: the member's funnel steps and referrals stay (HR's counts stay true) without
   * their name or their words about the candidate; roles they posted or recruit for lose it too;
   * queued DMs naming them go. Returns the roles whose card named them as recruiter.
   */
  eraseMember(userId: string): { jobCards: number[] } {
    return this.db.transaction(() => {
      const jobCards = this.s.cardsNaming.all(userId).map((row) => row.id);
      this.s.forgetFunnel.run(userId);
      this.s.forgetReferrer.run(userId);
      this.s.forgetRecruiter.run(userId);
      this.s.forgetPoster.run(userId);
      this.s.forgetOutbox.run(userId);
      return { jobCards };
    })();
  }

  transaction<T>(work: () => Promise<T>): Promise<T> {
    return this.store.transaction(work);
  }
}
