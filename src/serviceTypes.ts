/** What the composition root builds (services.ts) and hands to the Slack layer. */
import type { Clock } from './clock';
import type { Config } from './config';
import type { LocaleService, SlackLocaleLookup } from './i18n/localeService';
import type { TagVocabulary } from './interests/tags';
import type { InterestService } from './interests/service';
import type { Logger } from './logger';
import type { MemberService } from './members/service';
import type { CommunityCharter } from './onboarding/community';
import type { OnboardingService } from './onboarding/service';
import type { PrivacyService } from './privacy/service';
import type { RoleService } from './roles/service';
import type { DeliveryMessenger } from './scheduler/messenger';
import type { Outbox } from './scheduler/outbox';
import type { Scheduler, SchedulerOptions } from './scheduler/scheduler';
import type { HandledEventRepository } from './storage/handledEvents';
import type { TaskTracker } from './tasks';
import type { EventService, EventMessages } from './events/service';
import type { AnnouncementService } from './announcements/service';
import type { Announcement } from './announcements/types';
import type { OutboxMessage } from './scheduler/types';
import type { StatsService } from './stats/service';
import type { HomeSections } from './home/service';
import type { DigestService, DigestMessages } from './digests/service';
import type { JobService, JobMessages } from './jobs/service';
import type { Job } from './jobs/types';
import type { IntroService, IntroMessages } from './intros/service';
import type { AvailabilityService, AvailabilityMessages } from './availability/service';
import type { CoffeeService, CoffeeMessages } from './coffee/service';
import type { AudienceService } from './audience/service';
import type { ChannelDirectory } from './audience/types';
import type { Engine } from './storage/kysely/open';
import type { Store } from './storage/store';
import type { AskService, AskMessages } from './asks/service';
import type { AskSummary } from './asks/types';
import type { CollabInputs, CollabService } from './collab/compose';
import type { StudyMessages, StudyService } from './study/compose';
import type { MentoringMessages, MentoringService } from './mentoring/compose';
import type { ModerationMessages, ModerationService } from './moderation/compose';
import type { ApprovalMessages, ApprovalService } from './approval/compose';
import type { ChapterService } from './chapters/service';
import type { SupporterService } from './supporters/compose';
import type { HostCredit } from './supporters/types';

/** Everything the Slack layer may call: services with their rules, never SQL. */
export interface Services {
  readonly config: Config;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly members: MemberService;
  /** Interest pairs admins add, and keeping stored tags on their vocabulary key. */
  readonly interests: InterestService;
  readonly roles: RoleService;
  readonly onboarding: OnboardingService;
  readonly privacy: PrivacyService;
  readonly locales: LocaleService;
  readonly handledEvents: HandledEventRepository;
  /** The transaction boundary of the data layer (for the composition root and tests; services own their SQL). */
  readonly store: Store;
  /** /healthz: does the database answer a trivial query in time? */
  databaseAnswers(): Promise<boolean>;
  readonly tasks: TaskTracker;
  /** Scheduled posts: schedule / scheduleSkipped / cancel / reschedule / find. */
  readonly outbox: Outbox;
  /** The cron tick; modules register planners with scheduler.addPlanner(name, planner). */
  readonly scheduler: Scheduler;
  readonly events: EventService;
  readonly announcements: AnnouncementService;
  /** Figures for organizers and HR: members, interests, events, the comeback funnel. */
  readonly stats: StatsService;
  readonly digests: DigestService;
  /** Roles HR posts, and the comeback funnel around them. */
  readonly jobs: JobService;
  /** Intros between alumni who opted in, every other week, with "Did you meet?". */
  readonly intros: IntroService;
  /** "Open to" flags that expire, their re-ask DM, and HR's talent search. */
  readonly availability: AvailabilityService;
  /** Coffee chats with a role's hiring team before applying. */
  readonly coffee: CoffeeService;
  /** Who may see items whose card is in a private channel. */
  readonly audience: AudienceService;
  /** Asks and offers between members, with the group DM a response opens. */
  readonly asks: AskService;
  readonly collab: CollabService;
  /** Study groups that form when enough members count themselves in. */
  readonly study: StudyService;
  /** Mentors' offers, requests handed on one mentor at a time, pairs and their check-ins. */
  readonly mentoring: MentoringService;
  /** What App Home shows of study groups and mentoring, hidden members unnamed. */
  readonly homeSections: HomeSections;
  /** Reports to moderators: members report messages, admins acknowledge, remind and resolve. */
  readonly moderation: ModerationService;
  /** Who may join: the one access check (agreed and approved), join requests, the eligible list. */
  readonly approval: ApprovalService;
  /** Chapters (issue 14 §4): cities, regions and professional groups with their leads. */
  readonly chapters: ChapterService;
  /** Supporters: proposals organizers approve or decline, and the "hosted by" credits. */
  readonly supporters: SupporterService;
}

export interface ServiceInputs {
  readonly config: Config;
  /** The SQLite file or the Postgres pool (src/storage/openEngine.ts). */
  readonly engine: Engine;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly vocabulary: TagVocabulary;
  readonly charter: CommunityCharter;
  readonly localeLookup: SlackLocaleLookup;
  /** Slack calls for scheduled delivery, over the bulk Web API client. */
  readonly messenger: DeliveryMessenger;
  readonly scheduler?: SchedulerOptions;
  /** Words of event reminders and notices (Block Kit lives in the Slack layer). */
  readonly eventMessages: EventMessages;
  readonly renderAnnouncement: (announcement: Announcement, credit: HostCredit | undefined) => OutboxMessage;
  readonly digestMessages: DigestMessages;
  /** Words of the DMs about roles (curious members, referrals). */
  readonly jobMessages: JobMessages;
  /** Updates a role's card after the planner closed it (Slack lives in the composition root). */
  readonly onJobAutoClosed: (job: Job) => Promise<void>;
  /** Words of the intro group DMs and "Did you meet?". */
  readonly introMessages: IntroMessages;
  /** Words of the availability re-ask DM. */
  readonly availabilityMessages: AvailabilityMessages;
  /** Words of the coffee-chat DMs and group DM. */
  readonly coffeeMessages: CoffeeMessages;
  /** Slack's answers about channels (privacy, members), for private-channel audiences. */
  readonly channelDirectory: ChannelDirectory;
  /** Words of the asks' group DM, reminder, lapse and thanks DMs. */
  readonly askMessages: AskMessages;
  /** Updates an ask's card after the planner lapsed it (Slack lives in the composition root). */
  readonly onAskLapsed: (summary: AskSummary, authorNamed: boolean) => Promise<void>;
  readonly collab: CollabInputs;
  /** Words of the study groups' channel post and DMs. */
  readonly studyMessages: StudyMessages;
  /** Words of the mentoring DMs: the ask to a mentor, the pair's group DM, the check-in. */
  readonly mentoringMessages: MentoringMessages;
  /** Words of the moderation DMs: the author's reminder, the reporter's "resolved". */
  readonly moderationMessages: ModerationMessages;
  /** Words of the DMs telling a newcomer an admin's decision on their request to join. */
  readonly approvalMessages: ApprovalMessages;
}
