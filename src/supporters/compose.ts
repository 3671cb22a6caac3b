import type { AnnouncementService } from '../announcements/service';
import type { AudienceService } from '../audience/service';
import type { EventService } from '../events/service';
import type { MemberDataSource } from '../privacy/service';
import type { RoleService } from '../roles/service';
import type { ServiceInputs } from '../serviceTypes';
import type { MemberRepository } from '../storage/members';
import { SupporterRepository } from '../storage/supporters';
import type { Store } from '../storage/store';
import { SupporterService } from './service';

export type { SupporterService };

/** What the composition root has already built that supporters use. */
export interface SupporterParts {
  readonly store: Store;
  readonly roles: RoleService;
  readonly audience: AudienceService;
  readonly events: EventService;
  readonly announcements: AnnouncementService;
  readonly memberRepository: MemberRepository;
}

/** Supporters (issue 14 §3) and their part of the privacy export and erasure. */
export function composeSupporters(
  inputs: ServiceInputs,
  parts: SupporterParts,
): { service: SupporterService; privacy: MemberDataSource } {
  const service = new SupporterService({
    repository: new SupporterRepository(parts.store),
    roles: parts.roles,
    audience: parts.audience,
    events: parts.events,
    announcements: parts.announcements,
    visibilityOf: async (userId) => (await parts.memberRepository.profile(userId))?.visibility ?? 'nobody',
    postDirectly: inputs.config.supportersPostDirectly,
    clock: inputs.clock,
    logger: inputs.logger,
  });
  return {
    service,
    privacy: {
      name: 'supporterProposals',
      export: (userId) => service.exportMember(userId),
      erase: async (userId) => {
        const erased = await service.eraseMember(userId);
        return { eventCards: erased.creditedEvents, removedCards: erased.removedCards };
      },
    },
  };
}
