import { notifyingDeps, type NotifyingParts } from '../composeParts';
import type { OnboardingService } from '../onboarding/service';
import { memberData, type MemberDataSource } from '../privacy/service';
import type { ServiceInputs } from '../services';
import { JoinRequestRepository } from '../storage/joinRequests';
import { ApprovalService, type ApprovalMessages } from './service';

export type { ApprovalService, ApprovalMessages };

/** What the composition root has already built that approval uses. */
export interface ApprovalParts extends NotifyingParts {
  readonly onboarding: OnboardingService;
}

/** Who may join (issue 14 §1), and its part of the privacy export and erasure. */
export function composeApproval(
  inputs: ServiceInputs,
  parts: ApprovalParts,
): { service: ApprovalService; privacy: MemberDataSource } {
  const service = new ApprovalService({
    ...notifyingDeps(inputs, parts),
    repository: new JoinRequestRepository(parts.store),
    enabled: inputs.config.approval,
    autoApproveDomains: inputs.config.autoApproveEmailDomains,
    agreementState: (userId) => parts.onboarding.agreementState(userId),
    messages: inputs.approvalMessages,
  });
  return { service, privacy: memberData('joinRequest', service, service) };
}
