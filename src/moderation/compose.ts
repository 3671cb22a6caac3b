import { notifyingDeps, type SharedParts } from '../composeParts';
import { memberData, type MemberDataSource } from '../privacy/service';
import type { ServiceInputs } from '../services';
import { ReportRepository } from '../storage/reports';
import { ModerationService, type ModerationMessages } from './service';

export type { ModerationService, ModerationMessages };

/**
 * Reports to moderators (issue 14 §2) and their part of the privacy export and erasure; kept here
 * so that services.ts stays one line per capability.
 */
export function composeModeration(
  inputs: ServiceInputs,
  parts: SharedParts,
): { service: ModerationService; privacy: MemberDataSource } {
  const service = new ModerationService({
    ...notifyingDeps(inputs, parts),
    repository: new ReportRepository(parts.store),
    channelId: inputs.config.moderationChannelId,
    conduct: (locale) => inputs.charter.text(locale).conduct,
    messages: inputs.moderationMessages,
  });
  return {
    service,
    privacy: memberData('reports', service, service),
  };
}
