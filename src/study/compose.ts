import type { LocaleService } from '../i18n/localeService';
import type { UnsolicitedDmLimit } from '../members/dmLimit';
import { memberData, type MemberDataSource } from '../privacy/service';
import type { RoleService } from '../roles/service';
import type { Outbox } from '../scheduler/outbox';
import type { Scheduler } from '../scheduler/scheduler';
import type { ServiceInputs } from '../services';
import type { MemberRepository } from '../storage/members';
import type { Store } from '../storage/store';
import { StudyRepository } from '../storage/study';
import type { ViewSubmissionRepository } from '../storage/viewSubmissions';
import { StudyService } from './service';
import type { StudyMessages } from './types';

export type { StudyService, StudyMessages };

/** What the composition root has already built that study groups use. */
export interface StudyParts {
  readonly store: Store;
  readonly dmLimit: UnsolicitedDmLimit;
  readonly submissions: ViewSubmissionRepository;
  readonly roles: RoleService;
  readonly outbox: Outbox;
  readonly scheduler: Scheduler;
  readonly memberRepository: MemberRepository;
  readonly locales: LocaleService;
}

/**
 * The study-group service (issue 13 §3), its planner, and its part of the privacy export and
 * erasure. Its channels are made through collaboration channels' Slack port (inputs.collab.slack).
 */
export function composeStudy(
  inputs: ServiceInputs,
  parts: StudyParts,
): { service: StudyService; privacy: MemberDataSource } {
  const service = new StudyService({
    repository: new StudyRepository(parts.store),
    store: parts.store,
    dmLimit: parts.dmLimit,
    submissions: parts.submissions,
    roles: parts.roles,
    profileOf: (userId) => parts.memberRepository.profile(userId),
    interestsOf: (userId) => parts.memberRepository.interests(userId),
    slack: inputs.collab.slack,
    messages: inputs.studyMessages,
    outbox: parts.outbox,
    knownLocaleOf: (userId) => parts.locales.knownLocaleOf(userId),
    clock: inputs.clock,
    logger: inputs.logger,
  });
  // Before digests, so that a proposal past its 30 days has lapsed before a digest could offer it.
  parts.scheduler.addPlanner('study groups', (now) => service.plan(now));
  return {
    service,
    privacy: memberData('studyGroups', service, service),
  };
}
