import { JoinRequestNotFound } from './approval/types';
import { NotAnnouncementAuthor } from './announcements/types';
import { ChapterTaken, UnknownChapter } from './chapters/types';
import { AskNotOpen, NotAskAuthor, OwnAsk } from './asks/types';
import { ChannelRefused, NotInAudience } from './audience/types';
import { NotJoinable } from './collab/channels';
import { ChannelInProgress, NoFreeChannelName, NotChannelStarter, TooFewForChannel } from './collab/types';
import { ContactsOutsideChannel, NotYourRequest } from './coffee/types';
import { EventClosed, NotEventOwner } from './events/types';
import { JobNotOpen, NotRecruiter } from './jobs/types';
import {
  MentorAtCapacity,
  MentorRequestPending,
  NotAskedToMentor,
  NotInMentorPair,
  NotMentor,
} from './mentoring/types';
import { ReportAuthorUnknown, ReportsNotSetUp } from './moderation/types';
import { NotFound } from './notFound';
import { PermissionDenied } from './roles/types';
import { NotStudyHost, ProposerStaysIn, StudyNotOpen } from './study/types';

/**
 * Every refusal a service may throw at a member on purpose. Each carries a literal `code`, so the
 * Slack layer turns them into words with one exhaustive switch: a new error class added here and
 * not given words there fails to compile.
 */
const DOMAIN_ERRORS = [
  NotFound,
  NotEventOwner,
  EventClosed,
  JobNotOpen,
  NotRecruiter,
  NotYourRequest,
  ContactsOutsideChannel,
  PermissionDenied,
  NotAskAuthor,
  AskNotOpen,
  OwnAsk,
  NotAnnouncementAuthor,
  NotInAudience,
  ChannelRefused,
  TooFewForChannel,
  NotChannelStarter,
  ChannelInProgress,
  NoFreeChannelName,
  NotJoinable,
  StudyNotOpen,
  ProposerStaysIn,
  NotStudyHost,
  NotMentor,
  MentorRequestPending,
  NotAskedToMentor,
  MentorAtCapacity,
  NotInMentorPair,
  ReportAuthorUnknown,
  ReportsNotSetUp,
  JoinRequestNotFound,
  UnknownChapter,
  ChapterTaken,
] as const;

export type DomainError = InstanceType<(typeof DOMAIN_ERRORS)[number]>;
export type DomainErrorCode = DomainError['code'];

export function isDomainError(error: unknown): error is DomainError {
  return DOMAIN_ERRORS.some((known) => error instanceof known);
}
