/**
 * Every action_id, callback_id and block_id the bot uses. Views and listeners both read
 * them from here, so a renamed field cannot silently break its handler.
 */
export const ACTION = {
  agree: 'onboarding.agree',
  openProfile: 'profile.open',
  openInterests: 'interests.open',
  openPrivacy: 'privacy.open',
  privacyExport: 'privacy.export',
  privacyDelete: 'privacy.delete',
  rsvpGoing: 'event.rsvp.going',
  rsvpMaybe: 'event.rsvp.maybe',
  rsvpNotGoing: 'event.rsvp.not_going',
  eventIcs: 'event.ics',
  /** A link button: Slack still sends a block_actions payload, which we acknowledge. */
  eventCalendarLink: 'event.calendar',
  /** Previous / More under a long list; the value is the offset of the page to show. */
  eventsPrevious: 'events.page.previous',
  eventsMore: 'events.page.more',
  jobsPrevious: 'jobs.page.previous',
  jobsMore: 'jobs.page.more',
  homeRolesPrevious: 'home.roles.page.previous',
  homeRolesMore: 'home.roles.page.more',
  jobCurious: 'job.curious',
  jobRefer: 'job.refer',
  /** Link buttons (the apply URL; a DM with the curious member): Slack still sends block_actions. */
  jobApply: 'job.apply',
  jobMessageMember: 'job.message_member',
  referralContacted: 'job.referral.contacted',
  referralInterviewing: 'job.referral.interviewing',
  referralHired: 'job.referral.hired',
  referralClosed: 'job.referral.closed',
  introMetYes: 'intro.met.yes',
  introMetNotYet: 'intro.met.not_yet',
  introMetSkip: 'intro.met.skip',
  availabilityKeep: 'availability.keep',
  availabilityDrop: 'availability.drop',
  availabilityKeepAll: 'availability.keep_all',
  digestOff: 'digest.off',
  coffeeRequest: 'coffee.request',
  coffeeInviteConfirm: 'coffee.invite.confirm',
  coffeeInviteDecline: 'coffee.invite.decline',
  coffeeAskAccept: 'coffee.ask.accept',
  coffeeAskDecline: 'coffee.ask.decline',
  /** Opens the ask or offer form (value 'ask' or 'offer'): a DM has no trigger_id, a button does. */
  askOpen: 'ask.open',
  askRespond: 'ask.respond',
  askResolve: 'ask.resolve',
  askExtend: 'ask.extend',
  /** "Start a channel" (issue 13 §2), value: the item's id; in `asks mine`. */
  askChannel: 'ask.channel',
  /** "Join the channel", to a responder who hides their profile, value: the item's id. */
  collabJoin: 'collab.join',
  /** Study groups (issue 13 §3), value: the proposal's id. */
  studyIn: 'study.in',
  studyOut: 'study.out',
  /** To the proposer of a formed group: opens the event form prefilled. */
  studySchedule: 'study.schedule',
  /** "Join the channel", to a backer who hides their profile, value: the group's id. */
  studyJoin: 'study.join',
  /** A suggested mentor's answer to a request (issue 13 §4), value: the request's id. */
  mentorAccept: 'mentor.accept',
  mentorDecline: 'mentor.decline',
  /** The monthly check-in of a mentoring pair, value: the pair's id. */
  mentorContinue: 'mentor.checkin.continue',
  mentorPause: 'mentor.checkin.pause',
  mentorEnd: 'mentor.checkin.end',
  /** Reports to moderators (issue 14 §2). Opens the report form from a DM; value: a message link or ''. */
  reportOpen: 'report.open',
  /** A report card's moderator buttons, value: the report's id; the service checks the presser is an admin. */
  reportAcknowledge: 'report.acknowledge',
  reportRemind: 'report.remind',
  reportResolve: 'report.resolve',
  /** Who may join (issue 14 §1). Opens the eligibility form (new request, or the answer to a question); value: 'join'. */
  joinOpen: 'join.open',
  /** A join request card's admin buttons, value: the newcomer's user id; the service checks the presser is an admin. */
  joinApprove: 'join.approve',
  joinAsk: 'join.ask',
  joinDecline: 'join.decline',
  /** App Home's chapters (issue 14 §4), value: the chapter's id. */
  chapterJoin: 'chapter.join',
  chapterLeave: 'chapter.leave',
  /** A supporter's proposal card (issue 14 §3), value: the proposal's id; the service checks the presser is an organizer. */
  proposalApprove: 'proposal.approve',
  proposalDecline: 'proposal.decline',
  /** A destructive command's question: the Confirm button carries the command text, Keep nothing. */
  commandConfirm: 'command.confirm',
  commandKeep: 'command.keep',
} as const;

export const VIEW = {
  /** The profile form; its block ids come from its declaration (forms/profileForm.ts). */
  profile: 'profile.modal',
  /** The interests form; its block ids come from its declaration (forms/profileForm.ts). */
  interests: 'interests.modal',
  privacy: 'privacy.modal',
  done: 'done.modal',
  /** The event form; its block ids come from its declaration (forms/eventForm.ts). */
  event: 'event.modal',
  /** The announcement form; its block ids come from its declaration (forms/announcementForm.ts). */
  announcement: 'announcement.modal',
  /** The role and referral forms; their block ids come from their declarations (forms/jobForm.ts, forms/referralForm.ts). */
  job: 'job.modal',
  referral: 'job.referral.modal',
  /** The ask and offer form; its block ids come from its declaration (forms/askForm.ts). */
  ask: 'ask.modal',
  askResolve: 'ask.resolve.modal',
  /** The study-group proposal form; its block ids come from its declaration (forms/studyForm.ts). */
  study: 'study.modal',
  /** The report form; its block ids come from its declaration (forms/reportForm.ts). */
  report: 'report.modal',
  reportResolve: 'report.resolve.modal',
  /** The eligibility form; its block ids come from the community's facts (forms/eligibilityForm.ts). */
  join: 'join.modal',
  joinAsk: 'join.ask.modal',
  joinDecline: 'join.decline.modal',
  /** An organizer's reason for declining a supporter's proposal (forms/proposalForm.ts). */
  proposalDecline: 'proposal.decline.modal',
} as const;

/** Shortcuts' callback ids; the manifest test checks manifest.json declares exactly these. */
export const SHORTCUT = {
  /** "Report to moderators", a message shortcut on any message. */
  report: 'report.message',
} as const;
