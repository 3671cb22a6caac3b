import { ChannelRefused } from '../audience/types';
import { NotFound } from '../notFound';
import { pageOf, type Page, type PageStart } from '../paging';
import {
  JobNotOpen,
  NotRecruiter,
  type Disclosure,
  type Job,
  type JobFunnel,
  type JobInput,
  type Referral,
  type ReferralInput,
  type ReferralMove,
} from './types';
import { checkReferral, localDate } from './rules';
import type { CuriousMember, CuriousResult, JobDeps } from './deps';
import { RepositoryBacked } from '../serviceBase';

export type { CuriousMember, CuriousResult, JobDeps, JobMessages, JobOutboxPort } from './deps';

/**
 * Roles HR posts and the comeback path around them: curious signals, referrals, apply clicks and
 * hires, each recorded as a funnel step. HR's permissions are checked here, not only in the UI.
 */
export class JobService extends RepositoryBacked<JobDeps> {
  /** HR may post a card only in a channel they are a member of, or in JOBS_CHANNEL_ID. */
  private async requirePoster(actorId: string, channel: string): Promise<void> {
    if (channel === this.deps.jobsChannel) await this.deps.audience.track(channel);
    else {
      const check = await this.deps.audience.checkPoster(actorId, channel);
      if (check !== 'member') throw new ChannelRefused(check);
    }
  }

  /** Today in the community's zone, as the form and the planner compare close dates. */
  today(): string {
    return localDate(this.deps.clock.now(), this.deps.timeZone);
  }

  async get(id: number): Promise<Job> {
    const job = await this.repo.get(id);
    if (job === undefined) throw new NotFound('role', id);
    return job;
  }

  /** The role, for a member who may see it (its card's channel decides); NotInAudience otherwise. */
  async viewable(userId: string, id: number): Promise<Job> {
    const job = await this.get(id);
    await this.deps.audience.require(userId, job.cardChannel, 'role');
    return job;
  }

  /**
   * The role, for HR who may see it: close, hired, post, contacts and talent on a role in a private
   * channel are for HR in that channel (admins too: no role is exempt). NotInAudience otherwise.
   */
  async manageable(actorId: string, id: number): Promise<Job> {
    await this.deps.roles.require(actorId, 'hr');
    return this.viewable(actorId, id);
  }

  /** An open role the member may answer (curious, refer, apply, a coffee chat). */
  async answerable(userId: string, id: number): Promise<Job> {
    const job = await this.viewable(userId, id);
    if (job.status !== 'open') throw new JobNotOpen(job.status);
    return job;
  }

  /**
   * HR may post a card only in a channel they are a member of (ChannelRefused otherwise); the
   * jobs channel the operator configured needs no check, but its audience is learnt all the same.
   * A second submission of the same form (`viewId`) returns the first one's role with `created: false`.
   */
  async create(actorId: string, input: JobInput, viewId?: string): Promise<{ job: Job; created: boolean }> {
    await this.deps.roles.require(actorId, 'hr');
    await this.requirePoster(actorId, input.channel);
    const now = this.deps.clock.now();
    const { id, first } = await this.deps.submissions.once(viewId, 'job', now, async () =>
      this.repo.insert(input, actorId, now),
    );
    return { job: await this.get(id), created: first };
  }

  /**
   * Saves an edit of a role HR may manage. The role stays in its channel: its card, answers and
   * audience belong there (the form shows the channel fixed; the caller refreshes the card).
   */
  async update(actorId: string, id: number, input: Omit<JobInput, 'channel'>): Promise<Job> {
    await this.manageable(actorId, id);
    await this.repo.update(id, input);
    return this.get(id);
  }

  /** Records where the card went, and makes sure that channel's audience is known. */
  async attachCard(id: number, channel: string, ts: string): Promise<void> {
    await this.repo.setCard(id, channel, ts);
    await this.deps.audience.track(channel);
  }

  /** Closes an open role; `changed` is false when it was already closed or filled. */
  async close(actorId: string, id: number): Promise<{ job: Job; changed: boolean }> {
    await this.manageable(actorId, id);
    const changed = await this.repo.close(id, this.deps.clock.now());
    return { job: await this.get(id), changed };
  }

  /** Opens a closed role again; `changed` is false when it was not closed (open, or filled). */
  async reopen(actorId: string, id: number): Promise<{ job: Job; changed: boolean }> {
    await this.manageable(actorId, id);
    const changed = await this.repo.reopen(id);
    return { job: await this.get(id), changed };
  }

