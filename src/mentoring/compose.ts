import { memberFacingDeps, type SharedParts } from '../composeParts';
import { memberData, type MemberDataSource } from '../privacy/service';
import type { ServiceInputs } from '../services';
import { MentoringRepository } from '../storage/mentoring';
import { MentoringService, type MentoringMessages } from './service';

export type { MentoringService, MentoringMessages };

/**
 * The mentoring service (issue 13 §4), its planner (the 7-day hand-on, monthly check-ins) and its
 * part of the privacy export and erasure; kept here so that services.ts stays one line per capability.
 */
export function composeMentoring(
  inputs: ServiceInputs,
  parts: SharedParts,
): { service: MentoringService; privacy: MemberDataSource } {
  const service = new MentoringService({
    ...memberFacingDeps(inputs, parts),
    repository: new MentoringRepository(parts.store),
    outbox: parts.outbox,
    messages: inputs.mentoringMessages,
  });
  parts.scheduler.addPlanner('mentoring', (now) => service.plan(now));
  return {
    service,
    privacy: memberData('mentoring', service, service),
  };
}
