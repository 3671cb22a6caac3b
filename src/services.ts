import { LocaleService } from './i18n/localeService';
import { InterestService } from './interests/service';
import { showTagsWith } from './interests/labels';
import { MemberService } from './members/service';
import { OnboardingService } from './onboarding/service';
import { memberData, PrivacyService } from './privacy/service';
import { RoleService } from './roles/service';
import { Outbox } from './scheduler/outbox';
import { Scheduler } from './scheduler/scheduler';
import { HandledEventRepository } from './storage/handledEvents';
import { LocaleRepository } from './storage/locales';
import { MemberRepository } from './storage/members';
import { MemberSearchRepository } from './storage/memberSearch';
import { OutboxRepository } from './storage/outbox';
import { RoleRepository } from './storage/roles';
import { ViewSubmissionRepository } from './storage/viewSubmissions';
import { TaskTracker } from './tasks';
import { EventService } from './events/service';
import { EventRepository } from './storage/events';
import { AnnouncementService } from './announcements/service';
import { AnnouncementRepository } from './storage/announcements';
import { StatsService } from './stats/service';
import { StatsRepository } from './storage/stats';
import { StudyReadRepository } from './storage/studyReads';
import { HomeSections } from './home/service';
import { DigestService } from './digests/service';
import { DigestRepository } from './storage/digests';
import { JobService } from './jobs/service';
import { JobRepository } from './storage/jobs';
import { IntroService } from './intros/service';
import { IntroRepository } from './storage/intros';
import { AvailabilityService } from './availability/service';
import { AvailabilityRepository } from './storage/availability';
import { NagLog } from './members/nags';
import { UnsolicitedDmLimit } from './members/dmLimit';
import { NagRepository } from './storage/nags';
import { DmDayRepository } from './storage/dmDays';
import { CoffeeService } from './coffee/service';
import { CoffeeRepository } from './storage/coffee';
import { AudienceService } from './audience/service';
import { AudienceRepository } from './storage/audience';
import { openSql } from './storage/kysely/open';
import { Store } from './storage/store';
import { LeaseRepository } from './storage/leases';
import { databaseAnswers } from './storage/probe';
import { SchedulerLease, workspaceLeaseName } from './scheduler/lease';
import { InterestTagRepository } from './storage/interestTags';
import { AskService } from './asks/service';
import { AskRepository } from './storage/asks';
import { composeCollab } from './collab/compose';
import { memberFacingDeps, type SharedParts } from './composeParts';
import { composeStudy } from './study/compose';
import { composeMentoring } from './mentoring/compose';
import { composeModeration } from './moderation/compose';
import { composeApproval } from './approval/compose';
import { ChapterService } from './chapters/service';
import { ChapterRepository } from './storage/chapters';
import { composeSupporters } from './supporters/compose';
import { mayPostDirectly } from './supporters/permissions';

export type { Services, ServiceInputs } from './serviceTypes';
import type { Services, ServiceInputs } from './serviceTypes';

