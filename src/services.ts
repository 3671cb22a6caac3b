import type { Clock } from './clock';
import type { Config } from './config';
import { LocaleService, type SlackLocaleLookup } from './i18n/localeService';
import type { TagVocabulary } from './interests/tags';
import type { Logger } from './logger';
import { MemberService } from './members/service';
import type { CommunityCharter } from './onboarding/community';
import { OnboardingService } from './onboarding/service';
import { PrivacyService } from './privacy/service';
import { RoleService } from './roles/service';
import type { Db } from './storage/database';
import { HandledEventRepository } from './storage/handledEvents';
import { LocaleRepository } from './storage/locales';
import { MemberRepository } from './storage/members';
import { RoleRepository } from './storage/roles';
import { TaskTracker } from './tasks';

/** Everything the Slack layer may call: services with their rules, never SQL. */
export interface Services {
  readonly config: Config;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly members: MemberService;
  readonly roles: RoleService;
  readonly onboarding: OnboardingService;
  readonly privacy: PrivacyService;
  readonly locales: LocaleService;
  readonly handledEvents: HandledEventRepository;
  readonly tasks: TaskTracker;
}

export interface ServiceInputs {
  readonly config: Config;
  readonly db: Db;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly vocabulary: TagVocabulary;
  readonly charter: CommunityCharter;
  readonly localeLookup: SlackLocaleLookup;
}

export function createServices(inputs: ServiceInputs): Services {
  const { config, db, clock, logger } = inputs;
  const memberRepository = new MemberRepository(db);
  const roleRepository = new RoleRepository(db);
  const localeRepository = new LocaleRepository(db);
  const roles = new RoleService(roleRepository, config.adminUserIds, clock);
  return {
    config,
    clock,
    logger,
    roles,
    members: new MemberService(memberRepository, inputs.vocabulary, roles, clock),
    onboarding: new OnboardingService(memberRepository, inputs.charter, clock),
    privacy: new PrivacyService(db, memberRepository, roleRepository, localeRepository),
    locales: new LocaleService(localeRepository, inputs.localeLookup, config.defaultLocale, clock, logger),
    handledEvents: new HandledEventRepository(db),
    tasks: new TaskTracker(),
  };
}
