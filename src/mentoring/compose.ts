import type { LocaleService } from '../i18n/localeService';
import type { UnsolicitedDmLimit } from '../members/dmLimit';
import type { MemberDataSource } from '../privacy/service';
import type { RoleService } from '../roles/service';
import type { Outbox } from '../scheduler/outbox';
import type { Scheduler } from '../scheduler/scheduler';
import type { ServiceInputs } from '../services';
import { MentoringRepository } from '../storage/mentoring';
import type { MemberRepository } from '../storage/members';
import type { Store } from '../storage/store';
import { MentoringService, type MentoringMessages } from './service';

export type { MentoringService, MentoringMessages };

/** What the composition root has already built that mentoring uses. */
export interface MentoringParts {
  readonly store: Store;
  readonly dmLimit: UnsolicitedDmLimit;
  readonly roles: RoleService;
  readonly outbox: Outbox;
  readonly scheduler: Scheduler;
  readonly memberRepository: MemberRepository;
  readonly locales: LocaleService;
}

/**
 * The mentoring service (issue 13 §4), its planner (the 7-day hand-on, monthly check-ins) and its
 * part of the privacy export and erasure; kept here so that services.ts stays one line per capability.
 */
export function composeMentoring(
  inputs: ServiceInputs,
  parts: MentoringParts,
): { service: MentoringService; privacy: MemberDataSource } {
  const service = new MentoringService({
    repository: new MentoringRepository(parts.store),
    store: parts.store,
    dmLimit: parts.dmLimit,
    roles: parts.roles,
    profileOf: (userId) => parts.memberRepository.profile(userId),
    outbox: parts.outbox,
    messages: inputs.mentoringMessages,
    knownLocaleOf: (userId) => parts.locales.knownLocaleOf(userId),
    clock: inputs.clock,
    logger: inputs.logger,
  });
  parts.scheduler.addPlanner('mentoring', (now) => service.plan(now));
  return {
    service,
    privacy: {
      name: 'mentoring',
      export: (userId) => service.exportMember(userId),
      erase: (userId) => service.eraseMember(userId),
    },
  };
}
