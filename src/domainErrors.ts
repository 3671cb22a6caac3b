import { AnnouncementNotFound, NotAnnouncementAuthor } from './announcements/types';
import { AskNotFound, AskNotOpen, NotAskAuthor, OwnAsk } from './asks/types';
import { ChannelRefused, NotInAudience } from './audience/types';
import { ContactsOutsideChannel, NotYourRequest } from './coffee/types';
import { EventClosed, EventNotFound, NotEventOwner } from './events/types';
import { JobNotFound, JobNotOpen, NotRecruiter, ReferralNotFound } from './jobs/types';
import { PermissionDenied } from './roles/types';

/**
 * Every refusal a service may throw at a member on purpose. Each carries a literal `code`, so the
 * Slack layer turns them into words with one exhaustive switch: a new error class added here and
 * not given words there fails to compile.
 */
const DOMAIN_ERRORS = [
  EventNotFound,
  NotEventOwner,
  EventClosed,
  JobNotFound,
  JobNotOpen,
  ReferralNotFound,
  NotRecruiter,
  NotYourRequest,
  ContactsOutsideChannel,
  PermissionDenied,
  AskNotFound,
  NotAskAuthor,
  AskNotOpen,
  OwnAsk,
  AnnouncementNotFound,
  NotAnnouncementAuthor,
  NotInAudience,
  ChannelRefused,
] as const;

export type DomainError = InstanceType<(typeof DOMAIN_ERRORS)[number]>;
export type DomainErrorCode = DomainError['code'];

export function isDomainError(error: unknown): error is DomainError {
  return DOMAIN_ERRORS.some((known) => error instanceof known);
}