  /**
   * Records a comeback hire: the role becomes filled (from open or closed) and the member's
   * 'hired' step is written once. A second hire for the same role (two openings) is recorded too.
   */
  async hired(
    actorId: string,
    id: number,
    userId: string,
  ): Promise<{ job: Job; recorded: boolean; filledNow: boolean }> {
    await this.manageable(actorId, id);
    const now = this.deps.clock.now();
    const { recorded, filledNow } = await this.repo.transaction(async () => {
      // One after the other: both run on the transaction's one connection.
      const filled = await this.repo.fill(id, now);
      return { filledNow: filled, recorded: await this.repo.recordStep(id, userId, 'hired', now) };
    });
    return { job: await this.get(id), recorded, filledNow };
  }

  /**
   * "I'm curious": a soft signal, not an application. The recruiter gets one DM per member and role
   * (the outbox key says so), showing only what the member's visibility allows that recruiter to see.
   */
  async curious(userId: string, jobId: number, teamId: string | undefined): Promise<CuriousResult> {
    const job = await this.answerable(userId, jobId);
    const now = this.deps.clock.now();
    await this.repo.recordStep(jobId, userId, 'curious', now);
    const recipient = job.recruiter ?? job.postedBy;
    if (recipient === null) return { job, recipient, disclosure: 'name_only', alreadyTold: false };
    const disclosure = await this.disclosure(userId, recipient);
    const stored = await this.deps.profileOf(userId);
    const profile = disclosure === 'profile' ? stored : undefined;
    const interests = new Set(profile?.interests ?? []);
    const member: CuriousMember = {
      userId,
      teamId,
      disclosure,
      profile,
      hasProfile: stored !== undefined && (stored.profileUpdatedAt !== null || stored.interests.length > 0),
      sharedTags: job.tags.filter((tag) => interests.has(tag)),
    };
    const locale = await this.deps.localeOf(recipient);
    const scheduled = await this.deps.outbox.schedule({
      kind: 'job_curious',
      key: `job:${jobId}:curious:${userId}`,
      channel: recipient,
      message: this.deps.messages.curious(job, member, locale),
      dueAt: now,
      notifyOnFailure: userId,
    });
    return { job, recipient, disclosure, alreadyTold: !scheduled };
  }

  /**
   * What a recruiter may see of a member: 'all' shows the profile to anyone; 'staff' only to a
   * recruiter who holds the HR (or admin) role, since a hiring manager is not staff; 'nobody' never.
   * The member's name (a mention) is always shown: pressing "I'm curious" is asking to be known.
   */
  async disclosure(memberId: string, recruiterId: string): Promise<Disclosure> {
    const profile = await this.deps.profileOf(memberId);
    if (profile === undefined) return 'name_only';
    switch (profile.visibility) {
      case 'all':
        return 'profile';
      case 'staff':
        return (await this.deps.roles.has(recruiterId, 'hr')) ? 'profile' : 'name_only';
      case 'nobody':
        return 'name_only';
    }
  }

  async hasBeenCurious(userId: string, jobId: number): Promise<boolean> {
    return this.repo.hasStep(jobId, userId, 'curious');
  }

  /**
   * A referral for an open role, sent to its recruiter (or poster) by DM once. A second
   * submission of the same form (`viewId`) records nothing and sends nothing: `created: false`.
   */
  async refer(
    userId: string,
    jobId: number,
    input: ReferralInput,
    viewId?: string,
  ): Promise<{ job: Job; referral: Referral; recipient: string | null; created: boolean }> {
    const job = await this.answerable(userId, jobId);
    if (checkReferral(input).length > 0) throw new RangeError('referral input was not checked');
    const now = this.deps.clock.now();
    const { id, first } = await this.deps.submissions.once(viewId, 'referral', now, async () =>
      this.repo.insertReferral(jobId, userId, input, now),
    );
    const referral = await this.referral(id);
    const recipient = job.recruiter ?? job.postedBy;
    if (!first) return { job, referral, recipient, created: false };
    if (recipient !== null) {
      const locale = await this.deps.localeOf(recipient);
      await this.deps.outbox.schedule({
        kind: 'job_referral',
        key: `job:${jobId}:referral:${id}:${userId}`,
        channel: recipient,
        message: this.deps.messages.referral(job, referral, locale),
        dueAt: now,
        notifyOnFailure: userId,
      });
    }
    return { job, referral, recipient, created: true };
  }

  async referral(id: number): Promise<Referral> {
    const referral = await this.repo.referral(id);
    if (referral === undefined) throw new NotFound('referral', id);
    return referral;
  }

  /**
   * Whether the member may move this role's referrals on: its recruiter (HR named them, so they act
   * for the role wherever its card is), or HR and admins who may see the role.
   */
  async mayMoveReferrals(actorId: string, job: Job): Promise<boolean> {
    return (
      job.recruiter === actorId ||
      ((await this.deps.roles.has(actorId, 'hr')) &&
        (await this.deps.audience.mayView(actorId, job.cardChannel)))
    );
  }

