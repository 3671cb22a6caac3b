import type { Clock } from './clock';
import type { Locale } from './i18n';
import type { LocaleService } from './i18n/localeService';
import type { Logger } from './logger';
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

/** The shared parts a service takes that tells members things through the outbox (moderation, approval). */
export type NotifyingParts = Pick<SharedParts, 'store' | 'roles' | 'outbox' | 'locales'>;

/** What such a service's deps share, read from the parts in one place. */
export interface NotifyingDeps {
  readonly store: Store;
  readonly roles: RoleService;
  readonly outbox: Outbox;
  readonly localeOf: (userId: string) => Promise<Locale>;
  readonly clock: Clock;
  readonly logger: Logger;
}

export function notifyingDeps(inputs: ServiceInputs, parts: NotifyingParts): NotifyingDeps {
  return {
    store: parts.store,
    roles: parts.roles,
    outbox: parts.outbox,
    localeOf: (userId) => parts.locales.localeOf(userId),
    clock: inputs.clock,
    logger: inputs.logger,
  };
}
