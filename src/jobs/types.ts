import { z } from 'zod';

export const WORK_STYLES = ['onsite', 'hybrid', 'remote'] as const;
export type WorkStyle = (typeof WORK_STYLES)[number];
export const workStyleSchema = z.enum(WORK_STYLES);

export const EMPLOYMENT_TYPES = ['full_time', 'contract', 'part_time', 'advisor'] as const;
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];
export const employmentTypeSchema = z.enum(EMPLOYMENT_TYPES);

export const JOB_STATUSES = ['open', 'closed', 'filled'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];
export const jobStatusSchema = z.enum(JOB_STATUSES);

/** Where HR can move a referral; 'new' is where every referral starts. */
export const REFERRAL_MOVES = ['contacted', 'interviewing', 'hired', 'closed'] as const;
export type ReferralMove = (typeof REFERRAL_MOVES)[number];
export type ReferralStatus = 'new' | ReferralMove;
export const referralStatusSchema = z.enum(['new', ...REFERRAL_MOVES]);

/** Steps of the comeback path. 'shown' is written by the digest module. */
export const FUNNEL_STEPS = ['posted', 'shown', 'curious', 'referral', 'apply_click', 'hired'] as const;
export type FunnelStep = (typeof FUNNEL_STEPS)[number];

export const JOB_LIMITS = { title: 150, team: 100, location: 100, description: 2000, url: 500 } as const;
export const REFERRAL_LIMITS = { name: 100, contact: 200, relationship: 100, note: 1000 } as const;

/** What the poster writes about a role, in the form and on its card. */
export interface JobDetails {
  readonly title: string;
  readonly team: string | null;
  readonly location: string | null;
  readonly workStyle: WorkStyle;
  readonly employmentType: EmploymentType;
  readonly description: string | null;
  readonly applyUrl: string;
  readonly tags: readonly string[];
  /** YYYY-MM-DD in DEFAULT_TIMEZONE; the role closes once that day is over. */
  readonly closesOn: string | null;
}

export interface JobInput extends JobDetails {
  readonly recruiter: string;
  /** The channel the card goes to (JOBS_CHANNEL_ID, or the one picked in the form). */
  readonly channel: string;
}

export interface Job extends JobDetails {
  readonly id: number;
  /** NULL once the recruiter erased their data. */
  readonly recruiter: string | null;
  readonly postedBy: string | null;
  readonly status: JobStatus;
  readonly createdAt: Date;
  readonly closedAt: Date | null;
  /** The channel the card is (or is to be) posted in; card_ts stays NULL until it is posted. */
  readonly cardChannel: string | null;
  readonly cardTs: string | null;
}

export interface ReferralInput {
  readonly candidateName: string;
  readonly contact: string;
  readonly relationship: string | null;
  readonly note: string | null;
}

export interface Referral extends ReferralInput {
  readonly id: number;
  readonly jobId: number;
  /** NULL once the referrer erased their data. */
  readonly referrer: string | null;
  readonly status: ReferralStatus;
  readonly createdAt: Date;
  readonly updatedAt: Date | null;
}

/** Per role, each step counted once per member (see the funnel_once_per_member index). */
export interface JobFunnel {
  readonly shown: number;
  readonly curious: number;
  readonly applyClicks: number;
  readonly referrals: number;
  readonly hired: number;
}

export const EMPTY_FUNNEL: JobFunnel = { shown: 0, curious: 0, applyClicks: 0, referrals: 0, hired: 0 };

/** Field-level problems in the role form, as codes the Slack layer turns into words. */
export type JobFieldProblem =
  | { readonly field: 'title'; readonly problem: 'empty' | 'too_long' }
  | { readonly field: 'team' | 'location' | 'description'; readonly problem: 'too_long' }
  | {
      readonly field: 'work_style' | 'employment_type' | 'recruiter' | 'channel';
      readonly problem: 'missing';
    }
  | { readonly field: 'apply_url'; readonly problem: 'missing' | 'invalid' }
  | { readonly field: 'closes_on'; readonly problem: 'invalid' | 'in_past' };

export type ReferralFieldProblem =
  | { readonly field: 'name' | 'contact'; readonly problem: 'empty' | 'too_long' }
  | { readonly field: 'relationship' | 'note'; readonly problem: 'too_long' };

/** How much of a curious member's profile the recruiter may see. */
export type Disclosure = 'profile' | 'name_only';

/** The role is no longer open: curious, referrals and apply clicks are closed. */
export class JobNotOpen extends Error {
  readonly code = 'job_not_open' as const;
  constructor(readonly status: Exclude<JobStatus, 'open'>) {
    super(`job is ${status}`);
  }
}

/** Moving a referral on is for the role's recruiter, HR and admins. */
export class NotRecruiter extends Error {
  readonly code = 'not_recruiter' as const;
  constructor() {
    super('only the recruiter, HR or an admin may move a referral');
  }
}