  /**
   * Moves a referral on; the referrer is told each time it actually changes, while they may still
   * see the role (a referrer who left its private channel is not).
   */
  async moveReferral(
    actorId: string,
    referralId: number,
    status: ReferralMove,
  ): Promise<{ job: Job; referral: Referral; changed: boolean }> {
    const before = await this.referral(referralId);
    const job = await this.get(before.jobId);
    if (!(await this.mayMoveReferrals(actorId, job))) throw new NotRecruiter();
    const now = this.deps.clock.now();
    const changed = await this.repo.moveReferral(referralId, status, now);
    const referral = await this.referral(referralId);
    if (
      changed &&
      referral.referrer !== null &&
      (await this.deps.audience.mayView(referral.referrer, job.cardChannel))
    ) {
      const locale = await this.deps.localeOf(referral.referrer);
      await this.deps.outbox.schedule({
        kind: 'job_referral_moved',
        key: `job:${job.id}:referral:${referral.id}:moved:${status}:${now.toISOString()}`,
        channel: referral.referrer,
        message: this.deps.messages.referralMoved(job, referral, locale),
        dueAt: now,
      });
    }
    return { job, referral, changed };
  }

  /** An Apply click; counted once per member and role. Closed roles record nothing. */
  async applyClick(userId: string, jobId: number): Promise<boolean> {
    await this.answerable(userId, jobId);
    return this.repo.recordStep(jobId, userId, 'apply_click', this.deps.clock.now());
  }

  /**
   * Open roles the member may see, those matching their interests first (most shared tags), then
   * newest. A role past its close date is left out even before the planner has closed it.
   */
  async openFor(
    userId: string,
    interests: readonly string[],
    limit = 10,
  ): Promise<{ job: Job; matchedTags: string[] }[]> {
    return (await this.allOpenFor(userId, interests)).slice(0, limit);
  }

  /** One page of `openFor`: every role the member may see is on some page. */
  async openPageFor(
    userId: string,
    interests: readonly string[],
    start: PageStart<{ job: Job }>,
  ): Promise<Page<{ job: Job; matchedTags: string[] }>> {
    return pageOf(await this.allOpenFor(userId, interests), start);
  }

  private async allOpenFor(
    userId: string,
    interests: readonly string[],
  ): Promise<{ job: Job; matchedTags: string[] }[]> {
    const mine = new Set(interests);
    const today = this.today();
    return (await this.deps.audience.filterFor(userId, await this.repo.open(), (job) => job.cardChannel))
      .filter((job) => job.closesOn === null || job.closesOn >= today)
      .map((job) => ({ job, matchedTags: job.tags.filter((tag) => mine.has(tag)) }))
      .sort(
        (a, b) =>
          b.matchedTags.length - a.matchedTags.length ||
          b.job.createdAt.getTime() - a.job.createdAt.getTime() ||
          b.job.id - a.job.id,
      );
  }

  /**
   * A page of the open roles with their funnel counts, for HR; a role in a private channel only
   * for HR in it. Counts are read for the roles on the page only.
   */
  async openWithFunnel(actorId: string, offset = 0): Promise<Page<{ job: Job; funnel: JobFunnel }>> {
    await this.deps.roles.require(actorId, 'hr');
    const page = pageOf(
      await this.deps.audience.filterFor(actorId, await this.repo.open(), (job) => job.cardChannel),
      { offset },
    );
    const withFunnel: { job: Job; funnel: JobFunnel }[] = [];
    for (const job of page.items) withFunnel.push({ job, funnel: await this.repo.funnel(job.id) });
    return { ...page, items: withFunnel };
  }

  async funnel(jobId: number): Promise<JobFunnel> {
    return this.repo.funnel(jobId);
  }

  /**
   * Planner: closes every open role whose close date is over (in the community's zone), then has
   * its card updated. Closing is conditional, so two processes close (and update) a role once.
   */
  async closeExpired(now: Date): Promise<Job[]> {
    const today = localDate(now, this.deps.timeZone);
    const jobs: Job[] = [];
    for (const expired of await this.repo.expired(today))
      if (await this.repo.close(expired.id, now)) jobs.push(await this.get(expired.id));
    for (const job of jobs) {
      this.deps.logger.info(`job ${job.id} closed: its close date ${job.closesOn ?? ''} is over`);
      try {
        await this.deps.onAutoClosed(job);
      } catch (error) {
        this.deps.logger.warn(`job ${job.id}: card not updated after closing:`, error);
      }
    }
    return jobs;
  }
}
