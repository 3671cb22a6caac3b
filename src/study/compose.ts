import { memberFacingDeps, type SharedParts } from '../composeParts';
import { memberData, type MemberDataSource } from '../privacy/service';
import type { ServiceInputs } from '../services';
import { StudyRepository } from '../storage/study';
import { StudyService } from './service';
import type { StudyMessages } from './types';

export type { StudyService, StudyMessages };

/**
 * The study-group service (issue 13 §3), its planner, and its part of the privacy export and
 * erasure. Its channels are made through collaboration channels' Slack port (inputs.collab.slack).
 */
export function composeStudy(
  inputs: ServiceInputs,
  parts: SharedParts,
): { service: StudyService; privacy: MemberDataSource } {
  const service = new StudyService({
    ...memberFacingDeps(inputs, parts),
    repository: new StudyRepository(parts.store),
    submissions: parts.submissions,
    interestsOf: (userId) => parts.memberRepository.interests(userId),
    slack: inputs.collab.slack,
    messages: inputs.studyMessages,
    outbox: parts.outbox,
  });
  // Before digests, so that a proposal past its 30 days has lapsed before a digest could offer it.
  parts.scheduler.addPlanner('study groups', (now) => service.plan(now));
  return {
    service,
    privacy: memberData('studyGroups', service, service),
  };
}