export function createServices(inputs: ServiceInputs): Services {
  const { config, engine, clock, logger } = inputs;
  const sql = openSql(engine);
  const store = new Store(sql);
  const memberRepository = new MemberRepository(store);
  const roleRepository = new RoleRepository(store);
  const localeRepository = new LocaleRepository(store);
  const roles = new RoleService(roleRepository, config.adminUserIds, clock);
  const locales = new LocaleService(
    localeRepository,
    inputs.localeLookup,
    config.defaultLocale,
    clock,
    logger,
  );
  const outbox = new Outbox({
    repository: new OutboxRepository(store),
    messenger: inputs.messenger,
    clock,
    logger,
    localeOf: (userId) => locales.localeOf(userId),
    sleep: inputs.scheduler?.sleep,
    paceNow: inputs.scheduler?.paceNow,
    settings: {
      ...inputs.scheduler?.settings,
      pace: { ceilingPerSec: config.bulkPostsPerSecond, ...inputs.scheduler?.settings?.pace },
    },
    workerId: inputs.scheduler?.workerId,
  });
  const scheduler = new Scheduler(outbox.delivery, {
    clock,
    logger,
    expression: config.schedulerCron,
    timezone: config.defaultTimezone,
    cron: inputs.scheduler?.cron,
    lease: config.schedulerLease
      ? new SchedulerLease(
          new LeaseRepository(sql),
          workspaceLeaseName('scheduler'),
          outbox.workerId,
          config.schedulerLeaseSeconds * 1000,
          clock,
        )
      : undefined,
  });
  const audience = new AudienceService({
    repository: new AudienceRepository(store),
    directory: inputs.channelDirectory,
    clock,
    logger,
  });
  // First on each tick: the planners after it (reminders, digests) read who may see what.
  scheduler.addPlanner('channel audiences', (now) => audience.refresh(now));
  // Every view that prints a tag shows it in its reader's language (interests/labels.ts).
  showTagsWith(inputs.vocabulary);
  const interests = new InterestService({
    repository: new InterestTagRepository(store),
    store,
    vocabulary: inputs.vocabulary,
    roles,
    clock,
    logger,
  });
  // Before digests and intros, so that they match tags already moved to their keys.
  scheduler.addPlanner('interest tags', () => interests.tidy());
  const eventRepository = new EventRepository(store);
  const announcementRepository = new AnnouncementRepository(store);
  const submissions = new ViewSubmissionRepository(store);
  const dmDayRepository = new DmDayRepository(store);
  const dmLimit = new UnsolicitedDmLimit(dmDayRepository);
  const shared: SharedParts = {
    store,
    dmLimit,
    submissions,
    roles,
    outbox,
    scheduler,
    memberRepository,
    locales,
  };
  const study = composeStudy(inputs, shared);
  const chapterRepository = new ChapterRepository(store);
  const chapters = new ChapterService({
    repository: chapterRepository,
    roles,
    audience,
    clock,
    logger,
  });
  const hostsAsVolunteer = async (userId: string, channel: string): Promise<boolean> =>
    (await chapters.leadsIn(userId, channel)) ||
    (await mayPostDirectly(roles, userId, config.supportersPostDirectly));
  const events = new EventService({
    repository: eventRepository,
    submissions,
    roles,
    audience,
    outbox,
    messages: inputs.eventMessages,
    localeOf: (userId) => locales.localeOf(userId),
    // Without the organizer role: a study group's proposer hosts its sessions in its channel, a
    // chapter's lead its events in the chapter's channel, and a supporter, when
    // SUPPORTERS_POST_DIRECTLY=on, events anywhere they may post.
    hostsIn: async (userId, channel) =>
      (await study.service.hostsIn(userId, channel)) || (await hostsAsVolunteer(userId, channel)),
    defaultLocale: config.defaultLocale,
    timeZone: config.defaultTimezone,
    clock,
  });
  const announcements = new AnnouncementService({
    repository: announcementRepository,
    submissions,
    roles,
    audience,
    outbox,
    // A chapter's lead in the chapter's channel, a supporter posting directly anywhere they may post.
    hostsIn: hostsAsVolunteer,
    clock,
    logger,
    timeZone: config.defaultTimezone,
    render: inputs.renderAnnouncement,
    creditOf: (announcementId) => supporters.service.creditFor('announcement', announcementId),
  });
  const supporters = composeSupporters(inputs, {
    store,
    roles,
    audience,
    events,
    announcements,
    memberRepository,
  });
  scheduler.addPlanner('event reminders', (now) => events.planReminders(now));
  scheduler.addPlanner('announcements', (now) => announcements.plan(now));
  const jobRepository = new JobRepository(store);
  const jobs = new JobService({
    repository: jobRepository,
    submissions,
    roles,
    audience,
    jobsChannel: config.jobsChannelId,
    outbox,
    messages: inputs.jobMessages,
    localeOf: (userId) => locales.localeOf(userId),
    profileOf: (userId) => memberRepository.profile(userId),
    onAutoClosed: inputs.onJobAutoClosed,
    timeZone: config.defaultTimezone,
    clock,
    logger,
  });
  // Before digests, so that a role whose close date is over is closed before a digest could offer it.
  scheduler.addPlanner('jobs', (now) => jobs.closeExpired(now).then(() => undefined));
  const asks = new AskService({
    ...memberFacingDeps(inputs, shared),
    repository: new AskRepository(store),
    submissions,
    interestsOf: (userId) => memberRepository.interests(userId),
    outbox,
    messages: inputs.askMessages,
    onLapsed: inputs.onAskLapsed,
  });
  // Before digests, so that an item past its expiry has lapsed before a digest could offer it.
  scheduler.addPlanner('asks', (now) => asks.plan(now));
  const collab = composeCollab(inputs, { ...shared, asks });
  const mentoring = composeMentoring(inputs, shared);
  const moderation = composeModeration(inputs, shared);
  const digestRepository = new DigestRepository(store);
  const digests = new DigestService({
    repository: digestRepository,
    roles,
    audience,
    outbox,
    messages: inputs.digestMessages,
    knownLocalesOf: (userIds) => locales.knownLocalesOf(userIds),
    clock,
    logger,
    weeklyCron: config.digestCron,
    timeZone: config.defaultTimezone,
    pageSize: config.digestPageSize,
    asksFor: (recipients, since) => asks.picksFor(recipients, since),
    study: study.service,
    chapterChannelsOf: (userIds) => chapters.channelsOf(userIds),
  });
  scheduler.addPlanner('digests', (now) => digests.plan(now));
  const nagRepository = new NagRepository(store);
  const nags = new NagLog(nagRepository);
  const introRepository = new IntroRepository(store);
  const intros = new IntroService({
    repository: introRepository,
    roles,
    outbox,
    nags,
    messages: inputs.introMessages,
    knownLocalesOf: (userIds) => locales.knownLocalesOf(userIds),
    clock,
    logger,
    cron: config.introsCron,
    timeZone: config.defaultTimezone,
  });
  const availability = new AvailabilityService({
    repository: new AvailabilityRepository(store),
    roles,
    audience,
    outbox,
    nags,
    messages: inputs.availabilityMessages,
    knownLocalesOf: (userIds) => locales.knownLocalesOf(userIds),
    clock,
    logger,
  });
  // Availability first: flags that lapse are gone before anything reads them this tick.
  scheduler.addPlanner('availability', (now) => availability.plan(now));
  scheduler.addPlanner('intros', (now) => intros.plan(now));
  const coffeeRepository = new CoffeeRepository(store);
  const coffee = new CoffeeService({
    repository: coffeeRepository,
    jobs,
    roles,
    audience,
    profileOf: (userId) => memberRepository.profile(userId),
    outbox,
    messages: inputs.coffeeMessages,
    localeOf: (userId) => locales.localeOf(userId),
    knownLocaleOf: (userId) => locales.knownLocaleOf(userId),
    clock,
    logger,
  });
  const studyReads = new StudyReadRepository(store);
  const onboarding = new OnboardingService(memberRepository, inputs.charter, clock);
  const approval = composeApproval(inputs, { store, roles, outbox, locales, onboarding });
  return {
    config,
    clock,
    logger,
    roles,
    asks,
    collab: collab.service,
    study: study.service,
    mentoring: mentoring.service,
    homeSections: new HomeSections(study.service, mentoring.service, studyReads, memberRepository),
    moderation: moderation.service,
    chapters,
    supporters: supporters.service,
    events,
    announcements,
    stats: new StatsService(new StatsRepository(store), roles, audience, clock, studyReads, () =>
      supporters.service.eventsHostedBySupporters(),
    ),
    digests,
    jobs,
    intros,
    availability,
    coffee,
    audience,
    members: new MemberService(
      memberRepository,
      new MemberSearchRepository(store),
      inputs.vocabulary,
      roles,
      clock,
    ),
    interests,
    onboarding,
    approval: approval.service,
    privacy: new PrivacyService(store, memberRepository, roleRepository, localeRepository, [
      memberData('events', eventRepository, events),
      memberData('announcementsAuthored', announcementRepository, announcementRepository),
      memberData('digests', digestRepository, digests),
      memberData('jobs', jobRepository, jobRepository),
      memberData('coffeeChats', coffee, coffee),
      memberData('intros', intros, intros),
      collab.privacy,
      study.privacy,
      memberData('asks', asks, asks),
      mentoring.privacy,
      moderation.privacy,
      approval.privacy,
      memberData('chapters', chapters, chapters),
      supporters.privacy,
      memberData('reminders', nagRepository, nagRepository),
      memberData('unsolicitedDmDays', dmDayRepository, dmDayRepository),
      memberData('privateChannelMemberships', audience, audience),
      {
        name: 'scheduledMessages',
        export: (userId) => outbox.addressedTo(userId),
        erase: async (userId) => {
          await outbox.forgetMember(userId);
        },
      },
    ]),
    locales,
    handledEvents: new HandledEventRepository(sql),
    store,
    databaseAnswers: () => databaseAnswers(sql),
    tasks: new TaskTracker(),
    outbox,
    scheduler,
  };
}
