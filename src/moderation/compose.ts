import type { LocaleService } from '../i18n/localeService';
import type { MemberDataSource } from '../privacy/service';
import type { RoleService } from '../roles/service';
import type { Outbox } from '../scheduler/outbox';
import type { ServiceInputs } from '../services';
import { ReportRepository } from '../storage/reports';
import type { Store } from '../storage/store';
import { ModerationService, type ModerationMessages } from './service';

export type { ModerationService, ModerationMessages };

/** What the composition root has already built that moderation uses. */
export interface ModerationParts {
  readonly store: Store;
  readonly roles: RoleService;
  readonly outbox: Outbox;
  readonly locales: LocaleService;
}

/**
 * Reports to moderators (issue 14 §2) and their part of the privacy export and erasure; kept here
 * so that services.ts stays one line per capability.
 */
export function composeModeration(
  inputs: ServiceInputs,
  parts: ModerationParts,
): { service: ModerationService; privacy: MemberDataSource } {
  const service = new ModerationService({
    repository: new ReportRepository(parts.store),
    store: parts.store,
    roles: parts.roles,
    channelId: inputs.config.moderationChannelId,
    conduct: (locale) => inputs.charter.text(locale).conduct,
    outbox: parts.outbox,
    messages: inputs.moderationMessages,
    localeOf: (userId) => parts.locales.localeOf(userId),
    clock: inputs.clock,
    logger: inputs.logger,
  });
  return {
    service,
    privacy: {
      name: 'reports',
      export: (userId) => service.exportMember(userId),
      erase: (userId) => service.eraseMember(userId),
    },
  };
}
