import type { AudienceService } from '../audience/service';
import type { Clock } from '../clock';
import type { Locale } from '../i18n';
import type { Logger } from '../logger';
import type { Profile } from '../members/types';
import type { RoleService } from '../roles/service';
import type { OutboxMessage, ScheduleRequest } from '../scheduler/types';
import type { JobRepository } from '../storage/jobs';
import type { ViewSubmissionRepository } from '../storage/viewSubmissions';
import type { Disclosure, Job, Referral } from './types';

/* What the jobs service needs from the rest of the app, and what it answers a curious member with. */

/** The part of the outbox the jobs module uses. */
export interface JobOutboxPort {
  schedule(request: ScheduleRequest): Promise<boolean>;
}

/** A curious member as the recruiter may see them. */
export interface CuriousMember {
  readonly userId: string;
  /** The workspace, for the "Message" deep link; unknown when Slack did not say. */
  readonly teamId: string | undefined;
  readonly disclosure: Disclosure;
  /** Only when the disclosure is 'profile'. */
  readonly profile: Profile | undefined;
  /** Whether the member filled in anything (so "private" is not said of an empty profile). */
  readonly hasProfile: boolean;
  /** The member's interests that the role is tagged with (empty unless the profile may be shown). */
  readonly sharedTags: readonly string[];
}

/** Words of the DMs the jobs module sends, supplied by the Slack layer so that rules stay free of Block Kit. */
export interface JobMessages {
  curious(job: Job, member: CuriousMember, locale: Locale): OutboxMessage;
  referral(job: Job, referral: Referral, locale: Locale): OutboxMessage;
  referralMoved(job: Job, referral: Referral, locale: Locale): OutboxMessage;
}

export interface JobDeps {
  readonly repository: JobRepository;
  /** One role or referral per modal submission, however often it arrives. */
  readonly submissions: ViewSubmissionRepository;
  readonly roles: RoleService;
  /** Who may see and answer a role whose card is in a private channel. */
  readonly audience: AudienceService;
  /** JOBS_CHANNEL_ID: the operator chose it, so posting there needs no membership check. */
  readonly jobsChannel: string | undefined;
  readonly outbox: JobOutboxPort;
  readonly messages: JobMessages;
  readonly localeOf: (userId: string) => Promise<Locale>;
  readonly profileOf: (userId: string) => Promise<Profile | undefined>;
  /** Called after the planner closed a role, to update its card (Slack lives outside the domain). */
  readonly onAutoClosed: (job: Job) => Promise<void>;
  readonly timeZone: string;
  readonly clock: Clock;
  readonly logger: Logger;
}

export interface CuriousResult {
  readonly job: Job;
  /** Who was told: the recruiter, else whoever posted the role; null when both erased their data. */
  readonly recipient: string | null;
  readonly disclosure: Disclosure;
  /** The recipient had already been told about this member for this role (a second click). */
  readonly alreadyTold: boolean;
}
