import { z } from 'zod';
import type { NotInAudience } from '../audience/types';
import { isDomainError, type DomainError } from '../domainErrors';
import { messages, people, type Catalogue, type Locale } from '../i18n';
import type { Logger } from '../logger';
import type { NotFound } from '../notFound';
import type { PermissionDenied } from '../roles/types';
import { errorReference } from './errors';
import { escapeMrkdwn } from './views/text';

/**
 * Where the failure happened, which decides the words for the two errors whose meaning depends on
 * it: a NotInAudience (a member answering a card, or someone managing the item) and a ZodError (a
 * button value we wrote came back unreadable, so it was forged or stale; elsewhere it is a bug).
 */
export type Surface =
  | 'command'
  | 'manage_form'
  | 'member_form'
  | 'event_button'
  | 'role_button'
  | 'coffee_button'
  | 'ask_button'
  | 'mentor_button'
  | 'report_button'
  | 'proposal_button'
  | 'other';

interface SurfaceWords {
  readonly audience: 'member' | 'manager';
  readonly forgedValue?: (m: Catalogue) => string;
}

const SURFACES: Record<Surface, SurfaceWords> = {
  command: { audience: 'manager' },
  manage_form: { audience: 'manager' },
  member_form: { audience: 'member' },
  event_button: { audience: 'member', forgedValue: (m) => m.events.notFound('?') },
  role_button: { audience: 'member', forgedValue: (m) => m.jobs.notFound('?') },
  coffee_button: { audience: 'member', forgedValue: (m) => m.coffee.notYours },
  ask_button: { audience: 'member', forgedValue: (m) => m.asks.notFound('?') },
  mentor_button: { audience: 'member', forgedValue: (m) => m.mentoring.notFound('?') },
  report_button: { audience: 'manager', forgedValue: (m) => m.moderation.notFound('?') },
  proposal_button: { audience: 'manager', forgedValue: (m) => m.supporters.notFound('?') },
  other: { audience: 'member' },
};

/** What failed and for whom: `where` starts the log line ("command", "job button job_refer", …). */
export interface Failure {
  readonly where: string;
  readonly userId: string;
  readonly surface: Surface;
}

/**
 * A submitted form whose state Slack would never send: nothing is saved, and the member gets a
 * reference like any unexpected error, but it is bad input rather than our fault, so a warning.
 */
export class UnreadableSubmission extends Error {
  constructor() {
    super('the submitted state is unreadable');
  }
}

export function permissionText(error: PermissionDenied, locale: Locale): string {
  const m = messages(locale);
  return m.common.permissionDenied(error.needed.map((role) => m.roleName[role]).join(m.common.or));
}

function notInAudienceText(error: NotInAudience, locale: Locale, audience: 'member' | 'manager'): string {
  const m = messages(locale);
  switch (error.item) {
    case 'event':
      return audience === 'member' ? m.events.notInAudience : m.events.notInAudienceManage;
    case 'role':
      return audience === 'member' ? m.jobs.notInAudience : m.jobs.notInAudienceManage;
    case 'announcement':
      // Only its author or an admin ever acts on an announcement: there are no member words.
      return m.announcements.notInAudienceManage;
  }
}

function notFoundText(error: NotFound, m: Catalogue): string {
  const id = String(error.id);
  switch (error.item) {
    case 'event':
      return m.events.notFound(id);
    case 'role':
      return m.jobs.notFound(id);
    case 'referral':
      return m.jobs.referralNotFound;
    case 'announcement':
      return m.announcements.notFound(id);
    case 'ask':
      return m.asks.notFound(id);
    case 'study':
      return m.study.notFound(id);
    case 'mentoring':
      return m.mentoring.notFound(id);
    case 'report':
      return m.moderation.notFound(id);
    case 'proposal':
      return m.supporters.notFound(id);
  }
}

/** One info line (ids only) for a refusal, so an admin can see who was turned away and why. */
function logRefusal(logger: Logger, failure: Failure, why: string): void {
  logger.info(`${failure.where}: refused ${failure.userId}: ${why}`);
}

