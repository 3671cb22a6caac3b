import { z } from 'zod';
import { NotInAudience } from '../audience/types';
import { AnnouncementNotFound, NotAnnouncementAuthor } from '../announcements/types';
import { NotYourRequest } from '../coffee/types';
import { AskNotFound, AskNotOpen, NotAskAuthor, OwnAsk } from '../asks/types';
import { ChannelInProgress, NoFreeChannelName, NotChannelStarter, TooFewForChannel } from '../collab/types';
import { EventClosed, EventNotFound, NotEventOwner } from '../events/types';
import { messages, type Catalogue, type Locale } from '../i18n';
import { JobNotFound, JobNotOpen, NotRecruiter, ReferralNotFound } from '../jobs/types';
import type { Logger } from '../logger';
import { PermissionDenied } from '../roles/types';
import { errorReference } from './errors';

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

/** The words for a refusal or a missing item, or undefined when the error is not one we expect. */
function knownText(error: unknown, locale: Locale, failure: Failure, logger: Logger): string | undefined {
  const m = messages(locale);
  const surface = SURFACES[failure.surface];
  if (error instanceof EventNotFound) return m.events.notFound(String(error.eventId));
  if (error instanceof EventClosed)
    return error.reason === 'cancelled' ? m.events.rsvpClosedCancelled : m.events.rsvpClosedEnded;
  if (error instanceof JobNotFound) return m.jobs.notFound(String(error.jobId));
  if (error instanceof JobNotOpen) return m.jobs.notOpen[error.status];
  if (error instanceof ReferralNotFound) return m.jobs.referralNotFound;
  if (error instanceof AnnouncementNotFound) return m.announcements.notFound(String(error.announcementId));
  if (error instanceof AskNotFound) return m.asks.notFound(String(error.askId));
  if (error instanceof AskNotOpen) return m.asks.notOpen[error.status];
  if (error instanceof OwnAsk) return m.asks.ownItem;
  if (error instanceof NotAskAuthor) {
    logger.info(`${failure.where}: refused ${failure.userId}: ${error.message}`);
    return m.asks.notAuthor(error.askId);
  }
  if (error instanceof TooFewForChannel) return m.collab.tooFew;
  if (error instanceof ChannelInProgress) return m.collab.inProgress;
  if (error instanceof NoFreeChannelName) return m.collab.noFreeName(error.base);
  if (error instanceof NotChannelStarter) {
    logger.info(`${failure.where}: refused ${failure.userId}: ${error.message}`);
    return m.collab.notStarter(error.askId);
  }
  // Refusals get one info line (ids only), so an admin can see who was turned away and why.
  if (error instanceof NotInAudience) {
    logger.info(
      `${failure.where}: refused ${failure.userId}: not in ${error.channelId}, where the ${error.item} is`,
    );
    return notInAudienceText(error, locale, surface.audience);
  }
  if (error instanceof PermissionDenied) {
    logger.info(`${failure.where}: refused ${failure.userId}: ${error.message}`);
    return permissionText(error, locale);
  }
  if (error instanceof NotEventOwner) {
    logger.info(`${failure.where}: refused ${failure.userId}: ${error.message}`);
    return m.events.onlyOwnerOrAdmin(error.eventId);
  }
  if (error instanceof NotAnnouncementAuthor) {
    logger.info(`${failure.where}: refused ${failure.userId}: ${error.message}`);
    return m.announcements.onlyAuthorOrAdmin(error.announcementId);
  }
  if (error instanceof NotRecruiter) {
    logger.info(`${failure.where}: refused ${failure.userId}: ${error.message}`);
    return m.jobs.moveRefused;
  }
  if (error instanceof NotYourRequest) {
    logger.info(`${failure.where}: refused ${failure.userId}: not theirs`);
    return m.coffee.notYours;
  }
  if (error instanceof z.ZodError && surface.forgedValue !== undefined) {
    logger.info(`${failure.where}: refused ${failure.userId}: unreadable value`);
    return surface.forgedValue(m);
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
