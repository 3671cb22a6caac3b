import type { LocaleService } from './i18n/localeService';
import type { UnsolicitedDmLimit } from './members/dmLimit';
import type { MemberFacingDeps } from './members/memberFacing';
import type { RoleService } from './roles/service';
import type { Outbox } from './scheduler/outbox';
import type { Scheduler } from './scheduler/scheduler';
import type { ServiceInputs } from './serviceTypes';
import type { MemberRepository } from './storage/members';
import type { Store } from './storage/store';
import type { ViewSubmissionRepository } from './storage/viewSubmissions';

/**
 * What the composition root builds first and every capability's composer (study/compose.ts,
 * mentoring/compose.ts, …) takes from, so that services.ts stays one line per capability.
 */
export interface SharedParts {
  readonly store: Store;
  readonly dmLimit: UnsolicitedDmLimit;
  readonly submissions: ViewSubmissionRepository;
  readonly roles: RoleService;
  readonly outbox: Outbox;
  readonly scheduler: Scheduler;
  readonly memberRepository: MemberRepository;
  readonly locales: LocaleService;
}

/** The dependencies every member-facing service shares, read from the shared parts in one place. */
export function memberFacingDeps(inputs: ServiceInputs, parts: SharedParts): MemberFacingDeps {
  return {
    store: parts.store,
    roles: parts.roles,
    profileOf: (userId) => parts.memberRepository.profile(userId),
    dmLimit: parts.dmLimit,
    knownLocaleOf: (userId) => parts.locales.knownLocaleOf(userId),
    clock: inputs.clock,
    logger: inputs.logger,
  };
}