/** The words for each refusal a service throws on purpose: exhaustive, so a new error must get words. */
function domainText(error: DomainError, locale: Locale, failure: Failure, logger: Logger): string {
  const m = messages(locale);
  switch (error.code) {
    case 'not_found':
      return notFoundText(error, m);
    case 'event_closed':
      return error.reason === 'cancelled' ? m.events.rsvpClosedCancelled : m.events.rsvpClosedEnded;
    case 'job_not_open':
      return m.jobs.notOpen[error.status];
    case 'ask_not_open':
      return m.asks.notOpen[error.status];
    case 'own_ask':
      return m.asks.ownItem;
    case 'not_ask_author':
      logRefusal(logger, failure, error.message);
      return m.asks.notAuthor(error.askId);
    case 'not_in_audience':
      logRefusal(logger, failure, `not in ${error.channelId}, where the ${error.item} is`);
      return notInAudienceText(error, locale, SURFACES[failure.surface].audience);
    case 'permission_denied':
      logRefusal(logger, failure, error.message);
      return permissionText(error, locale);
    case 'not_event_owner':
      logRefusal(logger, failure, error.message);
      return m.events.onlyOwnerOrAdmin(error.eventId);
    case 'not_announcement_author':
      logRefusal(logger, failure, error.message);
      return m.announcements.onlyAuthorOrAdmin(error.announcementId);
    case 'not_recruiter':
      logRefusal(logger, failure, error.message);
      return m.jobs.moveRefused;
    case 'not_your_request':
      logRefusal(logger, failure, 'not theirs');
      return m.coffee.notYours;
    case 'contacts_outside_channel':
      logRefusal(logger, failure, `${error.userIds.length} contact(s) not in ${error.channelId}`);
      return m.coffee.outsideChannel(people(locale, error.userIds), `<#${error.channelId}>`);
    case 'too_few_for_channel':
      return m.collab.tooFew;
    case 'channel_in_progress':
      return m.collab.inProgress;
    case 'no_free_channel_name':
      return m.collab.noFreeName(error.base);
    case 'not_channel_starter':
      logRefusal(logger, failure, error.message);
      return m.collab.notStarter(error.askId);
    case 'not_joinable':
      logRefusal(logger, failure, error.message);
      return m.collab.notJoinable;
    case 'channel_refused':
      return m.common.channelRefused[error.reason];
    case 'study_not_open':
      return m.study.notOpen[error.status];
    case 'proposer_stays_in':
      return m.study.proposerStays;
    case 'not_study_host':
      logRefusal(logger, failure, error.message);
      return m.study.notHost(error.groupId);
    case 'not_mentor':
      return m.mentoring.notMentor;
    case 'mentor_request_pending':
      return m.mentoring.requestPending(error.requestId);
    case 'not_asked_to_mentor':
      return m.mentoring.notAsked;
    case 'mentor_at_capacity':
      return m.mentoring.atCapacity(error.capacity);
    case 'not_in_mentor_pair':
      logRefusal(logger, failure, error.message);
      return m.mentoring.notInPair;
    case 'report_author_unknown':
      return m.moderation.authorUnknownRefusal(error.reportId);
    case 'reports_not_set_up':
      return m.moderation.notSetUp;
    case 'join_request_not_found':
      return m.approval.notFound;
    case 'unknown_chapter':
      if (error.archived) return m.chapters.gone;
      return error.suggestion === undefined
        ? m.chapters.unknown(escapeMrkdwn(error.given))
        : m.chapters.didYouMean(escapeMrkdwn(error.given), escapeMrkdwn(error.suggestion));
    case 'chapter_taken':
      return error.what === 'name'
        ? m.chapters.nameTaken(escapeMrkdwn(error.chapterName))
        : m.chapters.channelTaken(escapeMrkdwn(error.chapterName));
  }
}

/** The words for a refusal or a missing item, or undefined when the error is not one we expect. */
function knownText(error: unknown, locale: Locale, failure: Failure, logger: Logger): string | undefined {
  if (isDomainError(error)) return domainText(error, locale, failure, logger);
  const forgedValue = SURFACES[failure.surface].forgedValue;
  if (error instanceof z.ZodError && forgedValue !== undefined) {
    logRefusal(logger, failure, 'unreadable value');
    return forgedValue(messages(locale));
  }
  return undefined;
}

/**
 * The one place an error becomes words for the member. Known domain errors get their catalogue
 * text; anything else gets a short reference, quoted to the member and in one log line with the
 * error (ids only: never tokens or what the member typed).
 */
export function userMessage(error: unknown, locale: Locale, failure: Failure, logger: Logger): string {
  const known = knownText(error, locale, failure, logger);
  if (known !== undefined) return known;
  const ref = errorReference();
  if (error instanceof UnreadableSubmission)
    logger.warn(
      `${failure.where} from ${failure.userId} has an unreadable state; nothing saved (ref ${ref})`,
    );
  else logger.error(`${failure.where} failed for ${failure.userId} (ref ${ref}):`, error);
  return messages(locale).common.error(ref);
}
