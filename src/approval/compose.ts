import type { LocaleService } from '../i18n/localeService';
import type { OnboardingService } from '../onboarding/service';
import type { MemberDataSource } from '../privacy/service';
import type { RoleService } from '../roles/service';
import type { Outbox } from '../scheduler/outbox';
import type { ServiceInputs } from '../services';
import { JoinRequestRepository } from '../storage/joinRequests';
import type { Store } from '../storage/store';
import { ApprovalService, type ApprovalMessages } from './service';

export type { ApprovalService, ApprovalMessages };

/** What the composition root has already built that approval uses. */
export interface ApprovalParts {
  readonly store: Store;
  readonly roles: RoleService;
  readonly outbox: Outbox;
  readonly locales: LocaleService;
  readonly onboarding: OnboardingService;
}

/** Who may join (issue 14 §1), and its part of the privacy export and erasure. */
export function composeApproval(
  inputs: ServiceInputs,
  parts: ApprovalParts,
): { service: ApprovalService; privacy: MemberDataSource } {
  const service = new ApprovalService({
    repository: new JoinRequestRepository(parts.store),
    store: parts.store,
    roles: parts.roles,
    enabled: inputs.config.approval,
    autoApproveDomains: inputs.config.autoApproveEmailDomains,
    agreementState: (userId) => parts.onboarding.agreementState(userId),
    outbox: parts.outbox,
    messages: inputs.approvalMessages,
    localeOf: (userId) => parts.locales.localeOf(userId),
    clock: inputs.clock,
    logger: inputs.logger,
  });
  return {
    service,
    privacy: {
      name: 'joinRequest',
      export: (userId) => service.exportMember(userId),
      erase: (userId) => service.eraseMember(userId),
    },
  };
}
