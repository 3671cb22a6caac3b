import type { SharedParts } from '../composeParts';
import type { AskService } from '../asks/service';
import type { MemberDataSource } from '../privacy/service';
import type { ServiceInputs } from '../services';
import { CollabRepository } from '../storage/collab';
import { CollabService } from './service';
import type { CollabMessages, CollabSlack } from './types';

export type { CollabService, CollabMessages, CollabSlack };

/** What the composition root gives collaboration channels: their Slack calls and their words. */
export interface CollabInputs {
  readonly slack: CollabSlack;
  readonly messages: CollabMessages;
}

/** What the composition root has already built that collaboration channels use. */
export interface CollabParts extends SharedParts {
  readonly asks: AskService;
}

/**
 * The collaboration-channel service (issue 13 §2), its planner, and its part of the privacy export
 * and erasure; kept here so that services.ts stays a list of one line per capability.
 */
export function composeCollab(
  inputs: ServiceInputs,
  parts: CollabParts,
): { service: CollabService; privacy: MemberDataSource } {
  const { config, clock, logger } = inputs;
  const service = new CollabService({
    repository: new CollabRepository(parts.store),
    store: parts.store,
    asks: parts.asks,
    roles: parts.roles,
    profileOf: (userId) => parts.memberRepository.profile(userId),
    slack: inputs.collab.slack,
    messages: inputs.collab.messages,
    outbox: parts.outbox,
    knownLocaleOf: (userId) => parts.locales.knownLocaleOf(userId),
    idleDays: config.collabIdleDays,
    clock,
    logger,
  });
  parts.scheduler.addPlanner('collaboration channels', (now) => service.plan(now));
  return {
    service,
    // Must come before the asks' own source: erasing a member's items takes their channels' rows,
    // and with them the first posts to delete, by cascade.
    privacy: {
      name: 'collaborationChannels',
      export: (userId) => service.exportMember(userId),
      erase: (userId) => service.eraseMember(userId),
    },
  };
}
